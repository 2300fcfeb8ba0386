package dev.rebal.tax.gifting;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.tax.lots.RealizedLot;
import java.util.List;

/**
 * A charitable gift planned in kind: the lots (or parts) to give, their market value and basis, the
 * cash that makes up the rest of the gift, and the tax avoided.
 *
 * <p>Each entry of {@link #lots()} uses {@link RealizedLot} with {@code proceeds} meaning the fair
 * market value given (no sale happens). The gain avoided is the appreciation of the lots given,
 * which would have been taxed as long-term gain had they been sold to give cash; the tax avoided is
 * that gain times the household's combined long-term rate. The deduction for the gift (fair market
 * value for long-term property) is the same as for cash and is not part of it. This record is
 * immutable and thread-safe.
 *
 * @param amount the gift's amount
 * @param lots the lots given, most appreciated first
 * @param cash the part of the gift given in cash: the amount minus the value given in kind
 * @param gainAvoided the long-term gain not realized
 * @param taxAvoided the tax on it at the household's long-term rate
 * @since 0.1
 */
public record GiftPlan(
    Money amount, List<RealizedLot> lots, Money cash, Money gainAvoided, Money taxAvoided) {
  /**
   * Checks that no component is null.
   *
   * @param amount the gift's amount
   * @param lots the lots given, most appreciated first
   * @param cash the part of the gift given in cash: the amount minus the value given in kind
   * @param gainAvoided the long-term gain not realized
   * @param taxAvoided the tax on it at the household's long-term rate
   */
  public GiftPlan {
    Checks.notNull(amount, "amount");
    Checks.noNulls(lots, "lots");
    lots = ImmutableList.copyOf(lots);
    Checks.notNull(cash, "cash");
    Checks.notNull(gainAvoided, "gainAvoided");
    Checks.notNull(taxAvoided, "taxAvoided");
  }

  /** {@return the market value given in kind} */
  public Money valueInKind() {
    return amount.minus(cash);
  }
}
