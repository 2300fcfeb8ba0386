package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.money.Money;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.DecisionOutcome;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * What one household did under one policy: its wealth path and flows, taxes, trading, needs and the
 * problems met. Amounts in dollars as doubles (reporting only; the simulation itself is exact).
 */
final class HouseholdOutcome {
  final int index;
  final Policy policy;
  final double startWealth;
  final double startAfterTax;
  final double startStepUp;

  /** Per step: the attribution of the wealth change (see {@link HouseholdSimulation}). */
  final double[] allocation;

  final double[] selection;
  final double[] taxCapital;
  final double[] taxIncome;
  final double[] tradingCost;
  final double[] other;

  /** Per checkpoint month: {after liquidation, step-up view, income tax due (in both)}. */
  final java.util.SortedMap<Integer, double[]> checkpoints;

  final double income;
  final double incomeTaxPaid;
  final double costs;
  final double maxOther;
  final double endBeforeLiquidation;
  final double endAfterLiquidation;
  final double accruedAtEnd;
  final double[] wealth;
  final double[] flows;
  final double[] activeOwn;
  final double[] activeStatic;
  final String pathHash;
  final BigDecimal maxIdentityError;
  final BigDecimal maxTradeResidual;
  final double taxPaid;
  final double taxSaved;
  final double deductedLoss;
  final double realizedShortTerm;
  final double realizedLongTerm;
  final double realizedLosses;
  final double harvested;
  final double traded;

  /** The traded value by {@link TradeReason}, indexed by its ordinal; sums to {@link #traded}. */
  final double[] tradedByReason;

  final double forcedSold;
  final int forcedSales;
  final int events;
  final int reviews;
  final int vetoes;
  final int needs;
  final double needAmount;
  final int shortfalls;

  /** Needs the household could fund on their date (see {@link HouseholdSimulation}). */
  final int needsFundable;

  final double shortfallAmount;
  final double unpaid;

  /** Per review reason code: the decisions routed to review that carry it (once per decision). */
  final Map<String, Integer> reviewReasons;

  /** The runs of at least {@link ReviewRuns#MIN_MONTHS} months in review for the same reason. */
  final ImmutableList<ReviewRuns.Run> reviewRuns;

  final Map<DecisionOutcome, Integer> outcomes;
  final Map<String, Integer> triggers;
  final ImmutableList<String> problems;

