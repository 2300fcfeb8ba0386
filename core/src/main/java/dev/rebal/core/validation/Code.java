package dev.rebal.core.validation;

import static dev.rebal.core.validation.Severity.ERROR;
import static dev.rebal.core.validation.Severity.WARNING;

/**
 * Every stable problem code the validator reports, with its fixed severity.
 *
 * <p>The string codes are the API (documented in {@code docs/validation.md}); this enum keeps each
 * code's severity in one place so that a checker cannot report the same code at two severities.
 * Severity rule: a problem is an {@link Severity#ERROR} when the data is missing, contradictory or
 * out of range so that a trade computed from it could be wrong (wrong value, wrong tax, a broken
 * restriction); it is a {@link Severity#WARNING} when the data is plausible but unusual, or when
 * the condition is one the rebalance itself handles or fixes (cash below its floor).
 */
enum Code {
  HOUSEHOLD_ACCOUNTS_EMPTY("household.accounts.empty", ERROR),
  HOUSEHOLD_MEMBERS_EMPTY("household.members.empty", ERROR),
  HOUSEHOLD_LAST_REBALANCED_FUTURE("household.last-rebalanced.future", ERROR),
  ID_DUPLICATE("id.duplicate", ERROR),
  MONEY_CURRENCY_UNSUPPORTED("money.currency.unsupported", ERROR),
  NUMBER_IMPLAUSIBLE("number.implausible", ERROR),

  ACCOUNT_OWNER_NONE("account.owner.none", ERROR),
  ACCOUNT_OWNER_UNKNOWN("account.owner.unknown", ERROR),
  ACCOUNT_HELDAWAY_TRADABLE("account.heldaway.tradable", ERROR),
  ACCOUNT_FLOOR_NEGATIVE("account.floor.negative", ERROR),
  ACCOUNT_CASH_BELOW_FLOOR("account.cash.below-floor", Severity.INFO),
  ACCOUNT_CASH_NEGATIVE("account.cash.negative", WARNING),
  ACCOUNT_CUSTODIAN_BLANK("account.custodian.blank", WARNING),

  LOT_QUANTITY_NONPOSITIVE("lot.quantity.nonpositive", ERROR),
  LOT_QUANTITY_FRACTIONAL("lot.quantity.fractional", WARNING),
  LOT_BASIS_NEGATIVE("lot.basis.negative", ERROR),
  LOT_BASIS_ZERO("lot.basis.zero", WARNING),
  LOT_BASIS_UNKNOWN("lot.basis.unknown", WARNING),
  LOT_ACQUIRED_FUTURE("lot.acquired.future", ERROR),
  LOT_ACCOUNT_UNKNOWN("lot.account.unknown", ERROR),
  LOT_SECURITY_UNKNOWN("lot.security.unknown", ERROR),
  LOT_WASHSALE_NEGATIVE("lot.washsale.negative", ERROR),
  LOT_WASHSALE_EXCEEDS_BASIS("lot.washsale.exceeds-basis", ERROR),
  LOT_HOLDING_AFTER_ACQUIRED("lot.holding.after-acquired", ERROR),
  // a state the rebalance acts on (it sells the class), not a data fault: a holding the plan
  // dropped (a goal's glide path ended) would otherwise send the household to review every month
  // until the class is sold, which a budget can hold back for a year
  LOT_CLASS_UNTARGETED("lot.class.untargeted", Severity.INFO),
  LOT_REPLACEMENT_RANGE("lot.replacement.range", ERROR),

  TRANSACTION_DATE_FUTURE("transaction.date.future", ERROR),
  TRANSACTION_QUANTITY_NONPOSITIVE("transaction.quantity.nonpositive", ERROR),
  TRANSACTION_AMOUNT_NONPOSITIVE("transaction.amount.nonpositive", ERROR),
  TRANSACTION_ACCOUNT_UNKNOWN("transaction.account.unknown", ERROR),
  TRANSACTION_SECURITY_UNKNOWN("transaction.security.unknown", ERROR),
  TRANSACTION_GAIN_ON_BUY("transaction.gain.on-buy", ERROR),
  TRANSACTION_LOT_MISMATCH("transaction.lot.mismatch", ERROR),
  TRANSACTION_REPLACEMENT_RANGE("transaction.replacement.range", ERROR),
  TRANSACTION_WASHED_RANGE("transaction.washed.range", ERROR),
  TRANSACTION_HOLDING_INVALID("transaction.holding.invalid", ERROR),

