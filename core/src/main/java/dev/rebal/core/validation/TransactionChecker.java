package dev.rebal.core.validation;

import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;

/**
 * Recent-transaction checks, the wash-sale rule's history: known account and security, positive
 * quantity and amount, not dated after the as-of date, a realized gain only on a sell, and a named
 * lot in the same account and security.
 */
final class TransactionChecker {
  private TransactionChecker() {}

  static void check(Context c) {
    for (Transaction t : c.household.transactions()) {
      Path p = Path.of("transactions", t.id());
      if (!c.hasAccount(t.account())) {
        c.add(
            Code.TRANSACTION_ACCOUNT_UNKNOWN,
            p.field("account"),
            t.account(),
            "must be an account of the household (declare external accounts as held-away)");
      }
      if (c.security(t.security()).isEmpty()) {
        c.add(
            Code.TRANSACTION_SECURITY_UNKNOWN,
            p.field("security"),
            t.security(),
            "must be a security of the market data");
      }
      if (t.tradeDate().isAfter(c.asOf)) {
        c.add(
            Code.TRANSACTION_DATE_FUTURE,
            p.field("tradeDate"),
            t.tradeDate(),
            "must not be after the as-of date " + c.asOf);
      }
      if (!t.quantity().isPositive()) {
        c.add(
            Code.TRANSACTION_QUANTITY_NONPOSITIVE,
            p.field("quantity"),
            t.quantity(),
            "must be positive; the side gives the direction");
      }
      if (c.problems.checkUsd(p.field("amount"), t.amount()) && !t.amount().isPositive()) {
        c.add(
            Code.TRANSACTION_AMOUNT_NONPOSITIVE,
            p.field("amount"),
            t.amount(),
            "must be positive; the side gives the direction");
      }
      if (t.realizedGain().isPresent()) {
        c.problems.checkUsd(p.field("realizedGain"), t.realizedGain().get());
        if (t.side() == Side.BUY) {
          c.add(
              Code.TRANSACTION_GAIN_ON_BUY,
              p.field("realizedGain"),
              t.realizedGain(),
              "must be absent on a buy; only a sell realizes a gain");
        } else if (t.side() == Side.GIFT) {
          c.add(
              Code.TRANSACTION_GAIN_ON_BUY,
              p.field("realizedGain"),
              t.realizedGain(),
              "must be absent on a gift in kind; only a sell realizes a gain");
        }
      }
      checkWashHistory(c, t, p);
      if (t.lot().isPresent()) {
        TaxLot lot = c.lot(t.lot().get());
        if (lot != null
            && (!lot.account().equals(t.account()) || !lot.security().equals(t.security()))) {
          c.add(
              Code.TRANSACTION_LOT_MISMATCH,
              p.field("lot"),
              t.lot(),
              "names a lot of "
                  + lot.security()
                  + " in "
                  + lot.account()
                  + ", not of the transaction's "
                  + t.security()
                  + " in "
                  + t.account());
        }
      }
    }
  }

  /** The wash-sale history: replacement use on buys, washed shares and holding start on sells. */
  private static void checkWashHistory(Context c, Transaction t, Path p) {
    Quantity most = t.quantity().max(Quantity.ZERO);
    Quantity used = t.usedAsReplacement();
    if (t.side() != Side.BUY && !used.isZero()) {
      c.add(
          Code.TRANSACTION_REPLACEMENT_RANGE,
          p.field("usedAsReplacement"),
          used,
          "must be zero on a " + t.side() + "; only a buy's shares replace sold ones");
    } else if (used.isNegative() || used.compareTo(most) > 0) {
      c.add(
          Code.TRANSACTION_REPLACEMENT_RANGE,
          p.field("usedAsReplacement"),
          used,
          "must be from 0 to the quantity bought " + t.quantity());
    }
    Quantity washed = t.washedQuantity();
    if (t.side() != Side.SELL && !washed.isZero()) {
      c.add(
          Code.TRANSACTION_WASHED_RANGE,
          p.field("washedQuantity"),
          washed,
          "must be zero on a " + t.side() + "; only a sale's loss is washed");
    } else if (washed.isNegative() || washed.compareTo(most) > 0) {
      c.add(
          Code.TRANSACTION_WASHED_RANGE,
          p.field("washedQuantity"),
          washed,
          "must be from 0 to the quantity sold " + t.quantity());
    }
    if (t.holdingPeriodStart().isPresent()) {
      if (t.side() == Side.BUY) {
        c.add(
            Code.TRANSACTION_HOLDING_INVALID,
            p.field("holdingPeriodStart"),
            t.holdingPeriodStart().get(),
            "must be absent on a buy; the lot carries it");
      } else if (t.holdingPeriodStart().get().isAfter(t.tradeDate())) {
        c.add(
            Code.TRANSACTION_HOLDING_INVALID,
            p.field("holdingPeriodStart"),
            t.holdingPeriodStart().get(),
            "must not be after the trade date " + t.tradeDate());
      }
    }
  }
}
