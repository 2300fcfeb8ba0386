package dev.rebal.core.security;

/**
 * How a security's income is taxed; asset location uses it to decide which account type should hold
 * it.
 */
public enum TaxCharacter {
  /** Qualified dividends and long-term gains: taxed at capital-gain rates (tax-efficient). */
  QUALIFIED,
  /** Ordinary income, e.g. taxable bond interest or REIT dividends (tax-inefficient). */
  ORDINARY,
  /** Federally tax-exempt interest, e.g. municipal bonds: belongs in a taxable account. */
  TAX_EXEMPT
}