  GOAL_DATE_PAST("goal.date.past", ERROR),
  GOAL_AMOUNT_NONPOSITIVE("goal.amount.nonpositive", ERROR),
  GOAL_PRIORITY_NONPOSITIVE("goal.priority.nonpositive", ERROR),
  GOAL_FUNDING_NONE("goal.funding.none", ERROR),
  GOAL_FUNDING_SHARE_RANGE("goal.funding.share.range", ERROR),
  GOAL_FUNDING_SHARE_SUM("goal.funding.share.sum", ERROR),
  GOAL_FUNDING_ACCOUNT_UNKNOWN("goal.funding.account.unknown", ERROR),
  GOAL_FUNDING_ACCOUNT_SHARED("goal.funding.account.shared", ERROR),
  GOAL_GLIDEPATH_EMPTY("goal.glidepath.empty", ERROR),
  GOAL_GLIDEPATH_NO_ZERO_STEP("goal.glidepath.no-zero-step", ERROR),
  GOAL_GLIDEPATH_NEGATIVE_YEARS("goal.glidepath.negative-years", ERROR),

  TARGET_EMPTY("target.empty", ERROR),
  TARGET_WEIGHTS_SUM("target.weights.sum", ERROR),
  TARGET_WEIGHT_RANGE("target.weight.range", ERROR),
  TARGET_BAND_NEGATIVE("target.band.negative", ERROR),
  TARGET_BAND_WIDER_THAN_WEIGHT("target.band.wider-than-weight", ERROR),
  TARGET_CLASS_UNMODELED("target.class.unmodeled", ERROR),
  MODEL_SECURITY_UNKNOWN("model.security.unknown", ERROR),
  MODEL_SECURITY_CLASS_MISMATCH("model.security.class-mismatch", ERROR),
  MODEL_SECURITY_DUPLICATE("model.security.duplicate", WARNING),

  PRICE_MISSING("price.missing", ERROR),
  PRICE_NONPOSITIVE("price.nonpositive", ERROR),
  PRICE_DATE_FUTURE("price.date.future", ERROR),
  PRICE_STALE("price.stale", WARNING),
  VOLUME_SHARES_NONPOSITIVE("volume.shares.nonpositive", ERROR),
  VOLUME_WEEKS_INSUFFICIENT("volume.weeks.insufficient", ERROR),

  RESTRICTION_SECURITY_UNKNOWN("restriction.security.unknown", ERROR),
  RESTRICTION_ISSUER_UNKNOWN("restriction.issuer.unknown", ERROR),
  RESTRICTION_CLASS_UNKNOWN("restriction.class.unknown", ERROR),
  RESTRICTION_ACCOUNT_UNKNOWN("restriction.account.unknown", ERROR),
  RESTRICTION_WINDOW_INVERTED("restriction.window.inverted", ERROR),
  RESTRICTION_WINDOW_UNBOUNDED("restriction.window.unbounded", ERROR),
  RESTRICTION_WINDOW_EXPIRED("restriction.window.expired", Severity.INFO),
  RESTRICTION_CAP_RANGE("restriction.cap.range", ERROR),
  RESTRICTION_VOLUME_MISSING("restriction.volume.missing", ERROR),
  RESTRICTION_PENALTY_NEGATIVE("restriction.penalty.negative", ERROR),
  RESTRICTION_TREATMENTS_EMPTY("restriction.treatments.empty", WARNING),
  RESTRICTION_SOURCE_BLANK("restriction.source.blank", WARNING),

  TAX_RATE_RANGE("tax.rate.range", ERROR),
  TAX_RATE_SHORT_BELOW_LONG("tax.rate.short-below-long", WARNING),
  TAX_NIIT_RATE("tax.niit.rate", ERROR),
  TAX_CARRYFORWARD_NEGATIVE("tax.carryforward.negative", ERROR),
  TAX_BUDGET_NEGATIVE("tax.budget.negative", ERROR),
  TAX_CAP_NEGATIVE("tax.cap.negative", ERROR),

  LIQUIDITY_AMOUNT_NONPOSITIVE("liquidity.amount.nonpositive", ERROR),
  LIQUIDITY_DATE_PAST("liquidity.date.past", ERROR),
  LIQUIDITY_ACCOUNT_UNKNOWN("liquidity.account.unknown", ERROR),
  LIQUIDITY_NEED_HELDAWAY("liquidity.need.heldaway", WARNING);

  private final String code;
  private final Severity severity;

  Code(String code, Severity severity) {
    this.code = code;
    this.severity = severity;
  }

  /** Returns the stable string code. */
  String code() {
    return code;
  }

  /** Returns the fixed severity. */
  Severity severity() {
    return severity;
  }
}
