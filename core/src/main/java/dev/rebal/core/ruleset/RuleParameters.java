package dev.rebal.core.ruleset;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.internal.Checks;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The one place that declares every rule-set parameter Rebal reads: its type, range and default
 * ({@link RuleParameter}). {@link RuleSet#of} and {@link RuleSetParser} check every parameter of a
 * rule set against it, so a value that is not a number, out of range, or a misspelt name is an
 * error when the rule set is loaded, before any household runs. docs/rules.md lists the same table.
 *
 * <p><b>Extension parameters.</b> A firm's own rule reads its own parameters. A parameter whose
 * name is not declared here is accepted when its namespace (the text before the first dot) is not
 * one of Rebal's ({@link #namespaces()}) and an enabled rule's id has the same namespace: with
 * {@code rule firm.no-single-stock-overweight} enabled, {@code firm.single-stock.max} is accepted
 * unchecked (the firm's rule checks it). Any other undeclared name is an error, so a typo such as
 * {@code review.turnover.mx} cannot silently leave the default in force. This class is immutable
 * and thread-safe.
 */
public final class RuleParameters {
  private static final String MONEY_MAX = "1000000000000";
  private static final RuleParameters STANDARD =
      new RuleParameters(
          List.of(
              // triggers
              RuleParameter.decimal(
                  "trigger.threshold.tolerance",
                  "0",
                  "1",
                  "0.001",
                  "hysteresis of the threshold trigger: drift beyond the band by more than this fires"),
              RuleParameter.decimal(
                  "trigger.cash.min",
                  "0",
                  MONEY_MAX,
                  "5000",
                  "dollars of idle cash above the floor that fire trigger.cash"),
              RuleParameter.decimal(
                  "trigger.cash.share",
                  "0",
                  "1",
                  "0.02",
                  "share of the household's value in idle cash that fires trigger.cash (the larger of "
                      + "the two thresholds applies)"),
              RuleParameter.decimal(
                  "trigger.tax.min-loss",
                  "0",
                  MONEY_MAX,
                  "10000",
                  "dollars of harvestable losses that fire trigger.tax"),
              RuleParameter.integer(
                  "trigger.goal.horizon-days",
                  0,
                  36_500,
                  "180",
                  "days ahead within which a goal's date fires trigger.goal"),
              RuleParameter.integer(
                  "trigger.gift.horizon-days",
                  0,
                  3_650,
                  "30",
                  "days ahead within which a committed gift fires trigger.gift"),
              RuleParameter.decimal(
                  "trigger.gift.min-in-kind",
                  "0",
                  MONEY_MAX,
                  "1000",
                  "dollars of a gift that can go in kind for trigger.gift to fire"),
              RuleParameter.decimal(
                  "trigger.goal-bucket.min-value",
                  "0",
                  MONEY_MAX,
                  "25000",
                  "dollars a goal bucket must be worth for trigger.goal-bucket to fire"),
              RuleParameter.decimal(
                  "trigger.concentration.min",
                  "0",
                  MONEY_MAX,
                  "1000",
                  "dollars above a concentration cap, and sellable, that fire trigger.concentration"),
              RuleParameter.integer(
                  "trigger.goal-bucket.horizon-days",
                  0,
                  36_500,
                  "1826",
                  "days ahead within which a goal must be due for trigger.goal-bucket to watch its bucket"),
              RuleParameter.integer(
                  "liquidity.horizon-days",
                  0,
                  36_500,
                  "90",
                  "days ahead within which liquidity needs are reserved"),
              // routing
              RuleParameter.decimal(
                  "review.turnover.max",
                  "0",
                  "2",
                  "0.30",
                  "turnover (traded value over household value) above which a proposal is reviewed"),
              RuleParameter.decimal(
                  "review.turnover.min-value",
                  "0",
                  MONEY_MAX,
                  "1000000",
                  "dollars of household value below which route.turnover does not apply"),
              RuleParameter.decimal(
                  "review.trade.max",
                  "0",
                  MONEY_MAX,
                  "1000000",
                  "dollars of one trade above which a proposal is reviewed"),
              RuleParameter.decimal(
                  "review.tax.max",
                  "0",
                  MONEY_MAX,
                  "10000",
                  "dollars of estimated tax above which a proposal is reviewed"),
              RuleParameter.decimal(
                  "review.short-term-gain.max",
                  "0",
                  MONEY_MAX,
                  "1000",
                  "dollars of short-term gain above which a proposal is reviewed"),
              RuleParameter.decimal(
                  "review.concentration.shift.max",
                  "0",
                  "1",
                  "0.05",
                  "shift of one issuer's weight above which a proposal is reviewed"),
              RuleParameter.choice(
                  "review.restricted.reductions",
                  List.of("REPORT", "REVIEW"),
                  "REPORT",
                  "whether sales that only move a security toward its exclusion or cap are reviewed "
                      + "(REVIEW) or reported on the decision (REPORT)"),
              RuleParameter.decimal(
                  "review.gift.max",
                  "0",
                  MONEY_MAX,
                  "0",
                  "dollars of a gift in kind from which a proposal is reviewed (0: every gift)"),
              RuleParameter.subset(
                  "review.unmet-goal.kinds",
                  java.util.List.of(
                      "NEED",
                      "CASH_FLOOR",
                      "GAIN_BUDGET",
                      "SHORT_TERM_GAIN_CAP",
                      "TURNOVER_CAP",
                      "CONCENTRATION",
                      "CLASS_DRIFT",
                      "BUCKET_DRIFT"),
                  "NEED,CASH_FLOOR",
                  "kinds of goals left unmet that send a proposal to review"),
              RuleParameter.decimal(
                  "review.unmet-goal.min",
                  "0",
                  MONEY_MAX,
                  "100",
                  "dollars a goal must be left unmet by to send a proposal to review"),
              // goal outlook
              RuleParameter.decimal(
                  "outlook.floor",
                  "0",
                  "1",
                  "0.70",
                  "a goal's probability of success below which trigger.goal-outlook and route.goal-outlook fire"),
              RuleParameter.decimal(
                  "outlook.ceiling",
                  "0",
                  "1",
                  "0.95",
                  "a goal's probability at or above which route.goal-outlook-ceiling reports the lock-in"),
              RuleParameter.integer(
                  "outlook.paths", 100, 100000, "1000", "Monte Carlo paths of the goal outlook"),
              // planning and optimizer
              RuleParameter.decimal(
                  "goal.discount-rate",
                  "0",
                  "0.5",
                  "0.04",
                  "annual rate discounting goal amounts to present value (0.04 is 4%)"),
              RuleParameter.choice(
                  "optimizer.mode",
                  List.of("TO_TARGET", "TO_BAND_EDGE", "HALFWAY", "CASH_ONLY"),
                  "HALFWAY",
                  "how far out-of-band classes are traded back"),
              RuleParameter.decimal(
                  "optimizer.drift-weight",
                  "0",
                  "1000000",
                  "1",
                  "objective weight of drift from target"),
              RuleParameter.decimal(
                  "optimizer.in-band-drift-share",
                  "0",
                  "1",
                  "0.002",
                  "share of the drift weight charged inside a class's band beyond the mode's"
                      + " interval (the rest only past the band's edge): a class goes to the"
                      + " middle of its band only as far as that costs no tax (1: HALFWAY in full)"),
              RuleParameter.integer(
                  "optimizer.band-edge-repeat-days",
                  0,
                  3650,
                  "62",
                  "a class out of its band again this many days after a trade the same way is"
                      + " traded to the middle of its band, whatever the tax (0: never)"),
              RuleParameter.decimal(
                  "optimizer.drift-worsening-weight",
                  "0",
                  "1000",
                  "1",
                  "extra drift weight, per unit of optimizer.drift-weight, on each dollar of drift"
                      + " a proposal creates: a class ending further beyond its mode's interval"
                      + " than it started (0: none)"),
              RuleParameter.decimal(
                  "optimizer.bucket-drift-weight",
                  "0",
                  "1000000",
                  "1",
                  "objective weight of goal-bucket drift (when unset, optimizer.drift-weight)"),
              RuleParameter.decimal(
                  "optimizer.transaction-cost-bps",
                  "0",
                  "10000",
                  "5",
                  "estimated transaction cost in basis points of traded value"),
              RuleParameter.decimal(
                  "optimizer.turnover-penalty",
                  "0",
                  "1000000",
                  "0.0001",
                  "objective penalty per dollar traded, over household value"),
              RuleParameter.decimal(
                  "optimizer.tax-weight",
                  "0",
                  "1000000",
                  "1",
                  "objective weight of estimated tax (0 ignores tax)"),
              RuleParameter.decimal(
                  "optimizer.location-years",
                  "0",
                  "50",
                  "1",
                  "years of an asset class's yearly tax drag in an account that a buy there costs and a "
                      + "sale earns back (0: no asset location)"),
              RuleParameter.integer(
                  "optimizer.min-holding-days",
                  0,
                  365,
                  "30",
                  "a lot bought fewer than this many days ago is not sold unless it is harvested, its "
                      + "class is above its band or the sale cannot wait; a security sold within "
                      + "them is not bought back in that account (0: no hold)"),
              RuleParameter.decimal(
                  "optimizer.turnover-cap",
                  "0",
                  "2",
                  null,
                  "largest turnover (traded value over household value) a proposal may have; unset: no cap"),
              // harvesting
              RuleParameter.decimal(
                  "harvest.min-loss",
                  "0",
                  MONEY_MAX,
                  "1000",
                  "dollars of loss below which a lot is not harvested"),
              RuleParameter.decimal(
                  "harvest.min-loss-percent",
                  "0",
                  "100",
                  "12",
                  "loss in percent of basis below which a lot is not harvested"),
              RuleParameter.decimal(
                  "harvest.margin-bps",
                  "0",
                  "10000",
                  "25",
                  "value a harvest must reach after later tax and trading, in bps of its proceeds"),
              // when tax is paid
              RuleParameter.decimal(
                  "tax.deferral-years",
                  "0",
                  "100",
                  "10",
                  "years until a gain not realized now is expected to be taxed at the long-term rate"),
              RuleParameter.decimal(
                  "tax.discount-rate",
                  "0",
                  "0.5",
                  "0.05",
                  "yearly rate at which tax paid later is discounted"),
              RuleParameter.integer(
                  "tax.long-term-wait-days",
                  0,
                  365,
                  "30",
                  "a short-term lot at a gain that turns long term within this many days is held back "
                      + "unless cash is needed, a cap is breached or its class drifts past twice its band")));

  private static final ImmutableSortedSet<String> NAMESPACES =
      ImmutableSortedSet.of(
          "band",
          "constraint",
          "eligibility",
          "goal",
          "harvest",
          "liquidity",
          "optimizer",
          "outlook",
          "review",
          "route",
          "tax",
          "trigger");

  /**
   * Parameters under this prefix carry capital market assumptions ({@code
   * dev.rebal.core.outlook.CapitalMarketAssumptions}), which check their own keys and values when
   * they are read from a rule set.
   */
  private static final String ASSUMPTIONS_PREFIX = "outlook.cma.";

  private final ImmutableSortedMap<String, RuleParameter> byName;

  private RuleParameters(List<RuleParameter> declared) {
    ImmutableSortedMap.Builder<String, RuleParameter> b = ImmutableSortedMap.naturalOrder();
    declared.forEach(p -> b.put(p.name(), p));
    this.byName = b.buildOrThrow();
  }

  /** {@return the declarations of every parameter Rebal reads} */
  public static RuleParameters standard() {
    return STANDARD;
  }

  /** {@return every declaration, sorted by name} */
  public ImmutableList<RuleParameter> all() {
    return byName.values().asList();
  }

  /**
   * {@return the namespaces (first name segments) reserved for Rebal's own parameters and rules}
   */
  public ImmutableSortedSet<String> namespaces() {
    return NAMESPACES;
  }

  /**
   * {@return the declaration of {@code name}, if declared}
   *
   * @param name the parameter's name
   */
  public Optional<RuleParameter> find(String name) {
    return Optional.ofNullable(byName.get(Checks.notNull(name, "name")));
  }

  /**
   * {@return the declaration of {@code name}}
   *
   * @param name the parameter's name
   * @throws NoSuchElementException naming the parameter if it is not declared
   */
  public RuleParameter lookup(String name) {
    return find(name)
        .orElseThrow(
            () -> new NoSuchElementException("rule-set parameter '" + name + "' is not declared"));
  }

  /**
   * {@return what is wrong with parameter {@code name} set to {@code value} in a rule set enabling
   * {@code rules}, or empty if nothing is: e.g. {@code parameter 'review.turnover.max': must be a
   * plain decimal from 0 to 2, was 'abc'}}
   *
   * @param name the parameter's name
   * @param value the value
   * @param rules the ids of the rules the rule set enables
   */
  public Optional<String> problem(String name, String value, Iterable<String> rules) {
    Checks.notNull(name, "name");
    Checks.notNull(value, "value");
    Checks.notNull(rules, "rules");
    RuleParameter p = byName.get(name);
    if (p != null) {
      return p.problem(value).map(m -> "parameter '" + name + "': " + m);
    }
    if (name.startsWith(ASSUMPTIONS_PREFIX)) {
      return Optional.empty();
    }
    String namespace = namespaceOf(name);
    if (!NAMESPACES.contains(namespace)) {
      for (String r : rules) {
        if (namespaceOf(r).equals(namespace)) {
          return Optional.empty();
        }
      }
    }
    return Optional.of(
        "parameter '"
            + name
            + "' is unknown"
            + suggestion(name)
            + " (a firm's own parameter needs a rule of its namespace enabled, e.g. rule "
            + (NAMESPACES.contains(namespace) ? "firm" : namespace)
            + ".<id>)");
  }

  /**
   * {@return every problem of {@code parameters} in a rule set enabling {@code rules}, by name}
   *
   * @param parameters the parameters, by name
   * @param rules the ids of the rules the rule set enables
   */
  public ImmutableList<String> problems(Map<String, String> parameters, Iterable<String> rules) {
    Checks.notNull(parameters, "parameters");
    List<String> out = new ArrayList<>();
    new java.util.TreeMap<>(parameters).forEach((k, v) -> problem(k, v, rules).ifPresent(out::add));
    return ImmutableList.copyOf(out);
  }

  private String suggestion(String name) {
    String best = null;
    int bestDistance = 4;
    for (String known : byName.keySet()) {
      int d = distance(name, known);
      if (d < bestDistance) {
        bestDistance = d;
        best = known;
      }
    }
    return best == null ? "" : " (did you mean '" + best + "'?)";
  }

  /** Returns the Levenshtein distance, capped for long inputs (a message hint only). */
  private static int distance(String a, String b) {
    if (Math.abs(a.length() - b.length()) > 3 || a.length() > 100) {
      return Integer.MAX_VALUE;
    }
    int[] prev = new int[b.length() + 1];
    int[] cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      prev[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
      }
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }

  private static String namespaceOf(String name) {
    int dot = name.indexOf('.');
    return dot < 0 ? name : name.substring(0, dot);
  }
}
