package dev.rebal.examples.backtest;

/**
 * The exact decomposition of the difference in wealth between two policies run on one household:
 * where each dollar of the difference at a horizon comes from.
 *
 * <p>Method. Each step {@code t} of a policy's run records its wealth {@code W_t} and what changed
 * it: allocation (each class's total return on the last step's holdings of the class, and the sweep
 * rate on cash), selection (the rest of the price moves and income), capital-gains tax paid (the
 * portfolio's own, including the tax on withdrawals from tax-deferred accounts), income tax paid,
 * trading cost, the script's flows, and the cent rounding left over, so the step's change is their
 * exact sum. For policy P against the baseline N, the gap {@code D_t = W^P_t - W^N_t} obeys {@code
 * D_t = D_{t-1} (1 + rho_t) + sum_k e_{k,t}} with {@code rho_t = (allocation^P_t + selection^P_t) /
 * W^P_{t-1}} (P's market return) and, per component, {@code e_{allocation,t} = W^N_{t-1}
 * rho^{alloc,P}_t - allocation^N_t} (P's class returns on N's wealth, less N's own: the pure
 * allocation effect), likewise selection, and for taxes, cost and the rest the plain difference.
 * Unrolled, {@code D_H = D_0 G_0 + sum_t sum_k e_{k,t} G_t} with {@code G_t} the growth factor of
 * P's market return from {@code t} to the horizon {@code H}: every component's dollars are carried
 * to the horizon at the rate they would have earned. The tax components are split into their plain
 * sum (tax paid, income tax) and the growth on it ({@code e (G_t - 1)}: deferral, the value of
 * paying later). At the horizon, the tax due on liquidation (or, in the step-up view, only the
 * taxes already incurred) is added to the tax components without growth. The components add up to
 * the difference in after-tax wealth at the horizon, to rounding.
 *
 * <p>This class is stateless and thread-safe.
 */
final class Attribution {
  /** The components, in table order. */
  enum Component {
    ALLOCATION("allocation"),
    SELECTION("selection"),
    TAX_PAID("capital-gains tax"),
    INCOME_TAX("income tax"),
    DEFERRAL("deferral"),
    TRADING_COST("trading cost"),
    OTHER("other");

    final String label;

    Component(String label) {
      this.label = label;
    }
  }

  /** After liquidation at the horizon (index 0), or the step-up view (index 1). */
  static final int AFTER_LIQUIDATION = 0;

  static final int STEP_UP = 1;

  private Attribution() {}

  /**
   * Returns the components (dollars at month {@code h}, indexed by {@link Component#ordinal()}) of
   * {@code p}'s after-tax wealth at {@code h} minus {@code n}'s, in {@code convention}.
   */
  static double[] of(HouseholdOutcome p, HouseholdOutcome n, int h, int convention) {
    double[] c = new double[Component.values().length];
    double g = 1;
    for (int t = h; t >= 1; t--) {
      double wp = p.wealth[t - 1];
      double wn = n.wealth[t - 1];
      double alloc;
      double sel;
      double rho;
      if (wp > 1) {
        rho = (p.allocation[t] + p.selection[t]) / wp;
        alloc = wn * p.allocation[t] / wp - n.allocation[t];
        sel = wn * p.selection[t] / wp - n.selection[t];
      } else {
        rho = 0;
        alloc = p.allocation[t] - n.allocation[t];
        sel = p.selection[t] - n.selection[t];
      }
      double taxCapital = p.taxCapital[t] - n.taxCapital[t];
      double taxIncome = p.taxIncome[t] - n.taxIncome[t];
      c[Component.ALLOCATION.ordinal()] += alloc * g;
      c[Component.SELECTION.ordinal()] += sel * g;
      c[Component.TAX_PAID.ordinal()] += taxCapital;
      c[Component.INCOME_TAX.ordinal()] += taxIncome;
      c[Component.DEFERRAL.ordinal()] += (taxCapital + taxIncome) * (g - 1);
      c[Component.TRADING_COST.ordinal()] += (p.tradingCost[t] - n.tradingCost[t]) * g;
      c[Component.OTHER.ordinal()] += (p.other[t] + p.flows[t] - n.other[t] - n.flows[t]) * g;
      g *= 1 + rho;
    }
    // step 0: its trading and taxes, and any difference of the starting wealth (normally none)
    double taxCapital0 = p.taxCapital[0] - n.taxCapital[0];
    double taxIncome0 = p.taxIncome[0] - n.taxIncome[0];
    double cost0 = p.tradingCost[0] - n.tradingCost[0];
    c[Component.TAX_PAID.ordinal()] += taxCapital0;
    c[Component.INCOME_TAX.ordinal()] += taxIncome0;
    c[Component.DEFERRAL.ordinal()] += (taxCapital0 + taxIncome0) * (g - 1);
    c[Component.TRADING_COST.ordinal()] += cost0 * g;
    c[Component.OTHER.ordinal()] +=
        (p.wealth[0] - n.wealth[0] - taxCapital0 - taxIncome0 - cost0) * g;
    double[] cp = p.checkpoints.get(h);
    double[] cn = n.checkpoints.get(h);
    double incomeDue = -(cp[2] - cn[2]);
    double terminal = (cp[convention] - p.wealth[h]) - (cn[convention] - n.wealth[h]);
    c[Component.INCOME_TAX.ordinal()] += incomeDue;
    c[Component.TAX_PAID.ordinal()] += terminal - incomeDue;
    return c;
  }

  /** Returns {@code p}'s after-tax wealth at {@code h} minus {@code n}'s, in {@code convention}. */
  static double difference(HouseholdOutcome p, HouseholdOutcome n, int h, int convention) {
    return p.checkpoints.get(h)[convention] - n.checkpoints.get(h)[convention];
  }
}
