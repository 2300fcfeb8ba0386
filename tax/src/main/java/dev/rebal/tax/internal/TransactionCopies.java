package dev.rebal.tax.internal;

import dev.rebal.core.household.Transaction;
import dev.rebal.core.money.Quantity;

/** Copies of transactions with their wash-sale history changed (the core builders have no from). */
public final class TransactionCopies {
  private TransactionCopies() {}

  /** Returns a copy of {@code t} with the given replacement use and washed quantity. */
  public static Transaction withHistory(Transaction t, Quantity usedAsReplacement,
      Quantity washedQuantity) {
    Transaction.Builder b = Transaction.builder().id(t.id()).account(t.account())
        .security(t.security()).side(t.side()).tradeDate(t.tradeDate()).quantity(t.quantity())
        .amount(t.amount()).sequence(t.sequence()).usedAsReplacement(usedAsReplacement)
        .washedQuantity(washedQuantity);
    t.realizedGain().ifPresent(b::realizedGain);
    t.lot().ifPresent(b::lot);
    t.holdingPeriodStart().ifPresent(b::holdingPeriodStart);
    return b.build();
  }
}
