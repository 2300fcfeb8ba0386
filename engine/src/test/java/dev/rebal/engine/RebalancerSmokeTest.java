package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.sample.BookConfig;
import dev.rebal.core.sample.BookGenerator;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RebalancerSmokeTest {
  @Test
  void rebalance_generatedBook_decidesEveryHousehold() {
    BookGenerator gen = BookGenerator.of(BookConfig.of(42));
    Rebalancer r = Rebalancer.standard();
    Map<String, Integer> outcomes = new TreeMap<>();
    Map<String, Integer> reasons = new TreeMap<>();
    for (int i = 0; i < 200; i++) {
      Household h = gen.household(i);
      Decision d = r.rebalance(h, gen.marketData(), gen.asOf());
      outcomes.merge(d.outcome().name(), 1, Integer::sum);
      d.routing().forEach(f -> reasons.merge(f.code(), 1, Integer::sum));
      d.triggers().forEach(f -> reasons.merge(f.code(), 1, Integer::sum));
      if (d.routing().stream().anyMatch(f -> f.code().equals("review.verifier")
          || f.code().equals("review.infeasible")) && reasons.getOrDefault("shown", 0) < 4) {
        reasons.merge("shown", 1, Integer::sum);
        System.out.println(d.canonicalText());
      }
    }
    System.out.println(outcomes);
    System.out.println(reasons);
    assertThat(outcomes.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(200);
  }
}
