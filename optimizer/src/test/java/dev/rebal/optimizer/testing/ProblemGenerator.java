package dev.rebal.optimizer.testing;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.SecurityId;
import dev.rebal.optimizer.ClassGoal;
import dev.rebal.optimizer.HoldingCap;
import dev.rebal.optimizer.HouseholdProblem;
import dev.rebal.optimizer.ObjectiveWeights;
import dev.rebal.optimizer.ProblemAccount;
import dev.rebal.optimizer.ProblemPosition;
import dev.rebal.optimizer.ProblemSecurity;
import dev.rebal.optimizer.RebalanceMode;
import dev.rebal.optimizer.SellSegment;
import dev.rebal.optimizer.Term;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * A seeded generator of household problems, shared by the tests and by {@code rebal-benchmarks}.
 *
 * <p>Shapes follow the optimizer issue: {@link Shape#SMALL} (2 accounts, 10 securities, 30 lots),
 * {@link Shape#TYPICAL} (4, 40, 300) and {@link Shape#LARGE} (8, 100, 2,000). Four asset classes
 * with targets summing to 0.97 (the rest is cash), securities dealt to classes in proportion to the
 * targets and a third of each account's lots in its favourite class; every tenth pair of securities
 * shares a wash-sale group; lots have bases from 50% to 150% of price on a coarse grid, so some
 * segments merge; about one account in five starts with cash below its floor. The same seed and
 * shape give the same problem. Thread-safe: it holds no state.
 */
public final class ProblemGenerator {
  /** A household size. */
  public enum Shape {
    /** 2 accounts, 10 securities, 30 lots. */
    SMALL(2, 10, 30),
    /** 4 accounts, 40 securities, 300 lots. */
    TYPICAL(4, 40, 300),
    /** 8 accounts, 100 securities, 2,000 lots. */
    LARGE(8, 100, 2000);

    /** Number of accounts. */
    public final int accounts;

    /** Number of securities. */
    public final int securities;

    /** Number of lots. */
    public final int lots;

    Shape(int accounts, int securities, int lots) {
      this.accounts = accounts;
      this.securities = securities;
      this.lots = lots;
    }
  }

  private static final String[] CLASSES = {"BOND", "INTL", "REIT", "US"};
  private static final String[] TARGETS = {"0.30", "0.22", "0.05", "0.40"};

  private ProblemGenerator() {}

  /** Returns the problem for {@code shape} and {@code seed}, in a mode drawn from the seed. */
  public static HouseholdProblem generate(Shape shape, long seed) {
    return generate(shape.accounts, shape.securities, shape.lots, seed, null);
  }

  /** Returns the problem for {@code shape} and {@code seed} in {@code mode}. */
  public static HouseholdProblem generate(Shape shape, long seed, RebalanceMode mode) {
    return generate(shape.accounts, shape.securities, shape.lots, seed, mode);
  }

  /**
   * Returns a problem of the given size.
   *
   * @param mode the mode, or null to draw one from the seed
   */
  public static HouseholdProblem generate(
      int accounts, int securities, int lots, long seed, RebalanceMode mode) {
    SplittableRandom r = new SplittableRandom(seed);
    HouseholdProblem.Builder b = HouseholdProblem.builder();
    RebalanceMode[] modes = RebalanceMode.values();
    b.mode(mode != null ? mode : modes[r.nextInt(modes.length)]);
    b.weights(
        new ObjectiveWeights(
            BigDecimal.valueOf(r.nextInt(0, 11)), new BigDecimal("0.0001"), BigDecimal.ONE));
    // every other seed charges the engine's default in-band share (the band tier), without
    // drawing from the random stream, so the other seeds' problems are as they were
    BigDecimal inBandShare = seed % 2 == 0 ? new BigDecimal("0.002") : BigDecimal.ONE;
    for (int c = 0; c < CLASSES.length; c++) {
      b.addClassGoal(
          new ClassGoal(
              AssetClass.of(CLASSES[c]),
              new ClassTarget(Weight.of(TARGETS[c]), Weight.of("0.05"), Weight.of("0.20")),
              BigDecimal.valueOf(r.nextInt(5, 21), 1),
              inBandShare));
    }
    BigDecimal[] price = new BigDecimal[securities];
    List<ProblemSecurity> secs = new ArrayList<>();
    for (int s = 0; s < securities; s++) {
      price[s] = BigDecimal.valueOf(r.nextInt(1_000, 50_000), 2);
      String group = (s % 10 == 1) ? id(s - 1) : id(s);
      ProblemSecurity sec =
          new ProblemSecurity(
              SecurityId.of(id(s)),
              UnitPrice.of(Money.USD, price[s]),
              AssetClass.of(CLASSES[classOf(s)]),
              group);
      secs.add(sec);
      b.addSecurity(sec);
    }
    // lots: per (account, security), a list of segments
    List<List<List<SellSegment>>> segs = new ArrayList<>();
    for (int a = 0; a < accounts; a++) {
      List<List<SellSegment>> row = new ArrayList<>();
      for (int s = 0; s < securities; s++) {
        row.add(new ArrayList<>());
      }
      segs.add(row);
    }
    // a skewed holding pattern so that classes drift
    int[] hot = new int[accounts];
    for (int a = 0; a < accounts; a++) {
      hot[a] = r.nextInt(CLASSES.length);
    }
    for (int l = 0; l < lots; l++) {
      int a = r.nextInt(accounts);
      int s = r.nextInt(securities);
      if (r.nextInt(3) == 0) {
        // bias toward the account's favourite class
        int t = r.nextInt(securities);
        for (int tries = 0; tries < securities && classOf(t) != hot[a]; tries++) {
          t = (t + 1) % securities;
        }
        s = t;
      }
      BigDecimal basisRatio =
          BigDecimal.valueOf(r.nextInt(10, 31), 1)
              .divide(BigDecimal.valueOf(2), 2, RoundingMode.UNNECESSARY); // 0.50 .. 1.50
      BigDecimal gain = BigDecimal.ONE.subtract(basisRatio);
      Term term = r.nextInt(3) == 0 ? Term.SHORT : Term.LONG;
      BigDecimal rate = term == Term.SHORT ? new BigDecimal("0.37") : new BigDecimal("0.20");
      segs.get(a).get(s).add(new SellSegment(Quantity.of(r.nextInt(1, 120)), gain, term, rate));
    }
    BigDecimal total = BigDecimal.ZERO;
    for (int a = 0; a < accounts; a++) {
      boolean tradable = accounts == 1 || a != accounts - 1 || r.nextInt(4) != 0;
      boolean fractional = r.nextInt(3) == 0;
      BigDecimal held = BigDecimal.ZERO;
      for (int s = 0; s < securities; s++) {
        List<SellSegment> list = segs.get(a).get(s);
        BigDecimal q = BigDecimal.ZERO;
        for (SellSegment x : list) {
          q = q.add(x.quantity().value());
        }
        held = held.add(q.multiply(price[s]));
        boolean buyEligible = r.nextInt(10) != 0;
        if (list.isEmpty() && !buyEligible) {
          continue;
        }
        Money maxBuy =
            r.nextInt(15) == 0
                ? Money.usd(BigDecimal.valueOf(r.nextInt(500, 5000)))
                : Money.usd("1000000000");
        BigDecimal location =
            (classOf(s) == 0 && a % 2 == 0) ? new BigDecimal("0.002") : BigDecimal.ZERO;
        b.addPosition(
            new ProblemPosition(
                AccountId.of("acct-" + a),
                SecurityId.of(id(s)),
                Quantity.of(q),
                buyEligible,
                maxBuy,
                r.nextInt(20) != 0,
                location,
                list));
      }
      BigDecimal floor = BigDecimal.valueOf(r.nextInt(0, 2000));
      BigDecimal cash =
          r.nextInt(5) == 0
              ? BigDecimal.valueOf(r.nextInt(0, 1000))
              : held.multiply(BigDecimal.valueOf(r.nextInt(0, 8), 2))
                  .setScale(2, RoundingMode.DOWN)
                  .add(floor);
      total = total.add(held).add(cash);
      b.addAccount(
          new ProblemAccount(
              AccountId.of("acct-" + a), Money.usd(cash), Money.usd(floor), tradable, fractional));
    }
    if (r.nextInt(4) == 0) {
      int s = r.nextInt(securities);
      b.addHoldingCap(
          new HoldingCap(
              SecurityId.of(id(s)),
              Money.usd(total.multiply(new BigDecimal("0.05")).setScale(2, RoundingMode.DOWN))));
    }
    if (r.nextInt(2) == 0) {
      b.gainBudget(
          Money.usd(
              total
                  .multiply(BigDecimal.valueOf(r.nextInt(0, 50), 3))
                  .setScale(2, RoundingMode.DOWN)));
    }
    if (r.nextInt(3) == 0) {
      b.shortTermGainCap(
          Money.usd(
              total
                  .multiply(BigDecimal.valueOf(r.nextInt(0, 20), 3))
                  .setScale(2, RoundingMode.DOWN)));
    }
    if (r.nextInt(3) == 0) {
      b.turnoverCap(
          Money.usd(
              total
                  .multiply(BigDecimal.valueOf(r.nextInt(5, 40), 2))
                  .setScale(2, RoundingMode.DOWN)));
    }
    if (r.nextInt(4) == 0) {
      b.blockLossSale(id(r.nextInt(securities)));
    }
    if (r.nextInt(4) == 0) {
      b.blockBuy(id(r.nextInt(securities)));
    }
    if (r.nextInt(2) == 0) {
      b.minTradeSize(Money.usd("50"));
    }
    return b.build();
  }

  /**
   * The class of security {@code s}: securities are dealt to classes in proportion to the targets
   * (BOND 30, INTL 22, REIT 5, US 40 of every 97), so holdings start near the targets and drift
   * through each account's favourite class.
   */
  private static int classOf(int s) {
    int slot = (int) ((s * 37L) % 97);
    return slot < 30 ? 0 : slot < 52 ? 1 : slot < 57 ? 2 : 3;
  }

  private static String id(int s) {
    return String.format(Locale.ROOT, "SEC%03d", s);
  }
}
