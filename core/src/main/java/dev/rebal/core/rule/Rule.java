package dev.rebal.core.rule;

/**
 * A firm-specific or built-in check or adjustment that runs at one pipeline {@link Stage}.
 *
 * <p>A rule is stateless, thread-safe and deterministic: the same context gives the same outcome.
 * It never reads clocks, files or the network; its parameters come from the {@link
 * dev.rebal.core.ruleset.RuleSet} through {@link RuleContext#param}. Its id is stable (e.g. {@code
 * trigger.threshold}); a rule set enables it by id. Built-in rules implement this same interface.
 * Register rules with a {@link RuleProvider} found by {@link java.util.ServiceLoader}, or
 * programmatically with {@link RuleRegistry.Builder#register}. Experimental: the interface may grow
 * through default methods only.
 */
public interface Rule {
  /** {@return the stable id} */
  String id();

  /** {@return the stage it runs at} */
  Stage stage();

  /**
   * Evaluates the rule. It must not throw for any valid household.
   *
   * @param context the household, market data, rule set and what earlier stages found
   * @return the findings and constraint adjustments
   */
  RuleOutcome evaluate(RuleContext context);
}
