package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookGenerator;
import java.time.LocalDate;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The state the engine benchmarks share: the 32 households of one {@link Bins size bin}, generated
 * once per trial (not timed), a standard {@link Rebalancer}, and a cursor that hands out the next
 * household on each call, so the sampled distribution is over households.
 */
@State(Scope.Thread)
public abstract class BinnedHouseholds {
  /** The size bin. */
  @Param({"BOOK", "SMALL", "MEDIAN", "LARGE", "LOTS300"})
  public String bin;

  /** The rebalancer under test. */
  protected Rebalancer rebalancer;

  /** The book's market data. */
  protected MarketData marketData;

  /** The book's as-of date. */
  protected LocalDate asOf;

  private Household[] households;
  private int next;

  /** Generates the bin's households once per trial. */
  @Setup(Level.Trial)
  public void generate() {
    BookGenerator generator = Bins.generator();
    rebalancer = Rebalancer.standard();
    marketData = generator.marketData();
    asOf = generator.asOf();
    households = Bins.valueOf(bin).households(generator);
  }

  /** Returns the next household of the bin, cycling. */
  protected Household nextHousehold() {
    Household h = households[next];
    next = (next + 1) % households.length;
    return h;
  }
}
