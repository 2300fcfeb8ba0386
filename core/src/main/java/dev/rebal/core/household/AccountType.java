package dev.rebal.core.household;

/** An account's registration, which fixes its {@link TaxTreatment}. */
public enum AccountType {
  /** An individual or joint brokerage account. */
  TAXABLE(TaxTreatment.TAXABLE),
  /**
   * A traditional IRA. Purchases in it count for wash sales, and a washed loss is lost for good.
   */
  TRADITIONAL_IRA(TaxTreatment.TAX_DEFERRED),
  /** A Roth IRA. Purchases in it count for wash sales (Rev. Rul. 2008-5). */
  ROTH_IRA(TaxTreatment.TAX_EXEMPT),
  /** An employer 401(k) plan. */
  K401(TaxTreatment.TAX_DEFERRED),
  /** A health savings account. */
  HSA(TaxTreatment.TAX_EXEMPT),
  /** A taxable trust. */
  TRUST(TaxTreatment.TAXABLE),
  /** A donor-advised fund: gifts into it are charitable; sales inside it are untaxed. */
  DONOR_ADVISED_FUND(TaxTreatment.TAX_EXEMPT);

  private final TaxTreatment treatment;

  AccountType(TaxTreatment treatment) {
    this.treatment = treatment;
  }

  /** {@return how this registration is taxed} */
  public TaxTreatment treatment() {
    return treatment;
  }

  /**
   * {@return whether its assets belong to charities (a donor-advised fund): they pay gifts, never
   * the household's own needs, and their growth is not the household's}
   */
  public boolean isCharitable() {
    return this == DONOR_ADVISED_FUND;
  }

  /** {@return whether this is an individual retirement account (traditional or Roth)} */
  public boolean isIra() {
    return this == TRADITIONAL_IRA || this == ROTH_IRA;
  }
}
