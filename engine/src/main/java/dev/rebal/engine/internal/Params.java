package dev.rebal.engine.internal;

import dev.rebal.core.ruleset.RuleSet;
import java.math.BigDecimal;

/** Rule-set parameters with the engine's defaults, for parameters a rule set may leave out. */
final class Params {
  private Params() {}

  static BigDecimal decimal(RuleSet rs, String name, String fallback) {
    return rs.find(name).isPresent() ? rs.decimal(name) : new BigDecimal(fallback);
  }

  static String text(RuleSet rs, String name, String fallback) {
    return rs.find(name).orElse(fallback);
  }
}
