package dev.rebal.core.override;

import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.Optional;

/**
 * An explicit, logged exception to the rules for one household: what it changes, who asked, why,
 * and until when.
 *
 * <p>An override without an actor or a reason cannot be built. A {@link
 * OverrideKind#WAIVE_RESTRICTION} needs a second approver who is not the actor (the two-person
 * rule); {@link #checkApplicable} enforces it on the day of use, together with the expiry. Every
 * override applied is recorded in the decision's audit record. This class is immutable and
 * thread-safe.
 */
public final class Override {
  private final String id;
  private final String household;
  private final OverrideKind kind;
  private final String target;
  private final String value;
  private final String actor;
  private final String reason;
  private final LocalDate expires;
  private final String secondApprover;

  private Override(Builder b) {
    this.id = Checks.notBlank(b.id, "override.id");
    this.household = Checks.notBlank(b.household, "override.household");
    this.kind = Checks.notNull(b.kind, "override.kind");
    this.target = Checks.notBlank(b.target, "override.target");
    this.value = Checks.notNull(b.value, "override.value");
    this.actor = Checks.notBlank(b.actor, "override.actor");
    this.reason = Checks.notBlank(b.reason, "override.reason");
    this.expires = Checks.notNull(b.expires, "override.expires");
    this.secondApprover = b.secondApprover;
    Checks.isTrue(
        secondApprover == null || !secondApprover.isBlank(),
        "override.secondApprover",
        "'" + secondApprover + "'",
        "must not be blank");
  }

  /** {@return a new builder} */
  public static Builder builder() {
    return new Builder();
  }

  /** {@return the override's id} */
  public String id() {
    return id;
  }

  /** {@return the household it applies to} */
  public String household() {
    return household;
  }

  /** {@return what it changes} */
  public OverrideKind kind() {
    return kind;
  }

  /** {@return the restriction id or parameter name it changes} */
  public String target() {
    return target;
  }

  /** {@return the new value, for a parameter; empty text otherwise} */
  public String value() {
    return value;
  }

  /** {@return who asked for it} */
  public String actor() {
    return actor;
  }

  /** {@return why} */
  public String reason() {
    return reason;
  }

  /** {@return the last day it applies} */
  public LocalDate expires() {
    return expires;
  }

  /** {@return the second approver, if any} */
  public Optional<String> secondApprover() {
    return Optional.ofNullable(secondApprover);
  }

  /**
   * Checks that the override may be applied on {@code asOf}.
   *
   * @param asOf the as-of date
   * @return this override
   * @throws OverrideRejectedException if it has expired, or it needs a second approver who is
   *     absent or the same person as the actor
   */
  public Override checkApplicable(LocalDate asOf) {
    Checks.notNull(asOf, "asOf");
    if (asOf.isAfter(expires)) {
      throw new OverrideRejectedException(
          "overrides["
              + id
              + "].expires: must not be before the "
              + "as-of date "
              + asOf
              + ", was "
              + expires);
    }
    if (kind.needsSecondApprover()) {
      if (secondApprover == null) {
        throw new OverrideRejectedException(
            "overrides["
                + id
                + "].secondApprover: a "
                + kind
                + " needs a second approver (two-person rule), was <missing>");
      }
      if (secondApprover.equals(actor)) {
        throw new OverrideRejectedException(
            "overrides["
                + id
                + "].secondApprover: must differ "
                + "from the actor (two-person rule), was "
                + secondApprover);
      }
    }
    return this;
  }

  /**
   * Returns a one-line description for audit records, e.g. {@code O-1 WAIVE_RESTRICTION R-3 by a1
   * (+a2) until 2026-07-01: reason}.
   */
  @java.lang.Override
  public String toString() {
    return id
        + " "
        + kind
        + " "
        + target
        + (value.isEmpty() ? "" : "=" + value)
        + " by "
        + actor
        + (secondApprover == null ? "" : " (+" + secondApprover + ")")
        + " until "
        + expires
        + ": "
        + reason;
  }

  /** Builds an {@link Override}; every field but the value and second approver is required. */
  public static final class Builder {
    private String id;
    private String household;
    private OverrideKind kind;
    private String target;
    private String value = "";
    private String actor;
    private String reason;
    private LocalDate expires;
    private String secondApprover;

    private Builder() {}

    /**
     * Sets the id.
     *
     * @param id the override's id
     * @return this builder
     */
    public Builder id(String id) {
      this.id = id;
      return this;
    }

    /**
     * Sets the household.
     *
     * @param household the household id
     * @return this builder
     */
    public Builder household(String household) {
      this.household = household;
      return this;
    }

    /**
     * Sets the kind.
     *
     * @param kind the kind
     * @return this builder
     */
    public Builder kind(OverrideKind kind) {
      this.kind = kind;
      return this;
    }

    /**
     * Sets the restriction id or parameter name changed.
     *
     * @param target the restriction id or parameter name
     * @return this builder
     */
    public Builder target(String target) {
      this.target = target;
      return this;
    }

    /**
     * Sets the new value of a parameter.
     *
     * @param value the new value
     * @return this builder
     */
    public Builder value(String value) {
      this.value = value;
      return this;
    }

    /**
     * Sets who asked.
     *
     * @param actor who asked
     * @return this builder
     */
    public Builder actor(String actor) {
      this.actor = actor;
      return this;
    }

    /**
     * Sets why.
     *
     * @param reason why
     * @return this builder
     */
    public Builder reason(String reason) {
      this.reason = reason;
      return this;
    }

    /**
     * Sets the last day it applies.
     *
     * @param expires the last day it applies
     * @return this builder
     */
    public Builder expires(LocalDate expires) {
      this.expires = expires;
      return this;
    }

    /**
     * Sets the second approver.
     *
     * @param secondApprover the second approver
     * @return this builder
     */
    public Builder secondApprover(String secondApprover) {
      this.secondApprover = secondApprover;
      return this;
    }

    /**
     * {@return the override}
     *
     * @throws IllegalArgumentException naming the first missing or blank field
     */
    public Override build() {
      return new Override(this);
    }
  }
}
