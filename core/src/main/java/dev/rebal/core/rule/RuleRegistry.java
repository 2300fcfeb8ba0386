package dev.rebal.core.rule;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every rule known to a run, by id: those found through {@link RuleProvider}s and those registered
 * in code. {@link #select} returns the rules a rule set enables, in stage order and then by id, so
 * evaluation order never depends on discovery order. This class is immutable and thread-safe.
 */
public final class RuleRegistry {
  private static final Comparator<Rule> PIPELINE_ORDER =
      Comparator.comparing(Rule::stage).thenComparing(Rule::id);

  private final ImmutableSortedMap<String, Rule> rules;

  private RuleRegistry(ImmutableSortedMap<String, Rule> rules) {
    this.rules = rules;
  }

  /** {@return a builder} */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * {@return a registry of every rule the service providers on {@code loader} offer}
   *
   * @param loader the class loader
   */
  public static RuleRegistry load(ClassLoader loader) {
    return builder().loadServices(loader).build();
  }

  /** {@return every rule, by id} */
  public ImmutableSortedMap<String, Rule> rules() {
    return rules;
  }

  /**
   * {@return the rules {@code ruleSet} enables, in stage order then by id}
   *
   * @param ruleSet the rule set
   * @throws RuleSetException naming every enabled id that no registered rule has
   */
  public ImmutableList<Rule> select(RuleSet ruleSet) {
    Checks.notNull(ruleSet, "ruleSet");
    List<String> unknown = new ArrayList<>();
    List<Rule> out = new ArrayList<>();
    for (String id : ruleSet.rules()) {
      Rule r = rules.get(id);
      if (r == null) {
        unknown.add(id);
      } else {
        out.add(r);
      }
    }
    if (!unknown.isEmpty()) {
      throw new RuleSetException(
          "rule set "
              + ruleSet
              + ": enables unknown rule(s) "
              + unknown
              + "; known: "
              + rules.keySet());
    }
    out.sort(PIPELINE_ORDER);
    return ImmutableList.copyOf(out);
  }

  /** Collects rules; {@link #build} reports every duplicate and broken provider at once. */
  public static final class Builder {
    private final TreeMap<String, List<String>> owners = new TreeMap<>();
    private final TreeMap<String, Rule> rules = new TreeMap<>();
    private final List<String> problems = new ArrayList<>();

    private Builder() {}

    /**
     * Adds the rules of every {@link RuleProvider} found on {@code loader}.
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder loadServices(ClassLoader loader) {
      Checks.notNull(loader, "loader");
      ServiceLoader<RuleProvider> sl = ServiceLoader.load(RuleProvider.class, loader);
      var it = sl.iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            break;
          }
          RuleProvider p = it.next();
          for (Rule r : p.rules()) {
            add(r, p.name() + " (" + r.getClass().getName() + ")");
          }
        } catch (ServiceConfigurationError e) {
          problems.add("broken rule provider: " + e.getMessage());
        }
      }
      return this;
    }

    /**
     * Adds rules registered in code.
     *
     * @param rules the rules
     * @return this builder
     */
    public Builder register(Rule... rules) {
      for (Rule r : Checks.notNull(rules, "rules")) {
        add(Checks.notNull(r, "rule"), "registered (" + r.getClass().getName() + ")");
      }
      return this;
    }

    private void add(Rule r, String owner) {
      Checks.notBlank(r.id(), "rule.id");
      Checks.notNull(r.stage(), "rule.stage");
      owners.computeIfAbsent(r.id(), k -> new ArrayList<>()).add(owner);
      rules.putIfAbsent(r.id(), r);
    }

    /**
     * {@return the registry}
     *
     * @throws RuleSetException listing every duplicate id (naming both owners) and broken provider
     */
    public RuleRegistry build() {
      List<String> all = new ArrayList<>(problems);
      owners.forEach(
          (id, who) -> {
            if (who.size() > 1) {
              all.add("rule id '" + id + "' is defined by " + String.join(" and ", who));
            }
          });
      if (!all.isEmpty()) {
        throw new RuleSetException(String.join("\n", all));
      }
      return new RuleRegistry(ImmutableSortedMap.copyOf(rules));
    }
  }
}
