package dev.rebal.core.validation;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.Optional;

/**
 * Magnitude checks: an amount of money or a number of shares so large it cannot be real is a data
 * error ({@code number.implausible}), so the household is held with the path of the bad field
 * instead of reaching the optimizer, where such numbers overflow doubles and end in {@code
 * review.numerical}. The bounds are far above any real household: 10<sup>15</sup> dollars (a
 * thousand trillion) and 10<sup>12</sup> shares. The value is shown abbreviated.
 */
final class MagnitudeChecker {
  /** Dollars: more than any household or market holds. */
  static final BigDecimal MAX_MONEY = BigDecimal.TEN.pow(15);

  /** Shares: more than any issuer has outstanding. */
  static final BigDecimal MAX_SHARES = BigDecimal.TEN.pow(12);

  private MagnitudeChecker() {}

  static void check(Context c) {
    for (Account a : c.household.accounts()) {
      money(c, Path.of("accounts", a.id()).field("cash"), a.cash().amount());
    }
    for (TaxLot lot : c.household.lots()) {
      Path p = Path.of("lots", lot.id());
      shares(c, p.field("quantity"), lot.quantity().value());
      money(c, p.field("costBasis"), lot.costBasis().amount());
    }
    for (Transaction t : c.household.transactions()) {
      Path p = Path.of("transactions", t.id());
      shares(c, p.field("quantity"), t.quantity().value());
      money(c, p.field("amount"), t.amount().amount());
      t.realizedGain().ifPresent(g -> money(c, p.field("realizedGain"), g.amount()));
    }
    for (Goal g : c.household.goals()) {
      money(c, Path.of("goals", g.id()).field("targetAmount"), g.targetAmount().amount());
    }
    for (LiquidityEvent e : c.household.liquidityEvents()) {
      money(c, Path.of("liquidityEvents", e.id()).field("amount"), e.amount().amount());
    }
    TaxProfile t = c.household.taxProfile();
    Path p = Path.of("taxProfile");
    money(c, p.field("shortTermCarryforward"), t.shortTermCarryforward().amount());
    money(c, p.field("longTermCarryforward"), t.longTermCarryforward().amount());
    money(c, p.field("realizedShortTermYtd"), t.realizedShortTermYtd().amount());
    money(c, p.field("realizedLongTermYtd"), t.realizedLongTermYtd().amount());
    optionalMoney(c, p.field("annualGainBudget"), t.annualGainBudget().map(m -> m.amount()));
    optionalMoney(c, p.field("shortTermGainCap"), t.shortTermGainCap().map(m -> m.amount()));
  }

  private static void optionalMoney(Context c, Path path, Optional<BigDecimal> amount) {
    amount.ifPresent(a -> money(c, path, a));
  }

  private static void money(Context c, Path path, BigDecimal amount) {
    if (amount.abs().compareTo(MAX_MONEY) >= 0) {
      c.add(
          Code.NUMBER_IMPLAUSIBLE,
          path,
          Checks.abbreviate(amount),
          "must be below 1E+15 dollars in magnitude");
    }
  }

  private static void shares(Context c, Path path, BigDecimal quantity) {
    if (quantity.abs().compareTo(MAX_SHARES) >= 0) {
      c.add(
          Code.NUMBER_IMPLAUSIBLE,
          path,
          Checks.abbreviate(quantity),
          "must be below 1E+12 shares in magnitude");
    }
  }
}
