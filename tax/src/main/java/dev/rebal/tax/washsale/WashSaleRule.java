package dev.rebal.tax.washsale;

/**
 * The rule under which a loss was disallowed, with a stable code callers can branch on and the
 * source it comes from.
 *
 * @since 0.1
 */
public enum WashSaleRule {
  /**
   * The loss is disallowed and deferred: added to the basis of the replacement shares, whose
   * holding period includes the sold shares' (IRC 1091(a), (d); IRC 1223(3); Treas. Reg. 1.1091-1,
   * 1.1091-2; IRS Pub. 550, "Wash Sales").
   */
  DEFERRED("wash-sale.deferred", "IRC 1091(a),(d); Treas. Reg. 1.1091-1, 1.1091-2"),
  /**
   * The replacement was bought in a traditional or Roth IRA: the loss is disallowed and the IRA's
   * basis is not increased, so the loss is lost for good (Rev. Rul. 2008-5).
   */
  LOST_IN_IRA("wash-sale.ira-lost", "IRC 1091(a); Rev. Rul. 2008-5"),
  /**
   * The replacement was bought in another tax-advantaged account (401(k), HSA, donor-advised fund).
   * Rev. Rul. 2008-5 rules on IRAs only; Rebal treats these the same way, conservatively:
   * disallowed, and no basis adjustment that could ever be used.
   */
  LOST_IN_TAX_ADVANTAGED(
      "wash-sale.tax-advantaged-lost", "IRC 1091(a); Rev. Rul. 2008-5 applied by analogy");

  private final String code;
  private final String source;

  WashSaleRule(String code, String source) {
    this.code = code;
    this.source = source;
  }

  /** {@return the stable code, e.g. {@code wash-sale.deferred}} */
  public String code() {
    return code;
  }

  /** {@return the legal source, e.g. {@code IRC 1091(a); Rev. Rul. 2008-5}} */
  public String source() {
    return source;
  }

  /** {@return whether the disallowed loss is added to the replacement's basis} */
  public boolean adjustsBasis() {
    return this == DEFERRED;
  }
}
