package dev.rebal.core.security;

/**
 * What sort of instrument a security is; it drives round lots, asset location and tax treatment.
 */
public enum SecurityKind {
  /** A common or preferred stock. */
  EQUITY,
  /** An exchange-traded fund. */
  ETF,
  /** An open-end mutual fund (fractional shares, no round lots). */
  MUTUAL_FUND,
  /** A taxable bond. */
  BOND,
  /** A municipal bond, whose interest is federally tax-exempt. */
  MUNICIPAL_BOND,
  /** A money-market fund or other cash equivalent. */
  CASH_EQUIVALENT
}
