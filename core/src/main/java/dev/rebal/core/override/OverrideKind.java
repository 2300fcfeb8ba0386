package dev.rebal.core.override;

/** What an override changes. */
public enum OverrideKind {
  /** Lifts a hard restriction for one decision (needs a second approver: two-person rule). */
  WAIVE_RESTRICTION(true),
  /** Changes a rule-set parameter for one household (e.g. a wider band). */
  SET_PARAMETER(false),
  /** Sends the household to review whatever the routing rules say. */
  FORCE_REVIEW(false),
  /** Skips the household's rebalance until the expiry. */
  SKIP_HOUSEHOLD(false);

  private final boolean needsSecondApprover;

  OverrideKind(boolean needsSecondApprover) {
    this.needsSecondApprover = needsSecondApprover;
  }

  /** {@return whether this kind needs a second, different approver} */
  public boolean needsSecondApprover() {
    return needsSecondApprover;
  }
}
