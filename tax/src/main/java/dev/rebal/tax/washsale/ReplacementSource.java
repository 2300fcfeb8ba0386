package dev.rebal.tax.washsale;

/**
 * Where a replacement acquisition was found.
 *
 * @since 0.1
 */
public enum ReplacementSource {
  /** A tax lot held in a household account. */
  LOT,
  /** A recent buy in the household's transactions whose lot is not held (or not known). */
  TRANSACTION,
  /** A buy planned in the same proposal. */
  PLANNED_BUY
}
