package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.SemanticVersion;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The comparison of two decisions of the same household under two rule sets. */
class RuleSetComparisonTest {
  private static final RuleSet NEW = RuleSet.defaults();
  private static final RuleSet OLD =
      NEW.withParameter("review.tax.max", "1000", new SemanticVersion(1, 2, 9));

  private static Trade sell(String quantity, String... codes) {
    return Trade.builder()
        .account(AccountId.of("A-1"))
        .security(SecurityId.of("VTI"))
        .side(Side.SELL)
        .quantity(Quantity.of(quantity))
        .estimatedPrice(UnitPrice.usd("100"))
        .addReasonCodes(codes)
        .build();
  }

  private static RuleSetComparison.Side side(
      String kind, Set<String> codes, List<Trade> trades, String tax) {
    Money traded = Money.ZERO_USD;
    for (Trade t : trades) {
      traded = traded.plus(t.estimatedValue());
    }
    return new RuleSetComparison.Side(kind, new TreeSet<>(codes), trades, traded, Money.usd(tax));
  }

  @Test
  void add_reviewToAuto_listsTheOutcomeTheReasonRemovedAndTheTotals() {
    RuleSetComparison c = new RuleSetComparison(OLD, NEW);
    List<Trade> trades = List.of(sell("10", "drift"));
    c.add(
        "H-2",
        Money.usd("10000"),
        side("REVIEW", Set.of("review.tax", "review.gift"), trades, "1500"),
        side("AUTO with trades", Set.of(), trades, "1500"));
    c.add(
        "H-1",
        Money.usd("30000"),
        side("NO_TRIGGER", Set.of(), List.of(), "0"),
        side("NO_TRIGGER", Set.of(), List.of(), "0"));

    String text = c.render();

    assertThat(text)
        .contains("old: default 1.2.9, hash " + OLD.contentHash())
        .contains("new: default " + NEW.version() + ", hash " + NEW.contentHash())
        .contains("param:review.tax.max 1000 -> 10000")
        .contains(
            "households whose outcome changed (old -> new): 1\n"
                + "  H-2  REVIEW (review.gift, review.tax) -> AUTO with trades\n")
        .contains(
            "households whose review reasons changed (+ added, - removed): 1\n"
                + "  H-2  -review.gift -review.tax\n")
        .contains("households whose trades changed (old -> new): 0\n")
        .containsPattern("outcome REVIEW +1 +0\n")
        .containsPattern("outcome AUTO with trades +0 +1\n")
        .containsPattern("review review.tax +1 +0\n")
        .containsPattern("estimated tax +1500.00 +1500.00\n")
        // 1000 traded over a book of 40000
        .containsPattern("turnover +2.50% +2.50%\n");
    assertThat(c.households()).isEqualTo(2);
    assertThat(c.outcomesChanged()).isEqualTo(1);
  }

  @Test
  void add_changedTrades_describesCountAndValue_andSameOrdersWithOtherReasons() {
    RuleSetComparison c = new RuleSetComparison(OLD, NEW);
    c.add(
        "H-1",
        Money.usd("100000"),
        side("AUTO empty", Set.of(), List.of(), "0"),
        side("AUTO with trades", Set.of(), List.of(sell("10", "drift"), sell("5", "cash")), "0"));
    c.add(
        "H-3",
        Money.usd("100000"),
        side("AUTO with trades", Set.of(), List.of(sell("10", "drift")), "0"),
        side("AUTO with trades", Set.of(), List.of(sell("10", "concentration")), "0"));

    assertThat(c.render())
        .contains(
            "households whose trades changed (old -> new): 2\n"
                + "  H-1  0 trades USD 0.00 -> 2 trades USD 1500.00\n"
                + "  H-3  1 trade USD 1000.00 -> 1 trade USD 1000.00 (the same orders; their lots or "
                + "reason codes differ)\n");
  }

  @Test
  void render_manyChanges_keepsTheFirstByHouseholdId_andCountsTheRest() {
    RuleSetComparison c = new RuleSetComparison(OLD, NEW);
    // arrive in reverse id order: the list is still sorted by id and keeps the smallest ids
    for (int i = RuleSetComparison.CAP + 7; i >= 1; i--) {
      c.add(
          String.format(java.util.Locale.ROOT, "H-%03d", i),
          Money.usd("1000"),
          side("NO_TRIGGER", Set.of(), List.of(), "0"),
          side("REVIEW", Set.of("review.tax"), List.of(), "0"));
    }

    String text = c.render();

    assertThat(text)
        .contains(
            "households whose outcome changed (old -> new): 57\n"
                + "  H-001  NO_TRIGGER -> REVIEW (review.tax)\n")
        .contains("  H-050  NO_TRIGGER -> REVIEW (review.tax)\n  ... and 7 more\n")
        .doesNotContain("H-051");
    assertThat(text.indexOf("H-002")).isLessThan(text.indexOf("H-003"));
    assertThat(c.summaryBlock()).contains("57 changed outcome").contains("review 0 -> 57");
  }
}
