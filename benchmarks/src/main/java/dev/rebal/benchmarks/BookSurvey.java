package dev.rebal.benchmarks;

import dev.rebal.core.household.Household;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.validation.HouseholdValidator;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Prints the size distribution (accounts, securities, lots) of the generated book's first
 * households, how many fire each trigger in the daily screen, and the households of each benchmark
 * size bin with their outcomes. Run with {@code java -cp benchmarks/target/benchmarks.jar
 * dev.rebal.benchmarks.BookSurvey [count]}.
 */
public final class BookSurvey {
  private BookSurvey() {}

  /**
   * Prints the survey of the first {@code args[0]} (default 2,000) households to standard output.
   */
  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    BookGenerator generator = BookGenerator.of(BookConfig.of(Bins.SEED));
    int[] accounts = new int[n];
    int[] securities = new int[n];
    int[] lots = new int[n];
    for (int i = 0; i < n; i++) {
      HouseholdShape s = HouseholdShape.of(generator.household(i));
      accounts[i] = s.accounts();
      securities[i] = s.securities();
      lots[i] = s.lots();
    }
    System.out.printf(Locale.ROOT, "book seed %d, first %d households%n", Bins.SEED, n);
    print("accounts", accounts);
    print("securities", securities);
    print("lots", lots);
    Rebalancer rebalancer = Rebalancer.standard();
    Map<String, Integer> triggers = new TreeMap<>();
    int triggered = 0;
    for (int i = 0; i < n; i++) {
      List<Finding> fired =
          rebalancer.screen(generator.household(i), generator.marketData(), generator.asOf());
      triggered += fired.isEmpty() ? 0 : 1;
      fired.stream().map(Finding::code).distinct().forEach(c -> triggers.merge(c, 1, Integer::sum));
    }
    System.out.printf(
        Locale.ROOT,
        "screen: %d of %d households fire a trigger; households per trigger code %s%n",
        triggered,
        n,
        triggers);
    for (Bins bin : Bins.values()) {
      Household[] households = bin.households(generator);
      int[] l = new int[households.length];
      int[] a = new int[households.length];
      int[] s = new int[households.length];
      Map<String, Integer> outcomes = new TreeMap<>();
      int warnings = 0;
      for (int i = 0; i < households.length; i++) {
        HouseholdShape shape = HouseholdShape.of(households[i]);
        l[i] = shape.lots();
        a[i] = shape.accounts();
        s[i] = shape.securities();
        warnings +=
            HouseholdValidator.standard()
                .validate(households[i], generator.marketData(), generator.asOf())
                .warnings()
                .size();
        outcomes.merge(
            rebalancer
                .rebalance(households[i], generator.marketData(), generator.asOf())
                .outcome()
                .name(),
            1,
            Integer::sum);
      }
      System.out.printf(
          Locale.ROOT,
          "%-8s %d households %s..%s, outcomes %s, validation warnings %d%n",
          bin,
          households.length,
          households[0].id(),
          households[households.length - 1].id(),
          outcomes,
          warnings);
      print("  accounts", a);
      print("  securities", s);
      print("  lots", l);
    }
  }

  private static void print(String name, int[] values) {
    int[] v = values.clone();
    Arrays.sort(v);
    System.out.printf(
        Locale.ROOT,
        "%-12s min %d p10 %d median %d mean %.1f p90 %d max %d%n",
        name,
        v[0],
        v[v.length / 10],
        v[v.length / 2],
        Arrays.stream(v).average().orElse(0),
        v[v.length * 9 / 10],
        v[v.length - 1]);
  }
}
