package dev.rebal.core.restriction;

/**
 * A restriction on what may be traded in a household, in effect during a {@link DateWindow}.
 *
 * <p>The variants form a closed set; each carries its id (cited by proposals to explain a trade not
 * made), its window, and the free-text source or reason (e.g. "Insider policy 2026 Q1"). The
 * compliance module compiles them into pre-trade constraints and verifies proposals against them.
 * To add a kind, add a record here and handle it in the compiler, the verifier and the validator
 * (docs/compliance.md says how).
 */
public sealed interface Restriction
    permits SecurityExclusion,
        DoNotSell,
        BlackoutWindow,
        VolumeLimit,
        ConcentrationCap,
        AccountFreeze,
        LotPreference,
        AssetLocationPreference {
  /** {@return the restriction's id} */
  RestrictionId id();

  /** {@return the window in which it is in effect} */
  DateWindow window();

  /** {@return the source or reason, as the advisor or compliance officer wrote it} */
  String source();

  /** {@return a stable name of the kind, e.g. {@code security-exclusion}} */
  String kind();

  /**
   * {@return whether it is in effect on {@code date}}
   *
   * @param date the date
   */
  default boolean isInEffect(java.time.LocalDate date) {
    return window().contains(date);
  }
}
