package dev.rebal.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.LotId;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import dev.rebal.engine.DecisionOutcome;
import dev.rebal.engine.Rebalancer;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class OrderBlotterTest {
  private static final BookGenerator BOOK = BookGenerator.of(SampleBook.config());

  /** HH-000004 (auto, fractional buys), HH-000022 (review, sales), HH-000149 (gifts in kind). */
  private static List<Decision> decisions;

  @BeforeAll
  static void decide() {
    decisions =
        List.of(4, 22, 149).stream()
            .map(
                i ->
                    Rebalancer.standard()
                        .rebalance(BOOK.household(i), BOOK.marketData(), BOOK.asOf()))
            .toList();
  }

  /** The three files of one blotter over the decisions. */
  private record Files(String auto, String review, String transfers) {}

  private static Files write(RunId id) {
    StringWriter auto = new StringWriter();
    StringWriter review = new StringWriter();
    StringWriter transfers = new StringWriter();
    OrderBlotter b = new OrderBlotter(id, BOOK.asOf(), BOOK.marketData(), auto, review, transfers);
    decisions.forEach(b::add);
    return new Files(auto.toString(), review.toString(), transfers.toString());
  }

  private static List<String> lines(String file) {
    return file.lines().skip(1).toList();
  }

  @Test
  void add_autoReviewAndGifts_goToTheirOwnFiles_withRunIdDateAndCurrencyOnEveryLine() {
    // given: the decisions are what the test relies on
    assertThat(decisions)
        .extracting(Decision::outcome)
        .containsExactly(DecisionOutcome.AUTO, DecisionOutcome.REVIEW, DecisionOutcome.REVIEW);

    // when
    Files f = write(new RunId("R20260630-abc"));

    // then
    assertThat(f.auto()).startsWith(OrderBlotter.ORDER_HEADER + "\n");
    assertThat(f.transfers()).startsWith(OrderBlotter.TRANSFER_HEADER + "\n");
    assertThat(lines(f.auto()))
        .isNotEmpty()
        .allMatch(
            l ->
                l.startsWith("R20260630-abc,2026-06-30,R20260630-abc-")
                    && l.contains(",AUTO,HH-000004,")
                    && l.contains(",USD,"));
    assertThat(lines(f.review()))
        .isNotEmpty()
        .allMatch(
            l ->
                (l.contains(",REVIEW,HH-000022,") || l.contains(",REVIEW,HH-000149,"))
                    && l.startsWith("R20260630-abc,2026-06-30,"));
    assertThat(f.review()).contains(",REVIEW,HH-000022,");
    assertThat(f.review()).doesNotContain("GIFT");
    assertThat(lines(f.transfers()))
        .isNotEmpty()
        .allMatch(
            l ->
                l.startsWith("R20260630-abc,2026-06-30,R20260630-abc-T")
                    && l.contains(",REVIEW,HH-000149,"));
    // a gift's recipient is the need it funds
    assertThat(lines(f.transfers()).get(0)).contains(",USD,E-3,gift:E-3;");
  }

  @Test
  void add_fractionalTrade_isAWholeOrderAndAFractionalOne_addingUpToTheTrade() {
    // when
    Files f = write(new RunId("R1"));

    // then: HH-000004's first buy of a fractional quantity is a whole order and a fractional one
    Trade buy =
        decisions.get(0).proposal().trades().stream()
            .filter(
                t ->
                    t.side() == Side.BUY
                        && t.quantity().value().stripTrailingZeros().scale() > 0
                        && t.quantity().value().compareTo(BigDecimal.ONE) > 0)
            .findFirst()
            .orElseThrow();
    BigDecimal whole = buy.quantity().value().setScale(0, RoundingMode.DOWN);
    BigDecimal fraction = buy.quantity().value().subtract(whole);
    String position = ",HH-000004," + buy.account() + "," + buy.security() + ",";
    assertThat(lines(f.auto()))
        .anyMatch(
            l ->
                l.contains(position)
                    && l.contains(",BUY,WHOLE," + whole.setScale(6).toPlainString() + ","))
        .anyMatch(
            l ->
                l.contains(position)
                    && l.contains(",BUY,FRACTIONAL," + fraction.setScale(6).toPlainString() + ","));
    assertThat(lines(f.auto()))
        .allMatch(l -> l.contains(",WHOLE,") || l.contains(",FRACTIONAL,0."));
  }

  @Test
  void splitLots_saleOfFractionalShares_wholeOrderRelievesTheFirstSharesPicked() {
    // given: 35.226 shares from two lots in relief order
    List<LotPick> picks =
        List.of(
            new LotPick(LotId.of("L-65"), Quantity.of("18")),
            new LotPick(LotId.of("L-66"), Quantity.of("17.226")));

    // when
    List<List<LotPick>> split = OrderBlotter.splitLots(picks, new BigDecimal("35"));

    // then
    assertThat(split.get(0))
        .containsExactly(
            new LotPick(LotId.of("L-65"), Quantity.of("18")),
            new LotPick(LotId.of("L-66"), Quantity.of("17")));
    assertThat(split.get(1)).containsExactly(new LotPick(LotId.of("L-66"), Quantity.of("0.226")));
  }

  @Test
  void clientOrderIds_uniqueInTheRun_andTheSameForTheSameInput() {
    // when
    Files a = write(new RunId("R9"));
    Files b = write(new RunId("R9"));

    // then
    assertThat(b).isEqualTo(a);
    Set<String> ids = new HashSet<>();
    for (String l : lines(a.auto() + a.review() + a.transfers())) {
      if (!l.startsWith("run_id")) {
        ids.add(l.split(",")[2]);
      }
    }
    long count = lines(a.auto()).size() + lines(a.review()).size() + lines(a.transfers()).size();
    assertThat(ids).hasSize((int) count);
  }

  @Test
  void runId_sameInputSameId_otherBookOtherId() throws IOException {
    RunId a =
        RunId.of(
            BOOK.asOf(), "hash", new ByteArrayInputStream("book".getBytes(StandardCharsets.UTF_8)));
    RunId b =
        RunId.of(
            BOOK.asOf(), "hash", new ByteArrayInputStream("book".getBytes(StandardCharsets.UTF_8)));
    RunId c =
        RunId.of(
            BOOK.asOf(),
            "hash",
            new ByteArrayInputStream("book2".getBytes(StandardCharsets.UTF_8)));
    assertThat(a).isEqualTo(b).isNotEqualTo(c);
    assertThat(a.value()).matches("R20260630-[0-9a-f]{12}");
  }
}
