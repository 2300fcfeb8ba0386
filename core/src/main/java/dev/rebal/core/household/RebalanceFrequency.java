package dev.rebal.core.household;

/** How often the calendar trigger fires for a household. */
public enum RebalanceFrequency {
  /** Never on the calendar: only other triggers fire. */
  NONE(0),
  /** Every month. */
  MONTHLY(1),
  /** Every three months. */
  QUARTERLY(3),
  /** Every six months. */
  SEMI_ANNUAL(6),
  /** Every year. */
  ANNUAL(12);

  private final int months;

  RebalanceFrequency(int months) {
    this.months = months;
  }

  /** {@return the number of months between calendar rebalances; 0 for {@link #NONE}} */
  public int months() {
    return months;
  }
}
