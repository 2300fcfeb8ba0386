package dev.rebal.compliance.internal.compile;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.compliance.IssuerSaleLimit;
import dev.rebal.compliance.Provenance;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Rule 144(e)(1) volume limit of a control person (17 CFR 230.144(e)): the shares of an issuer sold
 * in any three months may not exceed the greater of 1% of the shares outstanding and the average
 * weekly reported volume of the four calendar weeks before. Method: the four most recent weeks of
 * {@link TradingVolume#weeklyVolumes()} are summed and divided by four (a missing week counts as
 * zero, which errs low); both terms round down to 1e-6 shares; sales already made in the
 * household's transactions from as-of minus three months to as-of, both included, are subtracted.
 */
final class VolumeLimits {
  private static final BigDecimal ONE_PERCENT = new BigDecimal("0.01");
  private static final int WEEKS = 4;

  private VolumeLimits() {}

  /** Returns the compiled limit, or empty when the issuer has no trading volume data. */
  static Optional<IssuerSaleLimit> compile(
      VolumeLimit restriction,
      Household household,
      MarketData marketData,
      LocalDate asOf,
      List<SecurityId> universe) {
    TradingVolume volume = marketData.volumes().get(restriction.issuer());
    if (volume == null) {
      return Optional.empty();
    }
    Quantity onePercent =
        Quantity.ofComputed(volume.sharesOutstanding().value().multiply(ONE_PERCENT));
    BigDecimal weekSum = BigDecimal.ZERO;
    List<Quantity> weeks = volume.weeklyVolumes();
    for (int i = 0; i < Math.min(WEEKS, weeks.size()); i++) {
      weekSum = weekSum.add(weeks.get(i).value());
    }
    Quantity average =
        Quantity.ofComputed(
            weekSum.divide(BigDecimal.valueOf(WEEKS), Quantity.SCALE, RoundingMode.DOWN));
    Quantity limit = onePercent.max(average);
    LocalDate windowStart = asOf.minusMonths(3);
    Quantity sold = Quantity.ZERO;
    for (Transaction t : household.transactions()) {
      if (t.side() == Side.SELL
          && !t.tradeDate().isBefore(windowStart)
          && !t.tradeDate().isAfter(asOf)
          && isOfIssuer(t.security(), restriction.issuer(), marketData)) {
        sold = sold.plus(t.quantity());
      }
    }
    Quantity remaining = limit.minus(sold).max(Quantity.ZERO);
    ImmutableSortedSet.Builder<SecurityId> securities = ImmutableSortedSet.naturalOrder();
    for (SecurityId s : universe) {
      if (isOfIssuer(s, restriction.issuer(), marketData)) {
        securities.add(s);
      }
    }
    return Optional.of(
        new IssuerSaleLimit(
            Provenance.of(restriction),
            restriction.issuer(),
            securities.build(),
            onePercent,
            average,
            limit,
            windowStart,
            sold,
            remaining));
  }

  private static boolean isOfIssuer(SecurityId id, String issuer, MarketData marketData) {
    Optional<Security> s = marketData.findSecurity(id);
    return s.isPresent() && s.get().issuer().equals(issuer);
  }
}
