package dev.rebal.core.trade;

/** Which way a trade or transaction goes. */
public enum Side {
  /** A purchase. */
  BUY,
  /** A sale. */
  SELL
}
