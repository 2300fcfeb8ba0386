package dev.rebal.compliance;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.SortedSet;

/**
 * A control person's Rule 144 volume limit compiled to shares: the sales of the issuer's securities
 * in this proposal, over every household account, may not exceed {@link #remaining()}.
 *
 * <p>The limit over any three months is the greater of 1% of the shares outstanding and the average
 * weekly reported volume of the four calendar weeks before (17 CFR 230.144(e)(1)); the four most
 * recent weeks of {@link dev.rebal.core.market.TradingVolume#weeklyVolumes()} are averaged, a
 * missing week counting as zero. Sales already made from {@link #windowStart()} to the as-of date,
 * both included, in any account of the household's transaction history, count against it. This
 * record is immutable and thread-safe.
 *
 * @param provenance the volume-limit restriction
 * @param issuer the issuer
 * @param securities the known securities of the issuer
 * @param onePercentOfOutstanding 1% of the shares outstanding
 * @param averageWeeklyVolume the average weekly volume of the last four weeks
 * @param limit the greater of the two
 * @param windowStart the first day of the three-month look-back (as-of minus three months)
 * @param soldInWindow the shares already sold in the look-back
 * @param remaining the shares that may still be sold, never below zero
 * @since 0.1
 */
public record IssuerSaleLimit(
    Provenance provenance,
    String issuer,
    SortedSet<SecurityId> securities,
    Quantity onePercentOfOutstanding,
    Quantity averageWeeklyVolume,
    Quantity limit,
    LocalDate windowStart,
    Quantity soldInWindow,
    Quantity remaining) {
  /**
   * Checks that no component is null.
   *
   * @param provenance the volume-limit restriction
   * @param issuer the issuer
   * @param securities the known securities of the issuer
   * @param onePercentOfOutstanding 1% of the shares outstanding
   * @param averageWeeklyVolume the average weekly volume of the last four weeks
   * @param limit the greater of the two
   * @param windowStart the first day of the three-month look-back (as-of minus three months)
   * @param soldInWindow the shares already sold in the look-back
   * @param remaining the shares that may still be sold, never below zero
   */
  public IssuerSaleLimit {
    Checks.notNull(provenance, "provenance");
    Checks.notBlank(issuer, "issuer");
    Checks.noNulls(securities, "securities");
    securities = ImmutableSortedSet.copyOf(securities);
    Checks.notNull(onePercentOfOutstanding, "onePercentOfOutstanding");
    Checks.notNull(averageWeeklyVolume, "averageWeeklyVolume");
    Checks.notNull(limit, "limit");
    Checks.notNull(windowStart, "windowStart");
    Checks.notNull(soldInWindow, "soldInWindow");
    Checks.notNull(remaining, "remaining");
  }
}
