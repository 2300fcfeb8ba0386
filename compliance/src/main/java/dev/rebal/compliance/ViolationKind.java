package dev.rebal.compliance;

/**
 * What a {@link Violation} breaks. Codes are stable; callers may branch on them.
 *
 * @since 0.1
 */
public enum ViolationKind {
  /** A trade names an account that is not the household's. */
  UNKNOWN_ACCOUNT,
  /** A trade names a security the market data does not know. */
  UNKNOWN_SECURITY,
  /** A trade in a held-away or non-tradable account. */
  ACCOUNT_NOT_TRADABLE,
  /** A trade in an account frozen by an account freeze in effect. */
  ACCOUNT_FROZEN,
  /** A buy of a security excluded by a security exclusion in effect. */
  EXCLUDED_BUY,
  /** A sale of a security under a do-not-sell in effect. */
  DO_NOT_SELL,
  /** A buy or sale of an issuer's security inside its insider blackout window. */
  BLACKOUT,
  /** Sales of an issuer's securities over its Rule 144 volume limit, or with no volume data. */
  VOLUME_LIMIT,
  /** A sale from lots a lot preference protects. */
  PROTECTED_LOT,
  /** A lot pick names a lot the household does not hold. */
  LOT_NOT_FOUND,
  /** A lot pick names a lot of another account or security than the trade's. */
  LOT_MISMATCH,
  /** Lot picks over all trades take more from a lot than it holds. */
  LOT_OVERDRAWN,
  /** A position ends below zero shares. */
  SHORT_POSITION,
  /** A tradable account ends with cash below its floor. */
  CASH_BELOW_FLOOR,
  /** The securities in a cap's scope end above the cap's share of household value. */
  CONCENTRATION_CAP,
  /** One proposal both buys and sells securities of the same wash-sale group. */
  WASH_SALE_BOTH_SIDES,
  /** A trade's estimated value is below the minimum trade size. */
  BELOW_MIN_TRADE_SIZE,
  /** A quantity that is not a multiple of the round lot, in an account without fractions. */
  NOT_ROUND_LOT
}
