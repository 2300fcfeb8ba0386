package dev.rebal.core.trade;

/** Which way a trade or transaction goes. */
public enum Side {
  /** A purchase. */
  BUY,
  /** A sale. */
  SELL,
  /**
   * A transfer of shares out in kind to a charity: the picked lots leave the account, no proceeds
   * come in and no gain is realized (IRS Pub. 526). Compliance treats it like a sale for sell
   * blocks; the wash-sale rule does not (a gift realizes no loss).
   */
  GIFT
}
