package dev.rebal.core.validation;

import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import java.math.BigDecimal;

/**
 * Tax-profile checks: rates in [0, 1], the net investment income tax either 0 or the statutory 3.8%
 * (IRC section 1411), carryforwards stated as non-negative amounts of loss, and the gain budget and
 * short-term cap not negative. A short-term rate below the long-term rate is only a warning: no
 * federal bracket has it, but the tax arithmetic still works.
 */
final class TaxProfileChecker {
  /** The net investment income tax rate, IRC section 1411. */
  static final Weight NIIT = Weight.of("0.038");

  private TaxProfileChecker() {}

  static void check(Context c) {
    TaxProfile t = c.household.taxProfile();
    Path p = Path.of("taxProfile");
    rate(c, p.field("shortTermRate"), t.shortTermRate());
    rate(c, p.field("longTermRate"), t.longTermRate());
    rate(c, p.field("stateRate"), t.stateRate());
    if (t.niitRate().value().signum() != 0 && t.niitRate().compareTo(NIIT) != 0) {
      c.add(
          Code.TAX_NIIT_RATE,
          p.field("niitRate"),
          t.niitRate(),
          "must be 0 or " + NIIT + " (IRC section 1411)");
    }
    if (t.shortTermRate().isFraction()
        && t.longTermRate().isFraction()
        && t.shortTermRate().compareTo(t.longTermRate()) < 0) {
      c.add(
          Code.TAX_RATE_SHORT_BELOW_LONG,
          p.field("shortTermRate"),
          t.shortTermRate(),
          "is below the long-term rate " + t.longTermRate() + ", which no federal bracket has");
    }
    nonNegative(
        c,
        p.field("shortTermCarryforward"),
        t.shortTermCarryforward(),
        Code.TAX_CARRYFORWARD_NEGATIVE,
        "must not be negative (state the loss as a positive amount)");
    nonNegative(
        c,
        p.field("longTermCarryforward"),
        t.longTermCarryforward(),
        Code.TAX_CARRYFORWARD_NEGATIVE,
        "must not be negative (state the loss as a positive amount)");
    c.problems.checkUsd(p.field("realizedShortTermYtd"), t.realizedShortTermYtd());
    c.problems.checkUsd(p.field("realizedLongTermYtd"), t.realizedLongTermYtd());
    if (t.annualGainBudget().isPresent()) {
      nonNegative(
          c,
          p.field("annualGainBudget"),
          t.annualGainBudget().get(),
          Code.TAX_BUDGET_NEGATIVE,
          "must not be negative");
    }
    if (t.shortTermGainCap().isPresent()) {
      nonNegative(
          c,
          p.field("shortTermGainCap"),
          t.shortTermGainCap().get(),
          Code.TAX_CAP_NEGATIVE,
          "must not be negative");
    }
  }

  private static void rate(Context c, Path p, Weight rate) {
    if (!rate.isFraction()) {
      c.add(Code.TAX_RATE_RANGE, p, rate, "must lie in [0, 1]");
    }
  }

  private static void nonNegative(Context c, Path p, Money amount, Code code, String rule) {
    if (c.problems.checkUsd(p, amount) && amount.amount().compareTo(BigDecimal.ZERO) < 0) {
      c.add(code, p, amount, rule);
    }
  }
}
