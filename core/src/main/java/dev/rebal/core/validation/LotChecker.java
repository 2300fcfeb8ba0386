package dev.rebal.core.validation;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Optional;

/**
 * Tax-lot checks: known account and security, positive quantity, basis and wash-sale adjustment in
 * range, dates not in the future, holding period not starting after acquisition (a wash sale tacks
 * the sold shares' holding period on, which moves the start earlier, never later), shares used as
 * wash-sale replacements from zero to the quantity.
 */
final class LotChecker {
  private LotChecker() {}

  static void check(Context c) {
    // a position's lots usually come one after another: look its security up once for them
    SecurityId lastId = null;
    AccountId lastAccountId = null;
    Optional<Account> lastAccount = Optional.empty();
    Optional<Security> lastSecurity = Optional.empty();
    boolean lastTargeted = false; // whether the last security's class is targeted
    for (TaxLot lot : c.household.lots()) {
      Path p = Path.of("lots", lot.id());
      if (!lot.account().equals(lastAccountId)) {
        lastAccountId = lot.account();
        lastAccount = c.account(lastAccountId);
      }
      Optional<Account> account = lastAccount;
      if (account.isEmpty()) {
        c.add(
            Code.LOT_ACCOUNT_UNKNOWN,
            p.field("account"),
            lot.account(),
            "must be an account of the household");
      }
      if (!lot.security().equals(lastId)) {
        lastId = lot.security();
        lastSecurity = c.security(lastId);
        lastTargeted = lastSecurity.isPresent() && c.isTargeted(lastSecurity.get().assetClass());
      }
      Optional<Security> security = lastSecurity;
      if (security.isEmpty()) {
        c.add(
            Code.LOT_SECURITY_UNKNOWN,
            p.field("security"),
            lot.security(),
            "must be a security of the market data");
      } else if (!lastTargeted) {
        c.add(
            Code.LOT_CLASS_UNTARGETED,
            p.field("security"),
            lot.security(),
            "is in asset class "
                + security.get().assetClass()
                + ", which neither the target nor a goal's glide path lists, so the rebalance "
                + "will sell it");
      }
      if (!lot.quantity().isPositive()) {
        c.add(
            Code.LOT_QUANTITY_NONPOSITIVE, p.field("quantity"), lot.quantity(), "must be positive");
      } else if (account.isPresent()
          && !account.get().fractionalShares()
          && !(security.isPresent() && security.get().kind() == SecurityKind.MUTUAL_FUND)
          && !isWhole(lot.quantity().value())) {
        c.add(
            Code.LOT_QUANTITY_FRACTIONAL,
            p.field("quantity"),
            lot.quantity(),
            "is fractional in an account that does not hold fractional shares; it cannot be sold whole");
      }
      checkBasis(c, lot, p);
      if (lot.acquired().isAfter(c.asOf)) {
        c.add(
            Code.LOT_ACQUIRED_FUTURE,
            p.field("acquired"),
            lot.acquired(),
            "must not be after the as-of date " + c.asOf);
      }
      if (lot.usedAsReplacement().isNegative()
          || lot.usedAsReplacement().compareTo(lot.quantity().max(Quantity.ZERO)) > 0) {
        c.add(
            Code.LOT_REPLACEMENT_RANGE,
            p.field("usedAsReplacement"),
            lot.usedAsReplacement(),
            "must be from 0 to the lot's quantity " + lot.quantity());
      }
      if (lot.holdingPeriodStart().isAfter(lot.acquired())) {
        c.add(
            Code.LOT_HOLDING_AFTER_ACQUIRED,
            p.field("holdingPeriodStart"),
            lot.holdingPeriodStart(),
            "must not be after the acquired date "
                + lot.acquired()
                + " (a tacked holding period starts earlier)");
      }
    }
  }

  /**
   * Returns {@code Quantity.isWhole()} of a quantity with this value: whether it has no fraction.
   * Truncating to scale 0 and comparing is one division, where stripping the trailing zeros of a
   * scale-6 quantity is one per zero.
   */
  static boolean isWhole(BigDecimal value) {
    return value.scale() <= 0 || value.setScale(0, RoundingMode.DOWN).compareTo(value) == 0;
  }

  private static void checkBasis(Context c, TaxLot lot, Path p) {
    boolean basisUsd =
        lot.costBasis().isUsd() || c.problems.checkUsd(p.field("costBasis"), lot.costBasis());
    boolean washUsd =
        lot.washSaleAdjustment().isUsd()
            || c.problems.checkUsd(p.field("washSaleAdjustment"), lot.washSaleAdjustment());
    if (!lot.basisKnown()) {
      c.add(
          Code.LOT_BASIS_UNKNOWN,
          p.field("basisKnown"),
          false,
          "basis is unknown; the lot is treated cautiously");
    }
    if (basisUsd && lot.costBasis().isNegative()) {
      c.add(Code.LOT_BASIS_NEGATIVE, p.field("costBasis"), lot.costBasis(), "must not be negative");
    } else if (basisUsd && lot.costBasis().isZero() && lot.basisKnown()) {
      c.add(
          Code.LOT_BASIS_ZERO,
          p.field("costBasis"),
          lot.costBasis(),
          "is zero for a lot whose basis is known; the whole sale price would be gain");
    }
    if (washUsd && lot.washSaleAdjustment().isNegative()) {
      c.add(
          Code.LOT_WASHSALE_NEGATIVE,
          p.field("washSaleAdjustment"),
          lot.washSaleAdjustment(),
          "must not be negative (a disallowed loss only adds to basis)");
    } else if (basisUsd
        && washUsd
        && !lot.costBasis().isNegative()
        && !lot.washSaleAdjustment().isZero()
        && lot.washSaleAdjustment().compareTo(lot.costBasis()) > 0) {
      c.add(
          Code.LOT_WASHSALE_EXCEEDS_BASIS,
          p.field("washSaleAdjustment"),
          lot.washSaleAdjustment(),
          "must not exceed the total adjusted basis " + lot.costBasis() + " that includes it");
    }
  }
}
