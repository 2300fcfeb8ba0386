package dev.rebal.tax.gifting;

import static dev.rebal.tax.TaxFixtures.TAXABLE;
import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.date;
import static dev.rebal.tax.TaxFixtures.household;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Worked example on 2025-06-16, A at $100 and B at $50; rates 20% long-term:
 *
 * <pre>
 * lot  sec  shares  basis  value   gain   gain per $  term
 * A1   A    100     2000   10000   8000   0.80        long
 * B1   B    100     4000    5000   1000   0.20        long
 * A2   A     50     1000    5000   4000   0.80        short (bought 2025-01-10)
 * </pre>
 */
class GiftSelectorTest {
  private static final LocalDate AS_OF = date("2025-06-16");
  private static final SecurityId A = SecurityId.of("A");
  private static final SecurityId B = SecurityId.of("B");
  private static final MarketData MARKET =
      market(List.of(security("A", "A"), security("B", "B")), Map.of("A", "100", "B", "50"), AS_OF);

  private static Household household(List<LiquidityEvent> events) {
    Household h =
        dev.rebal.tax.TaxFixtures.household(
            List.of(account(TAXABLE, AccountType.TAXABLE)),
            List.of(
                lot("A1", TAXABLE, A, 100, "2000", date("2020-01-10")),
                lot("B1", TAXABLE, B, 100, "4000", date("2020-01-10")),
                lot("A2", TAXABLE, A, 50, "1000", date("2025-01-10"))),
            List.of());
    return Household.builder()
        .id(h.id())
        .addAllAccounts(h.accounts())
        .addAllLots(h.lots())
        .taxProfile(h.taxProfile())
        .target(h.target())
        .model(h.model())
        .addAllLiquidityEvents(events)
        .build();
  }

  @Test
  void plan_gift12000_givesTheMostAppreciatedLongTermLotsFirst() {
    // when
    GiftPlan plan =
        GiftSelector.standard().plan(household(List.of()), MARKET, AS_OF, Money.usd("12000"));

    // then: all of A1 (10000), then 40 shares of B1 (2000, basis 1600); A2 is short term
    assertThat(plan.lots())
        .extracting(l -> l.lot().value(), l -> l.quantity())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("A1", Quantity.of(100)),
            org.assertj.core.groups.Tuple.tuple("B1", Quantity.of(40)));
    // gain avoided 8000 + (2000 - 1600) = 8400; tax avoided 8400 x 0.20 = 1680
    assertThat(plan.gainAvoided()).isEqualTo(Money.usd("8400"));
    assertThat(plan.taxAvoided()).isEqualTo(Money.usd("1680.00"));
    assertThat(plan.cash()).isEqualTo(Money.usd("0"));
  }

  @Test
  void plan_amountNotAMultipleOfThePrice_givesWholeSharesAndTheRestInCash() {
    // 10,075: all of A1 (10,000), then 75 / 50 = 1.5 -> 1 whole share of B (50), 25 in cash
    GiftPlan plan =
        GiftSelector.standard().plan(household(List.of()), MARKET, AS_OF, Money.usd("10075"));

    assertThat(plan.valueInKind()).isEqualTo(Money.usd("10050"));
    assertThat(plan.cash()).isEqualTo(Money.usd("25"));
  }

  @Test
  void planEvents_twoGifts_doNotGiveTheSameSharesTwice() {
    LiquidityEvent first =
        LiquidityEvent.builder()
            .id(LiquidityEventId.of("G1"))
            .kind(LiquidityKind.GIFT)
            .amount(Money.usd("10000"))
            .date(AS_OF.plusDays(10))
            .firmness(Firmness.COMMITTED)
            .build();
    LiquidityEvent second =
        LiquidityEvent.builder()
            .id(LiquidityEventId.of("G2"))
            .kind(LiquidityKind.GIFT)
            .amount(Money.usd("1000"))
            .date(AS_OF.plusDays(20))
            .firmness(Firmness.COMMITTED)
            .build();

    Map<LiquidityEventId, GiftPlan> plans =
        GiftSelector.standard().planEvents(household(List.of(second, first)), MARKET, AS_OF);

    // G1 takes all of A1; G2 gets 20 shares of B1
    assertThat(plans.get(LiquidityEventId.of("G1")).lots())
        .extracting(l -> l.lot().value())
        .containsExactly("A1");
    assertThat(plans.get(LiquidityEventId.of("G2")).lots())
        .extracting(l -> l.lot().value())
        .containsExactly("B1");
  }
}
