package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.trade.Side;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The wash-sale history (sequence, shares used as replacements, washed shares, the sold shares'
 * holding-period start, the same-purchase option) is written only when set and read back.
 */
class WashSaleHistoryJsonTest {
  private static final BookGenerator GENERATOR =
      BookGenerator.of(BookConfig.of(7).withFaultPercent(0));

  private static String write(Household household) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, GENERATOR.asOf(), GENERATOR.marketData())) {
      w.write(household);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  private static List<HouseholdRead> read(String json) throws IOException {
    try (BookReader r =
        BookReader.open(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)))) {
      return r.households().toList();
    }
  }

  @Test
  void writeThenRead_householdWithWashSaleHistory_isEqual() throws IOException {
    // given: the first lot a piece with all its shares used, a buy and a washed loss sell
    Household base = GENERATOR.household(2);
    TaxLot first = base.lots().get(0);
    List<TaxLot> lots = new ArrayList<>(base.lots());
    lots.set(
        0,
        TaxLot.builder()
            .id(LotId.of(first.id().value() + "#w0-1"))
            .account(first.account())
            .security(first.security())
            .quantity(first.quantity())
            .costBasis(first.costBasis())
            .acquired(first.acquired())
            .usedAsReplacement(first.quantity())
            .build());
    List<Transaction> txs = new ArrayList<>(base.transactions());
    txs.add(
        Transaction.builder()
            .id(TransactionId.of("T-B"))
            .account(first.account())
            .security(first.security())
            .side(Side.BUY)
            .tradeDate(GENERATOR.asOf().minusDays(2))
            .sequence(3)
            .quantity(first.quantity())
            .amount(first.costBasis())
            .usedAsReplacement(first.quantity())
            .lot(first.id())
            .build());
    txs.add(
        Transaction.builder()
            .id(TransactionId.of("T-S"))
            .account(first.account())
            .security(first.security())
            .side(Side.SELL)
            .tradeDate(GENERATOR.asOf().minusDays(2))
            .sequence(1)
            .quantity(Quantity.of(4))
            .amount(first.costBasis())
            .realizedGain(first.costBasis().negated())
            .washedQuantity(Quantity.of(3))
            .holdingPeriodStart(GENERATOR.asOf().minusDays(400))
            .build());
    TaxProfile p = base.taxProfile();
    TaxProfile profile =
        TaxProfile.builder()
            .filingStatus(p.filingStatus())
            .shortTermRate(p.shortTermRate())
            .longTermRate(p.longTermRate())
            .stateRate(p.stateRate())
            .niitRate(p.niitRate())
            .shortTermCarryforward(p.shortTermCarryforward())
            .longTermCarryforward(p.longTermCarryforward())
            .realizedShortTermYtd(p.realizedShortTermYtd())
            .realizedLongTermYtd(p.realizedLongTermYtd())
            .annualGainBudget(p.annualGainBudget())
            .shortTermGainCap(p.shortTermGainCap())
            .samePurchaseWashes(true)
            .build();
    Household household = base.withLots(lots).withTransactions(txs).withTaxProfile(profile);

    // when
    String json = write(household);

    // then
    assertThat(json)
        .contains(
            "\"sequence\":3",
            "\"washedQuantity\":3",
            "\"samePurchaseWashes\":true",
            "\"holdingPeriodStart\":\"" + GENERATOR.asOf().minusDays(400));
    assertThat(read(json))
        .singleElement()
        .satisfies(h -> assertThat(h.household()).contains(household));
  }

  @Test
  void write_householdWithoutWashSaleHistory_writesNoNewField() throws IOException {
    // given
    Household household = GENERATOR.household(1);

    // when
    String json = write(household);

    // then: books without the history are written exactly as before
    assertThat(json)
        .doesNotContain(
            "usedAsReplacement", "washedQuantity", "\"sequence\"", "samePurchaseWashes");
    assertThat(read(json))
        .singleElement()
        .satisfies(h -> assertThat(h.household()).contains(household));
  }
}