  private HouseholdOutcome(Builder b) {
    index = b.index;
    policy = b.policy;
    startWealth = b.startWealth;
    startAfterTax = b.startAfterTax;
    startStepUp = b.startStepUp;
    allocation = b.allocation;
    selection = b.selection;
    taxCapital = b.taxCapital;
    taxIncome = b.taxIncome;
    tradingCost = b.tradingCost;
    other = b.other;
    checkpoints =
        java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(b.checkpoints));
    income = b.income;
    incomeTaxPaid = b.incomeTaxPaid;
    costs = b.costs;
    maxOther = b.maxOther;
    endBeforeLiquidation = b.endBefore;
    endAfterLiquidation = b.endAfter;
    accruedAtEnd = b.accrued;
    wealth = b.wealth;
    flows = b.flows;
    activeOwn = b.activeOwn.stream().mapToDouble(Double::doubleValue).toArray();
    activeStatic = b.activeStatic.stream().mapToDouble(Double::doubleValue).toArray();
    pathHash = HexFormat.of().formatHex(b.path.digest());
    maxIdentityError = b.maxIdentity;
    maxTradeResidual = b.maxResidual;
    taxPaid = b.taxPaid;
    taxSaved = b.taxSaved;
    deductedLoss = b.deducted;
    realizedShortTerm = b.st;
    realizedLongTerm = b.lt;
    realizedLosses = b.losses;
    harvested = b.harvested;
    traded = b.traded;
    tradedByReason = b.tradedByReason.clone();
    forcedSold = b.forcedSold;
    forcedSales = b.forcedSales;
    events = b.events;
    reviews = b.reviews;
    vetoes = b.vetoes;
    needs = b.needs;
    needAmount = b.needAmount;
    shortfalls = b.shortfalls;
    needsFundable = b.needsFundable;
    shortfallAmount = b.shortfallAmount;
    unpaid = b.unpaid;
    reviewReasons = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(b.reviewReasons));
    reviewRuns = ImmutableList.copyOf(ReviewRuns.of(b.reviewMonths, ReviewRuns.MIN_MONTHS));
    outcomes = new EnumMap<>(b.outcomes);
    triggers = new java.util.TreeMap<>(b.triggers);
    problems = ImmutableList.copyOf(b.problems);
  }

  /** Collects a household's outcome step by step. */
  static final class Builder {
    private final int index;
    private final Policy policy;
    private final double[] wealth;
    private final double[] flows;
    private final List<Double> activeOwn = new ArrayList<>();
    private final List<Double> activeStatic = new ArrayList<>();
    private final MessageDigest path;
    private double startWealth;
    private double startAfterTax;
    private double startStepUp;
    private final double[] allocation;
    private final double[] selection;
    private final double[] taxCapital;
    private final double[] taxIncome;
    private final double[] tradingCost;
    private final double[] other;
    private final java.util.Map<Integer, double[]> checkpoints = new java.util.TreeMap<>();
    private double income;
    private double incomeTaxPaid;
    private double costs;
    private double maxOther;
    private double endBefore;
    private double endAfter;
    private double accrued;
    private BigDecimal maxIdentity = BigDecimal.ZERO;
    private BigDecimal maxResidual = BigDecimal.ZERO;
    private double taxPaid;
    private double taxSaved;
    private double deducted;
    private double st;
    private double lt;
    private double losses;
    private double harvested;
    private double traded;
    private final double[] tradedByReason = new double[TradeReason.values().length];
    private double forcedSold;
    private int forcedSales;
    private int events;
    private int reviews;
    private int needs;
    private double needAmount;
    private int shortfalls;
    private int needsFundable;
    private double shortfallAmount;
    private final Map<String, Integer> reviewReasons = new java.util.TreeMap<>();

    /** Per step: the review reason codes of the step's decision, empty when not in review. */
    private final List<java.util.Set<String>> reviewMonths;

    private double unpaid;
    private final Map<DecisionOutcome, Integer> outcomes = new EnumMap<>(DecisionOutcome.class);
    private final List<String> problems = new ArrayList<>();
    private final Map<String, Integer> triggers = new java.util.TreeMap<>();

    Builder(int index, Policy policy, int steps) {
      this.index = index;
      this.policy = policy;
      this.wealth = new double[steps];
      this.flows = new double[steps];
      this.allocation = new double[steps];
      this.selection = new double[steps];
      this.taxCapital = new double[steps];
      this.taxIncome = new double[steps];
      this.tradingCost = new double[steps];
      this.other = new double[steps];
      this.reviewMonths =
          new ArrayList<>(java.util.Collections.nCopies(steps, java.util.Set.<String>of()));
      try {
        this.path = MessageDigest.getInstance("SHA-256");
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    void path(String fingerprint) {
      path.update(fingerprint.getBytes(StandardCharsets.US_ASCII));
    }

    void start(BigDecimal w, BigDecimal afterTax, BigDecimal stepUp) {
      startWealth = w.doubleValue();
      startAfterTax = afterTax.doubleValue();
      startStepUp = stepUp.doubleValue();
    }

    /** Records step t's market gain: class returns on holdings and cash, and the rest. */
    void market(int t, double alloc, double sel) {
      allocation[t] = alloc;
      selection[t] = sel;
    }

    void income(Money m) {
      income += m.amount().doubleValue();
    }

    void incomeTaxPaid(Money m) {
      incomeTaxPaid += m.amount().doubleValue();
    }

    void cost(BigDecimal m) {
      costs += m.doubleValue();
    }

    /** Records what the attribution of step t leaves unexplained (cent rounding of trades). */
    void checkIdentity(int t) {
      other[t] =
          wealth[t]
              - wealth[t - 1]
              - allocation[t]
              - selection[t]
              - taxCapital[t]
              - taxIncome[t]
              - tradingCost[t]
              - flows[t];
      maxOther = Math.max(maxOther, Math.abs(other[t]));
    }

    void checkpoint(int t, BigDecimal afterLiquidation, BigDecimal stepUp, BigDecimal incomeTax) {
      checkpoints.put(
          t,
          new double[] {
            afterLiquidation.doubleValue(), stepUp.doubleValue(), incomeTax.doubleValue()
          });
    }

    void end(BigDecimal before, BigDecimal after, Money accruedTax) {
      endBefore = before.doubleValue();
      endAfter = after.doubleValue();
      accrued = accruedTax.amount().doubleValue();
    }

    void identity(BigDecimal error) {
      maxIdentity = maxIdentity.max(error);
    }

    void tradeResidual(BigDecimal residual) {
      maxResidual = maxResidual.max(residual);
    }

    void active(int t, double[] own, double[] stat, MarketModel market) {
      if (own == null) {
        return;
      }
      double a = 0;
      double b = 0;
      for (int c = 0; c < own.length; c++) {
        double r = market.classReturn(t, MarketModel.CLASSES.get(c).assetClass());
        a += own[c] * r;
        b += stat[c] * r;
      }
      activeOwn.add(a);
      activeStatic.add(b);
    }

    void step(
        int t,
        BigDecimal w,
        BigDecimal flow,
        BigDecimal capitalTax,
        BigDecimal incomeTax,
        BigDecimal cost) {
      wealth[t] = w.doubleValue();
      flows[t] = flow.doubleValue();
      taxCapital[t] = capitalTax.doubleValue();
      taxIncome[t] = incomeTax.doubleValue();
      tradingCost[t] = cost.doubleValue();
    }

    void taxPaid(Money m) {
      taxPaid += m.amount().doubleValue();
    }

    void taxSaved(Money m) {
      taxSaved += m.amount().doubleValue();
    }

    void deducted(Money m) {
      deducted += m.amount().doubleValue();
    }

    void realized(Money shortTerm, Money longTerm, Money loss) {
      st += shortTerm.amount().doubleValue();
      lt += longTerm.amount().doubleValue();
      losses += loss.amount().doubleValue();
    }

    void forced(Money sold) {
      forcedSold += sold.amount().doubleValue();
      forcedSales++;
    }

    /**
     * Records a need of {@code amount}, the part of it the cash above the floors did not cover, and
     * whether the household could fund it on its date.
     */
    void need(Money amount, Money shortfall, boolean fundable) {
      needs++;
      if (fundable) {
        needsFundable++;
      }
      needAmount += amount.amount().doubleValue();
      if (shortfall.isPositive()) {
        shortfalls++;
        shortfallAmount += shortfall.amount().doubleValue();
      }
    }

    void unpaid(Money m) {
      unpaid += m.amount().doubleValue();
    }

    private int vetoes;
    private boolean infeasibleSeen;

    /** Returns true the first time it is called: only a household's first infeasible is listed. */
    boolean firstInfeasible() {
      boolean first = !infeasibleSeen;
      infeasibleSeen = true;
      return first;
    }

    void vetoed() {
      vetoes++;
    }

    int vetoes() {
      return vetoes;
    }

    void outcome(DecisionOutcome o) {
      outcomes.merge(o, 1, Integer::sum);
    }

    /** Records that step t's decision was routed to review with these reason codes. */
    void review(int t, java.util.Set<String> codes) {
      reviewMonths.set(t, java.util.Set.copyOf(codes));
      codes.forEach(c -> reviewReasons.merge(c, 1, Integer::sum));
    }

    void trigger(String code) {
      triggers.merge(code, 1, Integer::sum);
    }

    void traded(java.util.List<Trade> trades, boolean review, Money harvestedLoss) {
      for (Trade t : trades) {
        double value = t.estimatedValue().amount().doubleValue();
        traded += value;
        tradedByReason[TradeReason.of(t.reasonCodes()).ordinal()] += value;
      }
      events++;
      if (review) {
        reviews++;
      }
      harvested += harvestedLoss.amount().doubleValue();
    }

    void problem(int step, String what) {
      problems.add(
          "household " + index + " step " + step + " (" + policy.shortName() + "): " + what);
    }

    HouseholdOutcome build() {
      return new HouseholdOutcome(this);
    }
  }
}
