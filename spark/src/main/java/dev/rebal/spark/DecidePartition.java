package dev.rebal.spark;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdLines;
import dev.rebal.json.HouseholdRead;
import dev.rebal.json.ReadFailure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Locale;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Row;

/**
 * Decides one partition: builds one {@link Rebalancer} from the broadcast inputs, then maps each
 * household line (already sorted by household id, then line, within the partition) to its row,
 * lazily, chaining the audit records of the partition from {@link AuditRecord#GENESIS}. What a
 * household gets is exactly what {@link dev.rebal.engine.BookRebalancer} gives it: the decision, or
 * for a rebalance that throws a {@code FAILED} entry with the same error text and inputs hash.
 */
final class DecidePartition implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;

  private final Broadcast<JobInputs> inputs;

  DecidePartition(Broadcast<JobInputs> inputs) {
    this.inputs = inputs;
  }

  @Override
  public Iterator<Row> call(Iterator<Row> lines) {
    JobInputs in = inputs.value();
    RuleSet ruleSet = in.ruleSet();
    LocalDate asOf;
    MarketData marketData;
    try (BookReader book = in.book()) {
      asOf = book.asOf();
      marketData = book.marketData();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Chain(
        chainName(TaskContext.getPartitionId()), lines, Rebalancer.of(ruleSet), marketData, asOf);
  }

  /** Returns the chain name of partition {@code partition}, e.g. {@code p00003}. */
  static String chainName(int partition) {
    return String.format(Locale.ROOT, "p%05d", partition);
  }

  /** The partition's rows, decided one at a time as Spark pulls them. */
  private static final class Chain implements Iterator<Row> {
    private final String name;
    private final Iterator<Row> lines;
    private final Rebalancer rebalancer;
    private final MarketData marketData;
    private final LocalDate asOf;
    private long sequence;
    private String previous = AuditRecord.GENESIS;

    Chain(
        String name,
        Iterator<Row> lines,
        Rebalancer rebalancer,
        MarketData marketData,
        LocalDate asOf) {
      this.name = name;
      this.lines = lines;
      this.rebalancer = rebalancer;
      this.marketData = marketData;
      this.asOf = asOf;
    }

    @Override
    public boolean hasNext() {
      return lines.hasNext();
    }

    @Override
    public Row next() {
      String line = lines.next().getString(0);
      HouseholdRead read = HouseholdLines.read(0, line);
      if (!read.isOk()) {
        ReadFailure f = read.failure().orElseThrow();
        String id =
            f.householdId().startsWith("#")
                ? "unreadable-" + AuditRecord.sha256Hex(line).substring(0, 16)
                : f.householdId();
        String error = f.path() + ": " + f.message();
        AuditRecord r =
            chain(
                new AuditEntry(
                    id,
                    asOf,
                    AuditRecord.sha256Hex(line),
                    version(),
                    rebalancer.ruleSet().contentHash(),
                    DecisionRows.UNREADABLE,
                    "unreadable " + error + "\n"));
        return DecisionRows.undecided(name, r, error);
      }
      Household h = read.household().orElseThrow();
      Decision d;
      try {
        d = rebalancer.rebalance(h, marketData, asOf);
      } catch (RuntimeException e) {
        // as BookRebalancer records a household whose rebalance threw
        String error =
            e.getClass().getName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        AuditRecord r =
            chain(
                new AuditEntry(
                    h.id().value(),
                    asOf,
                    AuditRecord.sha256Hex(h.toString()),
                    version(),
                    rebalancer.ruleSet().contentHash(),
                    DecisionRows.FAILED,
                    "error " + error + "\n"));
        return DecisionRows.undecided(name, r, error);
      }
      return DecisionRows.decided(name, d, chain(d.auditEntry()));
    }

    private String version() {
      return rebalancer.ruleSet().version().toString();
    }

    private AuditRecord chain(AuditEntry entry) {
      AuditRecord r = AuditRecord.chain(sequence++, previous, entry);
      previous = r.hash();
      return r;
    }
  }
}
