package dev.rebal.tax;

/**
 * The character of a capital gain or loss by holding period: short term (held one year or less) or
 * long term (held more than one year), IRS Pub. 550, "Holding Period".
 *
 * @since 0.1
 */
public enum Term {
  /** Held one year or less: taxed at ordinary rates. */
  SHORT,
  /** Held more than one year: taxed at long-term capital-gain rates. */
  LONG
}
