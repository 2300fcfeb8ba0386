package dev.rebal.tax.lots;

/**
 * How a sale chooses the lots it relieves.
 *
 * @since 0.1
 */
public enum ReliefMethod {
  /** First in, first out: the earliest acquired lot first (the default a custodian assumes). */
  FIFO,
  /** Last in, first out: the latest acquired lot first. */
  LIFO,
  /** Highest cost per share first. */
  HIFO,
  /** The lots named at the time of sale; see {@link LotSelector#selectSpecific}. */
  SPECIFIC_ID,
  /**
   * The lots whose sale costs the least tax per share at the household's marginal rates: losses
   * first (short-term losses, which offset higher-taxed gains, before long-term ones), then gains
   * by tax per share, which puts long-term gains with the lowest gain per dollar before short-term
   * gains except where a short-term gain is so small that its tax is lower. A lot of unknown basis
   * is costed as if its basis were zero, so it comes after every lot with a smaller gain. Ties go
   * to the long-term lot, then the earlier acquired, then the lower id. Because the tax of a sale
   * is linear in the quantity taken from each lot, this greedy order minimises the sale's tax (a
   * fractional-knapsack argument), so it is never worse than any other method on the same sale.
   */
  TAX_OPTIMAL
}
