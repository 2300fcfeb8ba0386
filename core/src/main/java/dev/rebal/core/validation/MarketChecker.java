package dev.rebal.core.validation;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Market-data checks for what this household needs: a positive USD price, not dated after the as-of
 * date, for every known security it holds or its model may buy (a missing price is never a zero); a
 * price older than {@link #STALE_AFTER_DAYS} is a warning. Every issuer under a Rule 144 volume
 * limit needs positive shares outstanding and at least {@link #VOLUME_WEEKS} weekly volumes.
 */
final class MarketChecker {
  /** Calendar days after which a price is stale: covers a long weekend with a holiday. */
  static final int STALE_AFTER_DAYS = 5;

  /** Rule 144(e) averages the four calendar weeks before the notice. */
  static final int VOLUME_WEEKS = 4;

  private MarketChecker() {}

  static void check(Context c) {
    // almost every price is fine: look first, in any order and without a set of the distinct ids
    // (looking is free of side effects, so an id seen twice is only looked at twice), and only
    // when some price has a problem collect the distinct known ids, sort them and report, so that
    // problems come in id order
    boolean clean = true;
    SecurityId last = null; // a position's lots usually come one after another
    for (TaxLot lot : c.household.lots()) {
      if (!lot.security().equals(last)) {
        last = lot.security();
        clean = clean && isClean(c, last);
      }
    }
    for (ImmutableList<SecurityId> ids : c.household.model().securities().values()) {
      for (int i = 0; clean && i < ids.size(); i++) {
        clean = isClean(c, ids.get(i));
      }
    }
    if (!clean) {
      Set<SecurityId> distinct = new HashSet<>(c.household.lots().size() * 2);
      for (TaxLot lot : c.household.lots()) {
        distinct.add(lot.security());
      }
      for (ImmutableList<SecurityId> ids : c.household.model().securities().values()) {
        distinct.addAll(ids);
      }
      List<SecurityId> known = new ArrayList<>(distinct.size());
      for (SecurityId id : distinct) {
        if (c.security(id).isPresent()) {
          known.add(id);
        }
      }
      known.sort(null);
      for (SecurityId id : known) {
        checkPrice(c, id, true);
      }
    }
    SortedSet<String> issuers = new TreeSet<>();
    for (Restriction r : c.household.restrictions()) {
      if (r instanceof VolumeLimit) {
        issuers.add(((VolumeLimit) r).issuer());
      }
    }
    for (String issuer : issuers) {
      TradingVolume v = c.market.volumes().get(issuer);
      if (v != null) {
        checkVolume(c, issuer, v);
      }
    }
  }

  /** Returns whether {@code id} is unknown (not checked) or has a price without a problem. */
  private static boolean isClean(Context c, SecurityId id) {
    return c.security(id).isEmpty() || checkPrice(c, id, false);
  }

  /**
   * Checks the price of a known security; reports what it finds only if {@code report}.
   *
   * @return whether the price has no problem (when not reporting, false at the first problem)
   */
  private static boolean checkPrice(Context c, SecurityId id, boolean report) {
    Path p = report ? Path.of("prices", id) : null;
    Optional<Price> found = c.market.prices().find(id);
    if (found.isEmpty()) {
      if (report) {
        c.add(
            Code.PRICE_MISSING,
            p,
            Optional.empty(),
            "must be present for a security the household holds or its model may buy");
      }
      return false;
    }
    boolean clean = true;
    Price price = found.get();
    if (!price.perUnit().currency().equals(Money.USD)) {
      if (!report) {
        return false;
      }
      clean = false;
      c.add(
          Code.MONEY_CURRENCY_UNSUPPORTED,
          p.field("perUnit"),
          price.perUnit(),
          "must be in USD, the only supported currency");
    } else if (!price.perUnit().isPositive()) {
      if (!report) {
        return false;
      }
      clean = false;
      c.add(Code.PRICE_NONPOSITIVE, p.field("perUnit"), price.perUnit(), "must be positive");
    }
    LocalDate staleBefore = c.asOf.minusDays(STALE_AFTER_DAYS);
    if (price.asOf().isAfter(c.asOf)) {
      if (!report) {
        return false;
      }
      clean = false;
      c.add(
          Code.PRICE_DATE_FUTURE,
          p.field("asOf"),
          price.asOf(),
          "must not be after the as-of date " + c.asOf);
    } else if (price.asOf().isBefore(staleBefore)) {
      if (!report) {
        return false;
      }
      clean = false;
      c.add(
          Code.PRICE_STALE,
          p.field("asOf"),
          price.asOf(),
          "is more than " + STALE_AFTER_DAYS + " days before the as-of date " + c.asOf);
    }
    return clean;
  }

  private static void checkVolume(Context c, String issuer, TradingVolume v) {
    Path p = Path.of("volumes", issuer);
    if (!v.sharesOutstanding().isPositive()) {
      c.add(
          Code.VOLUME_SHARES_NONPOSITIVE,
          p.field("sharesOutstanding"),
          v.sharesOutstanding(),
          "must be positive");
    }
    if (v.weeklyVolumes().size() < VOLUME_WEEKS) {
      c.add(
          Code.VOLUME_WEEKS_INSUFFICIENT,
          p.field("weeklyVolumes"),
          v.weeklyVolumes().size(),
          "must hold at least " + VOLUME_WEEKS + " weeks for the Rule 144 average");
    }
  }
}
