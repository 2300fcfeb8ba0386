package dev.rebal.core.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** Properties of the shared arbitraries themselves: they build what they promise. */
class RebalArbitrariesProperties {
  @Provide
  Arbitrary<Trade> trades() {
    return RebalArbitraries.trades();
  }

  @Provide
  Arbitrary<Proposal> proposals() {
    return RebalArbitraries.proposals();
  }

  @Provide
  Arbitrary<Restriction> restrictions() {
    return RebalArbitraries.restrictions();
  }

  @Provide
  Arbitrary<TargetAllocation> validTargets() {
    return RebalArbitraries.validTargets();
  }

  @Provide
  Arbitrary<HouseholdFixture> validHouseholds() {
    return RebalArbitraries.validHouseholds();
  }

  @Property(tries = 100)
  void trades_sellPicksAddUpAndBuysHaveNone(@ForAll("trades") Trade trade) {
    Quantity picked =
        trade.lots().stream().map(LotPick::quantity).reduce(Quantity.ZERO, Quantity::plus);
    if (trade.side() == Side.SELL) {
      assertThat(picked).isEqualTo(trade.quantity());
    } else {
      assertThat(trade.lots()).isEmpty();
    }
    assertThat(trade.reasonCodes()).isNotEmpty();
  }

  @Property(tries = 50)
  void proposals_holdAtMostFourTrades(@ForAll("proposals") Proposal proposal) {
    assertThat(proposal.trades()).hasSizeLessThanOrEqualTo(4);
  }

  // 8 kinds, each expected near 12.5% of 400 tries: the 3% floor fails only a broken generator
  @Property(tries = 400)
  void restrictions_coverEveryKind(@ForAll("restrictions") Restriction restriction) {
    Statistics.collect(restriction.kind());
    Statistics.coverage(
        c -> {
          for (String kind :
              new String[] {
                "security-exclusion",
                "do-not-sell",
                "insider-blackout",
                "control-person-volume",
                "concentration-cap",
                "account-freeze",
                "lot-preference",
                "asset-location"
              }) {
            c.check(kind).percentage(p -> p > 3);
          }
        });
    assertThat(restriction.id().value()).startsWith("R-");
  }

  @Property(tries = 200)
  void validTargets_sumToExactlyOneWithBandsWithinWeights(
      @ForAll("validTargets") TargetAllocation target) {
    assertThat(target.totalWeight().value()).isEqualByComparingTo(BigDecimal.ONE);
    assertThat(target.classes().values())
        .allMatch(t -> t.weight().value().signum() > 0 && t.halfWidth().compareTo(t.weight()) <= 0);
  }

  @Property(tries = 100)
  void validHouseholds_haveUniqueLotIdsAndAtLeastOneAccountAndLot(
      @ForAll("validHouseholds") HouseholdFixture fixture) {
    Household h = fixture.household();
    assertThat(h.accounts()).isNotEmpty();
    assertThat(h.lots()).isNotEmpty().extracting(l -> l.id()).doesNotHaveDuplicates();
    assertThat(h.accounts()).filteredOn(a -> a.heldAway()).allMatch(a -> !a.tradable());
  }
}
