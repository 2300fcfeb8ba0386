package dev.rebal.examples.rules;

import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleProvider;
import java.util.List;

/**
 * The example firm's rule provider, found by {@link java.util.ServiceLoader} through {@code
 * META-INF/services/dev.rebal.core.rule.RuleProvider}: offers {@link NoSingleStockOverweightRule}.
 * A rule set must still enable a rule by id before it runs.
 */
public final class FirmRules implements RuleProvider {
  /** Creates the provider; ServiceLoader calls this. */
  public FirmRules() {}

  @Override
  public String name() {
    return "example-firm";
  }

  @Override
  public List<Rule> rules() {
    return List.of(new NoSingleStockOverweightRule());
  }
}
