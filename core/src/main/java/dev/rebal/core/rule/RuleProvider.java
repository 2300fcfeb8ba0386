package dev.rebal.core.rule;

import java.util.List;

/**
 * A source of rules found by {@link java.util.ServiceLoader}: list the implementing class in {@code
 * META-INF/services/dev.rebal.core.rule.RuleProvider}. It needs a public no-argument constructor.
 */
public interface RuleProvider {
  /** {@return the provider's name, for messages} */
  String name();

  /** {@return its rules} */
  List<Rule> rules();
}
