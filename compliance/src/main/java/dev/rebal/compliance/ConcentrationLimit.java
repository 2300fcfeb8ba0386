package dev.rebal.compliance;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.SecurityId;
import java.util.SortedSet;

/**
 * A household-level concentration cap compiled to money: the value of the securities in scope,
 * summed over every account (held away included), may not exceed {@link #maxValue()}.
 *
 * <p>{@link #householdValue()} is the household's total value before trading (positions at market
 * price plus cash, held-away accounts included), and {@link #maxValue()} is {@code maxWeight} times
 * it, rounded down to cents. Trades at market price leave the total unchanged, so the optimizer can
 * treat the cap as linear: {@code currentValue + bought - sold <= maxValue}. The verifier checks
 * the weight again on the positions after trading. This record is immutable and thread-safe.
 *
 * @param provenance the cap restriction
 * @param scope what the cap covers (a security, an issuer, an asset class)
 * @param maxWeight the largest allowed share of household value
 * @param securities the known securities in scope
 * @param householdValue the denominator: household value, held-away included
 * @param heldAwayValue the part of {@code currentValue} held in held-away accounts
 * @param currentValue the value in scope before trading, held-away included
 * @param maxValue the largest allowed value in scope
 * @since 0.1
 */
public record ConcentrationLimit(
    Provenance provenance,
    SecurityScope scope,
    Weight maxWeight,
    SortedSet<SecurityId> securities,
    Money householdValue,
    Money heldAwayValue,
    Money currentValue,
    Money maxValue) {
  /**
   * Checks that no component is null.
   *
   * @param provenance the cap restriction
   * @param scope what the cap covers (a security, an issuer, an asset class)
   * @param maxWeight the largest allowed share of household value
   * @param securities the known securities in scope
   * @param householdValue the denominator: household value, held-away included
   * @param heldAwayValue the part of {@code currentValue} held in held-away accounts
   * @param currentValue the value in scope before trading, held-away included
   * @param maxValue the largest allowed value in scope
   */
  public ConcentrationLimit {
    Checks.notNull(provenance, "provenance");
    Checks.notNull(scope, "scope");
    Checks.notNull(maxWeight, "maxWeight");
    Checks.noNulls(securities, "securities");
    securities = ImmutableSortedSet.copyOf(securities);
    Checks.notNull(householdValue, "householdValue");
    Checks.notNull(heldAwayValue, "heldAwayValue");
    Checks.notNull(currentValue, "currentValue");
    Checks.notNull(maxValue, "maxValue");
  }

  /**
   * {@return the value that may still be added in scope; negative when the cap is already broken}
   */
  public Money headroom() {
    return maxValue.minus(currentValue);
  }
}
