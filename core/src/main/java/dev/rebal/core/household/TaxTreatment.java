package dev.rebal.core.household;

/** How an account's gains and income are taxed; the tax-cost model and asset location read it. */
public enum TaxTreatment {
  /** Gains are taxed when realized; losses can be harvested; wash sales apply. */
  TAXABLE,
  /** Tax-deferred (traditional IRA, 401(k)): no tax on sales inside the account. */
  TAX_DEFERRED,
  /** Tax-exempt (Roth IRA, HSA, donor-advised fund): no tax on sales inside the account. */
  TAX_EXEMPT
}
