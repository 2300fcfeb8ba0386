package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.ACME;
import static dev.rebal.compliance.Fixtures.IRA;
import static dev.rebal.compliance.Fixtures.MUNI;
import static dev.rebal.compliance.Fixtures.TAXABLE;
import static dev.rebal.compliance.Fixtures.VTI;
import static dev.rebal.compliance.Fixtures.buy;
import static dev.rebal.compliance.Fixtures.marketData;
import static dev.rebal.compliance.Fixtures.pick;
import static dev.rebal.compliance.Fixtures.sell;
import static dev.rebal.compliance.Fixtures.simple;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.AssetLocationPreference;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.LotPreference;
import dev.rebal.core.restriction.RestrictionId;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.restriction.VolumeLimit;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * One test per restriction kind, each run on the day before its window, the first day, the last day
 * and the day after. The window is 2026-06-10..2026-06-20, both ends inclusive.
 */
class RestrictionWindowTest {
  private static final DateWindow WINDOW =
      DateWindow.between(LocalDate.of(2026, 6, 10), LocalDate.of(2026, 6, 20));
  private static final ConstraintCompiler COMPILER = ConstraintCompiler.standard();
  private static final TradeVerifier VERIFIER = TradeVerifier.standard();

  private static VerificationResult verify(
      Household h, MarketData md, LocalDate date, Trade... trades) {
    return VERIFIER.verify(h, md, date, List.of(trades));
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void securityExclusion_onWindowBoundaries_blocksBuysOnlyInside(LocalDate date, boolean inside) {
    // given: the executive may not buy the employer's stock
    Household h =
        simple(
            new SecurityExclusion(
                RestrictionId.of("R-EXCL"),
                SecurityScope.issuer("ACME"),
                WINDOW,
                "Employer stock: executive may not buy"));

    // when
    PositionConstraints p = COMPILER.compile(h, marketData(), date).lookupPosition(TAXABLE, ACME);
    VerificationResult r = verify(h, marketData(), date, buy(TAXABLE, ACME, "10"));

    // then
    assertThat(p.mayBuy()).isEqualTo(!inside);
    assertThat(p.maySell()).isTrue();
    assertThat(r.violationsOf(ViolationKind.EXCLUDED_BUY)).hasSize(inside ? 1 : 0);
    assertThat(r.isCompliant()).isEqualTo(!inside);
    if (inside) {
      assertThat(p.buyBlocks()).extracting(Provenance::id).containsExactly("R-EXCL");
      assertThat(r.violations().get(0).provenance().source())
          .isEqualTo("Employer stock: executive may not buy");
    }
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void doNotSell_onWindowBoundaries_blocksSalesOnlyInside(LocalDate date, boolean inside) {
    // given
    Household h =
        simple(
            new DoNotSell(
                RestrictionId.of("R-DNS"),
                SecurityScope.security("ACME"),
                ImmutableSortedSet.of(),
                WINDOW,
                "Ten-year cliff"));

    // when
    TradeConstraints c = COMPILER.compile(h, marketData(), date);
    VerificationResult r = verify(h, marketData(), date, sell(TAXABLE, ACME, "10"));

    // then
    assertThat(c.lookupPosition(TAXABLE, ACME).maySell()).isEqualTo(!inside);
    assertThat(c.lookupPosition(TAXABLE, ACME).mayBuy()).isTrue();
    assertThat(c.lookupLot(dev.rebal.core.household.LotId.of("L1")).maySell()).isEqualTo(!inside);
    assertThat(r.violationsOf(ViolationKind.DO_NOT_SELL)).hasSize(inside ? 1 : 0);
    assertThat(r.isCompliant()).isEqualTo(!inside);
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void blackoutWindow_onWindowBoundaries_blocksBothSidesOnlyInside(LocalDate date, boolean inside) {
    // given
    Household h =
        simple(
            new BlackoutWindow(
                RestrictionId.of("R-BLK"), "ACME", WINDOW, "Insider policy 2026 Q2"));

    // when
    PositionConstraints p = COMPILER.compile(h, marketData(), date).lookupPosition(TAXABLE, ACME);
    VerificationResult sale = verify(h, marketData(), date, sell(TAXABLE, ACME, "10"));
    VerificationResult purchase = verify(h, marketData(), date, buy(TAXABLE, ACME, "10"));

    // then
    assertThat(p.mayBuy()).isEqualTo(!inside);
    assertThat(p.maySell()).isEqualTo(!inside);
    assertThat(sale.violationsOf(ViolationKind.BLACKOUT)).hasSize(inside ? 1 : 0);
    assertThat(purchase.violationsOf(ViolationKind.BLACKOUT)).hasSize(inside ? 1 : 0);
    assertThat(sale.isCompliant()).isEqualTo(!inside);
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void volumeLimit_onWindowBoundaries_capsSalesOnlyInside(LocalDate date, boolean inside) {
    // given: 1,000 shares outstanding (1% = 10) and weekly volumes of 8 (average 8): limit 10
    Household h =
        simple(
            new VolumeLimit(
                RestrictionId.of("R-144"), "ACME", WINDOW, "Director: Rule 144 affiliate"));
    MarketData md =
        marketData(
            TradingVolume.builder()
                .issuer("ACME")
                .asOf(date)
                .sharesOutstanding(Quantity.of(1000))
                .addWeeklyVolumes(Quantity.of(8), Quantity.of(8), Quantity.of(8), Quantity.of(8))
                .build());

    // when
    TradeConstraints c = COMPILER.compile(h, md, date);
    VerificationResult r = verify(h, md, date, sell(TAXABLE, ACME, "20"));

    // then
    assertThat(c.saleLimits()).hasSize(inside ? 1 : 0);
    assertThat(c.lookupPosition(TAXABLE, ACME).maxSellQuantity().limit())
        .isEqualTo(Quantity.of(inside ? 10 : 100));
    assertThat(r.violationsOf(ViolationKind.VOLUME_LIMIT)).hasSize(inside ? 1 : 0);
    if (inside) {
      Violation v = r.violations().get(0);
      assertThat(v.limit()).isEqualByComparingTo("10");
      assertThat(v.actual()).isEqualByComparingTo("20");
      assertThat(v.excess()).isEqualByComparingTo("10");
    }
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void concentrationCap_onWindowBoundaries_limitsOnlyInside(LocalDate date, boolean inside) {
    // given: cash 10,000 + ACME 100 x 50 = 5,000 + VTI 50 x 200 = 10,000: household 25,000.
    // A 30% cap on ACME allows 7,500; buying 100 more ACME (5,000) takes it to 10,000 = 40%.
    Household h =
        simple(
            new ConcentrationCap(
                RestrictionId.of("R-CAP"),
                SecurityScope.issuer("ACME"),
                Weight.percent("30"),
                WINDOW,
                "IPS: 30% single stock"));

    // when
    TradeConstraints c = COMPILER.compile(h, marketData(), date);
    VerificationResult r = verify(h, marketData(), date, buy(TAXABLE, ACME, "100"));

    // then
    assertThat(c.caps()).hasSize(inside ? 1 : 0);
    assertThat(r.violationsOf(ViolationKind.CONCENTRATION_CAP)).hasSize(inside ? 1 : 0);
    if (inside) {
      ConcentrationLimit cap = c.caps().get(0);
      assertThat(cap.householdValue().amount()).isEqualByComparingTo("25000");
      assertThat(cap.currentValue().amount()).isEqualByComparingTo("5000");
      assertThat(cap.maxValue().amount()).isEqualByComparingTo("7500");
      assertThat(c.lookupPosition(TAXABLE, ACME).maxBuyValue().orElseThrow().limit().amount())
          .isEqualByComparingTo("2500");
      assertThat(r.violations().get(0).actual()).isEqualByComparingTo("0.4");
    }
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void accountFreeze_onWindowBoundaries_blocksTheAccountOnlyInside(LocalDate date, boolean inside) {
    // given
    Household h =
        simple(new AccountFreeze(RestrictionId.of("R-FRZ"), TAXABLE, WINDOW, "Legal hold"));

    // when
    TradeConstraints c = COMPILER.compile(h, marketData(), date);
    VerificationResult r = verify(h, marketData(), date, buy(TAXABLE, VTI, "10"));

    // then
    assertThat(c.lookupAccount(TAXABLE).mayTrade()).isEqualTo(!inside);
    assertThat(c.lookupPosition(TAXABLE, VTI).mayBuy()).isEqualTo(!inside);
    assertThat(r.violationsOf(ViolationKind.ACCOUNT_FROZEN)).hasSize(inside ? 1 : 0);
    assertThat(r.isCompliant()).isEqualTo(!inside);
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void lotPreference_onWindowBoundaries_protectsOldLotsOnlyInside(LocalDate date, boolean inside) {
    // given: L1 (100 ACME) was acquired in 2015, before the protection date
    Household h =
        simple(
            new LotPreference(
                RestrictionId.of("R-LOT"),
                SecurityScope.security("ACME"),
                LocalDate.of(2016, 1, 1),
                WINDOW,
                "Keep founder shares"));

    // when
    TradeConstraints c = COMPILER.compile(h, marketData(), date);
    VerificationResult r =
        verify(h, marketData(), date, sell(TAXABLE, ACME, "10", pick("L1", "10")));

    // then
    assertThat(c.lookupLot(dev.rebal.core.household.LotId.of("L1")).maySell()).isEqualTo(!inside);
    assertThat(c.lookupPosition(TAXABLE, ACME).maxSellQuantity().limit())
        .isEqualTo(Quantity.of(inside ? 0 : 100));
    assertThat(r.violationsOf(ViolationKind.PROTECTED_LOT)).hasSize(inside ? 2 : 0);
    assertThat(r.isCompliant()).isEqualTo(!inside);
  }

  @ParameterizedTest
  @CsvSource({"2026-06-09, false", "2026-06-10, true", "2026-06-20, true", "2026-06-21, false"})
  void assetLocationPreference_onWindowBoundaries_penalisesOnlyInsideAndNeverBlocks(
      LocalDate date, boolean inside) {
    // given: no munis in tax-deferred accounts, 50 bps a year
    Household h =
        Fixtures.household()
            .addAccounts(Fixtures.account(IRA, AccountType.TRADITIONAL_IRA, "5000"))
            .addRestrictions(
                new AssetLocationPreference(
                    RestrictionId.of("R-LOC"),
                    SecurityScope.assetClass("MUNI_BOND"),
                    ImmutableSortedSet.of(TaxTreatment.TAX_DEFERRED),
                    new BigDecimal("50"),
                    WINDOW,
                    "No munis in IRAs"))
            .build();

    // when
    TradeConstraints c = COMPILER.compile(h, marketData(), date);
    VerificationResult r = verify(h, marketData(), date, buy(IRA, MUNI, "10"));

    // then
    assertThat(c.penalties()).hasSize(inside ? 1 : 0);
    if (inside) {
      assertThat(c.penalties().get(0).security()).isEqualTo(MUNI);
      assertThat(c.penalties().get(0).penaltyBps()).isEqualByComparingTo("50");
    }
    assertThat(c.lookupPosition(IRA, MUNI).mayBuy()).isTrue();
    assertThat(r.isCompliant()).isTrue();
  }
}
