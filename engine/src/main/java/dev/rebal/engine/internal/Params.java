package dev.rebal.engine.internal;

import dev.rebal.core.ruleset.RuleSet;
import java.math.BigDecimal;

/** Rule-set parameters with the engine's defaults, for parameters a rule set may leave out. */
final class Params {
  private Params() {}

  static BigDecimal decimal(RuleSet rs, String name, String fallback) {
    return rs.find(name).isPresent() ? rs.decimal(name) : new BigDecimal(fallback);
  }

  /** The household's timing of tax ({@code tax.deferral-years}, {@code tax.discount-rate}). */
  static dev.rebal.tax.TaxTiming taxTiming(RuleSet rs) {
    return new dev.rebal.tax.TaxTiming(
        decimal(rs, "tax.deferral-years", "10"), decimal(rs, "tax.discount-rate", "0.05"));
  }

  static String text(RuleSet rs, String name, String fallback) {
    return rs.find(name).orElse(fallback);
  }
}
