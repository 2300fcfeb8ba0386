package dev.rebal.engine.internal;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.trade.Side;
import dev.rebal.core.valuation.ClassDrift;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * How much of each class's drift weight the optimizer charges inside the class's band ({@code
 * optimizer.in-band-drift-share}, see {@link dev.rebal.optimizer.ClassGoal}). With a small share a
 * class is traded into the middle of its band as far as that costs no tax (cash to invest, a sale
 * in an IRA, a lot at a loss) and only to the band's edge with sales that realize a gain.
 *
 * <p>A class left at its band's edge drifts out again when the market keeps moving the same way,
 * and each month's proposal would then trim it again, realizing a little gain every time. So a
 * class outside its band that the household already traded the same way within {@code
 * optimizer.band-edge-repeat-days} (62 by default) is charged the whole weight inside its band
 * again: the second trade in a row goes to the middle of the band, as HALFWAY does (the decision
 * notes "class C: traded to the middle of its band"). Not thread-safe: one lives inside one problem
 * build.
 */
final class BandTier {
  private final BigDecimal share;
  private final long repeatDays;
  private final LocalDate asOf;
  // the last sale and the last buy of each class
  private final Map<AssetClass, LocalDate> lastSale = new TreeMap<>();
  private final Map<AssetClass, LocalDate> lastBuy = new TreeMap<>();

  private BandTier(BigDecimal share, long repeatDays, LocalDate asOf) {
    this.share = share;
    this.repeatDays = repeatDays;
    this.asOf = asOf;
  }

  /** Returns the tier of {@code rs} for household {@code h} on {@code asOf}. */
  static BandTier of(RuleSet rs, LocalDate asOf, Household h, MarketData m) {
    BandTier tier =
        new BandTier(
            Params.decimal(rs, "optimizer.in-band-drift-share", "0.002"),
            Params.decimal(rs, "optimizer.band-edge-repeat-days", "62").longValueExact(),
            asOf);
    for (Transaction t : h.transactions()) {
      Optional<AssetClass> c = m.findSecurity(t.security()).map(Security::assetClass);
      if (c.isEmpty() || t.tradeDate().isAfter(asOf)) {
        continue;
      }
      Map<AssetClass, LocalDate> last = t.side() == Side.SELL ? tier.lastSale : tier.lastBuy;
      last.merge(c.get(), t.tradeDate(), (x, y) -> x.isAfter(y) ? x : y);
    }
    return tier;
  }

  /**
   * Returns the in-band share for the class of {@code drift}: the whole weight when the class is
   * outside its band and was traded the same way within the repeat days, the rule set's share
   * otherwise.
   */
  BigDecimal shareOf(ClassDrift drift) {
    return repeats(drift) ? BigDecimal.ONE : share;
  }

  /** Returns the note of a class whose share {@link #shareOf} raised to the whole weight. */
  Optional<String> note(ClassDrift drift) {
    if (!repeats(drift)) {
      return Optional.empty();
    }
    return Optional.of(
        "class "
            + drift.assetClass()
            + ": traded to the middle of its band (out of its band again "
            + ChronoUnit.DAYS.between(lastTrade(drift), asOf)
            + " days after the last trade)");
  }

  private boolean repeats(ClassDrift drift) {
    if (share.compareTo(BigDecimal.ONE) >= 0 || !drift.isOutOfBand()) {
      return false;
    }
    LocalDate last = lastTrade(drift);
    return last != null && ChronoUnit.DAYS.between(last, asOf) < repeatDays;
  }

  /** The last sale of a class above its band, or the last buy of one below it. */
  private LocalDate lastTrade(ClassDrift drift) {
    return (drift.drift().isNegative() ? lastBuy : lastSale).get(drift.assetClass());
  }
}
