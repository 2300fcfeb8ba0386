package dev.rebal.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.money.Money;
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

/** A gift in kind recorded as a transaction ({@code Side.GIFT}) is written and read back. */
class GiftTransactionJsonTest {
  @Test
  void writeThenRead_householdWithGiftTransaction_isEqualAndSaysGift() throws IOException {
    // given: a generated household with a gift of part of its first lot yesterday
    BookGenerator generator = BookGenerator.of(BookConfig.of(6).withFaultPercent(0));
    Household base = generator.household(3);
    TaxLot lot = base.lots().get(0);
    List<Transaction> txs = new ArrayList<>(base.transactions());
    txs.add(
        Transaction.builder()
            .id(TransactionId.of("T-GIFT"))
            .account(lot.account())
            .security(lot.security())
            .side(Side.GIFT)
            .tradeDate(generator.asOf().minusDays(1))
            .quantity(lot.quantity())
            .amount(lot.costBasis().isPositive() ? lot.costBasis() : Money.usd("1"))
            .lot(lot.id())
            .build());
    Household household = base.withTransactions(txs);

    // when
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, generator.asOf(), generator.marketData())) {
      w.write(household);
    }
    List<HouseholdRead> read;
    try (BookReader r = BookReader.open(new ByteArrayInputStream(out.toByteArray()))) {
      read = r.households().toList();
    }

    // then
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"side\":\"GIFT\"");
    assertThat(read).singleElement().satisfies(h -> assertThat(h.household()).contains(household));
  }
}
