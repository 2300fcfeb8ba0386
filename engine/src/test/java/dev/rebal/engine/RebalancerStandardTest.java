package dev.rebal.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.ruleset.RuleSet;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class RebalancerStandardTest {

  @Test
  void standard_calledTwice_returnsTheSameSharedInstance() {
    // given / when
    Rebalancer first = Rebalancer.standard();
    Rebalancer second = Rebalancer.standard();

    // then: built once (rules loaded and the rule set parsed once), not per call
    assertThat(second).isSameAs(first);
  }

  @Test
  void standard_fromAnotherThread_isTheSameInstanceWithTheDefaultRuleSet() throws Exception {
    // given / when
    Rebalancer elsewhere = CompletableFuture.supplyAsync(Rebalancer::standard).get();

    // then
    assertThat(elsewhere).isSameAs(Rebalancer.standard());
    assertThat(elsewhere.ruleSet()).isEqualTo(RuleSet.defaults());
  }
}
