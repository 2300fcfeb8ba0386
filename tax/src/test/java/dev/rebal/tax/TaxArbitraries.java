package dev.rebal.tax;

import static dev.rebal.tax.TaxFixtures.account;
import static dev.rebal.tax.TaxFixtures.lot;
import static dev.rebal.tax.TaxFixtures.market;
import static dev.rebal.tax.TaxFixtures.security;

import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.security.SecurityId;
import dev.rebal.tax.lots.RealizedLot;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Generators for the tax module's properties: lots of one security, and wash-sale scenarios over a
 * household with two taxable accounts and an IRA, three securities of which two (X, Y) share a
 * wash-sale group. Bases are whole cents per share times whole shares, so pro-rata splits and
 * proceeds are exact and tax comparisons need no tolerance.
 */
public final class TaxArbitraries {
  public static final LocalDate SALE_DATE = LocalDate.of(2025, 6, 16);
  public static final List<AccountId> ACCOUNTS =
      List.of(AccountId.of("TAX-1"), AccountId.of("TAX-2"), AccountId.of("IRA-1"));
  public static final List<SecurityId> SECURITIES =
      List.of(SecurityId.of("X"), SecurityId.of("Y"), SecurityId.of("Z"));
  public static final MarketData MARKET =
      market(
          List.of(security("X", "G"), security("Y", "G"), security("Z", "Z")), Map.of(), SALE_DATE);

  private TaxArbitraries() {}

  /** One lot's shape: account index, security index, shares, cents per share, day offset. */
  public record LotSpec(int account, int security, int shares, int centsPerShare, int dayOffset) {
    /** Builds the lot with {@code id}. */
    public TaxLot toLot(String id) {
      return lot(
          id,
          ACCOUNTS.get(account),
          SECURITIES.get(security),
          shares,
          BigDecimal.valueOf((long) centsPerShare * shares, 2).toPlainString(),
          SALE_DATE.plusDays(dayOffset));
    }
  }

  /** Lots of security X in TAX-1, 1..8 of them, acquired within about four years. */
  public static Arbitrary<List<TaxLot>> lotsOfOneSecurity() {
    Arbitrary<LotSpec> spec =
        Combinators.combine(
                Arbitraries.just(0),
                Arbitraries.just(0),
                Arbitraries.integers().between(1, 500),
                Arbitraries.integers().between(100, 20000),
                Arbitraries.integers().between(-1500, 0))
            .as(LotSpec::new);
    return spec.list()
        .ofMinSize(1)
        .ofMaxSize(8)
        .map(
            specs -> {
              List<TaxLot> lots = new ArrayList<>();
              for (int i = 0; i < specs.size(); i++) {
                lots.add(specs.get(i).toLot("L" + i));
              }
              return lots;
            });
  }

  /** A price per share between $1.00 and $200.00, in whole cents. */
  public static Arbitrary<UnitPrice> prices() {
    return Arbitraries.integers()
        .between(100, 20000)
        .map(c -> UnitPrice.of(Money.USD, BigDecimal.valueOf(c, 2)));
  }

  /** A wash-sale scenario: the household, and whole-lot sales from TAX-1 on the sale date. */
  public record WashScenario(Household household, List<RealizedLot> sales) {}

  /** Wash-sale scenarios: 0..6 purchases around the sale date anywhere, 1..3 old lots sold. */
  public static Arbitrary<WashScenario> washScenarios() {
    Arbitrary<LotSpec> purchase =
        Combinators.combine(
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(100, 20000),
                Arbitraries.integers().between(-45, 45))
            .as(LotSpec::new);
    Arbitrary<LotSpec> old =
        Combinators.combine(
                Arbitraries.just(0),
                Arbitraries.integers().between(0, 2),
                Arbitraries.integers().between(1, 200),
                Arbitraries.integers().between(100, 20000),
                Arbitraries.integers().between(-3000, -200))
            .as(LotSpec::new);
    return Combinators.combine(
            purchase.list().ofMaxSize(6),
            old.list().ofMinSize(1).ofMaxSize(3),
            Arbitraries.integers().between(100, 20000))
        .as(TaxArbitraries::scenario);
  }

  private static WashScenario scenario(List<LotSpec> purchases, List<LotSpec> olds, int saleCents) {
    List<TaxLot> lots = new ArrayList<>();
    List<RealizedLot> sales = new ArrayList<>();
    for (int i = 0; i < purchases.size(); i++) {
      lots.add(purchases.get(i).toLot("P" + i));
    }
    UnitPrice price = UnitPrice.of(Money.USD, BigDecimal.valueOf(saleCents, 2));
    for (int i = 0; i < olds.size(); i++) {
      TaxLot lot = olds.get(i).toLot("S" + i);
      lots.add(lot);
      Quantity q = lot.quantity();
      sales.add(
          new RealizedLot(
              lot.id(),
              lot.account(),
              lot.security(),
              q,
              price.times(q),
              lot.costBasis(),
              HoldingPeriod.termOf(lot, SALE_DATE),
              lot.holdingPeriodStart(),
              SALE_DATE,
              true));
    }
    Household h =
        TaxFixtures.household(
            List.of(
                account(ACCOUNTS.get(0), AccountType.TAXABLE),
                account(ACCOUNTS.get(1), AccountType.TAXABLE),
                account(ACCOUNTS.get(2), AccountType.TRADITIONAL_IRA)),
            lots,
            List.of());
    return new WashScenario(h, sales);
  }
}
