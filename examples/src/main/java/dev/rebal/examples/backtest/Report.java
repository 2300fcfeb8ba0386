package dev.rebal.examples.backtest;

import dev.rebal.engine.DecisionOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Renders a backtest's results as Markdown tables (ready for {@code docs/backtest.md}) and as
 * hand-written SVG charts. Output depends only on the results: the same seed gives byte-identical
 * files.
 */
final class Report {
  private Report() {}

  static String markdown(Backtest.Result r, List<PolicySummary> s, String command) {
    PolicySummary base = find(s, Policy.BASELINE);
    StringBuilder sb = new StringBuilder();
    Backtest.Config c = r.config();
    sb.append(
        f(
            "Run: %d households x %d years, monthly steps from %s, seed %d, volatility "
                + "scale %.2f (`%s`).%n%n",
            c.households(), c.years(), r.start(), c.seed(), c.volatilityScale(), command));
    sb.append(
        "| policy | after-tax return /yr | vs naive threshold (bps/yr) | return before "
            + "liquidation tax /yr | turnover /yr | rebalancing events per household-year | tracking "
            + "error to own target | tracking error to static target | tax paid | liquidation tax at "
            + "end | losses harvested | goal shortfalls (needs not met in time) | review load per "
            + "household-year |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (PolicySummary p : s) {
      sb.append(
          f(
              "| %s | %.2f%% | %+.1f | %.2f%% | %.1f%% | %.2f | %.2f%% | %.2f%% | %s | %s | %s "
                  + "| %d of %d (%s) | %.2f |%n",
              p.policy.label(),
              100 * p.afterTaxReturn,
              10_000 * (p.afterTaxReturn - base.afterTaxReturn),
              100 * p.preLiquidationReturn,
              100 * p.turnover,
              p.eventsPerHouseholdYear,
              100 * p.trackingErrorOwn,
              100 * p.trackingErrorStatic,
              money(p.taxPaid),
              money(p.liquidationTax),
              money(p.harvested),
              p.shortfalls,
              p.needs,
              money(p.shortfallAmount),
              p.reviewsPerHouseholdYear));
    }
    sb.append("\nDetails (book totals):\n\n");
    sb.append(
        "| policy | wealth at start after liquidation tax | wealth at end before "
            + "liquidation tax | wealth at end after liquidation tax | realized short-term gains "
            + "(net) | realized long-term gains (net) | gross realized losses | $3,000-offset tax "
            + "saved | total tax (paid - offset saved + due at end + liquidation) | forced sales | "
            + "decisions AUTO / REVIEW / NO_TRIGGER / other | proposals the verifier rejected (not "
            + "executed) |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|\n");
    for (PolicySummary p : s) {
      int other = 0;
      for (DecisionOutcome o : DecisionOutcome.values()) {
        if (o != DecisionOutcome.AUTO
            && o != DecisionOutcome.REVIEW
            && o != DecisionOutcome.NO_TRIGGER) {
          other += p.outcomes[o.ordinal()];
        }
      }
      sb.append(
          f(
              "| %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %d / %d / %d / %d | %d " + "|%n",
              p.policy.label(),
              money(p.startAfterTax),
              money(p.endBefore),
              money(p.endAfter),
              money(p.realizedShortTerm),
              money(p.realizedLongTerm),
              money(p.realizedLosses),
              money(p.taxSaved),
              money(p.taxPaid - p.taxSaved + p.accruedAtEnd + p.liquidationTax),
              money(p.forcedSold),
              p.outcomes[DecisionOutcome.AUTO.ordinal()],
              p.outcomes[DecisionOutcome.REVIEW.ordinal()],
              p.outcomes[DecisionOutcome.NO_TRIGGER.ordinal()],
              other,
              p.vetoes));
    }
    sb.append("\nEngine decision quality (see docs/backtest.md, Measures):\n\n")
        .append(DecisionQuality.header());
    for (PolicySummary p : s) {
      sb.append(DecisionQuality.of(r.outcomes().get(p.policy)).row(p.policy.label()));
    }
    sb.append("\nTriggers fired and review reasons (decision counts):\n\n");
    for (PolicySummary p : s) {
      sb.append("- ").append(p.policy.label()).append(": ");
      List<String> parts = new ArrayList<>();
      p.triggers.forEach((k, v) -> parts.add(k + " " + v));
      sb.append(String.join(", ", parts)).append('\n');
    }
    List<String> problems = new ArrayList<>();
    for (Policy p : Policy.values()) {
      for (HouseholdOutcome o : r.outcomes().get(p)) {
        problems.addAll(o.problems);
      }
    }
    sb.append(
        f(
            "%nEngine problems met (exceptions, households put on hold, the first three "
                + "verifier rejections and the first infeasible decision per household and policy; all "
                + "in problems.txt): %d%n",
            problems.size()));
    for (int i = 0; i < Math.min(20, problems.size()); i++) {
      sb.append("- ").append(problems.get(i).replace('\n', ' ')).append('\n');
    }
    return sb.toString();
  }

  static PolicySummary find(List<PolicySummary> s, Policy p) {
    for (PolicySummary x : s) {
      if (x.policy == p) {
        return x;
      }
    }
    throw new IllegalArgumentException("no summary for " + p);
  }

  static String money(double dollars) {
    if (Math.abs(dollars) >= 1e6) {
      return f("$%.2fM", dollars / 1e6);
    }
    return f("$%.0fk", dollars / 1e3);
  }

  static String f(String format, Object... args) {
    return String.format(Locale.ROOT, format, args);
  }
}
