package dev.rebal.engine.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.GlidePath;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.AccountType;
import dev.rebal.core.household.FilingStatus;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.MemberId;
import dev.rebal.core.household.MemberRole;
import dev.rebal.core.household.RebalanceFrequency;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.DateWindow;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.restriction.SecurityScope;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.testing.RebalArbitraries;
import dev.rebal.core.trade.Side;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * The inputs hash is the SHA-256 of the canonical text of version 1 of the inputs encoding ({@code
 * docs/audit-hash.md}): a golden household's text and hash, written out here from the spec; the
 * text's independence from the values' {@code toString()}; and its stability.
 */
class InputsHashProperties {
  private static final BookGenerator BOOK = BookGenerator.of(BookConfig.of(42));
  private static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  private static final AssetClass STOCKS = AssetClass.of("US_LARGE_CAP");
  private static final SecurityId EQF = SecurityId.of("EQF");
  private static final AccountId TAX = AccountId.of("TAX-1");
  private static final MemberId CLIENT = MemberId.of("M1");

  /** The golden household's text, written from the spec (field order, formats, escaping). */
  private static final String GOLDEN_TEXT =
      "asOf 2026-06-30\n"
          + "Household{id=HH-G, members=[Member{id=M1, role=PRIMARY}], "
          + "accounts=[Account{id=TAX-1, owners=[M1], type=TAXABLE, custodian=Custody\\, Inc., "
          + "cash=USD 250.50, cashFloor=USD 0.00, heldAway=false, tradable=true, "
          + "fractionalShares=false, transactionCoverage=COMPLETE}], "
          + "lots=[TaxLot{id=L-1, account=TAX-1, security=EQF, quantity=10.000000, "
          + "costBasis=USD 1000.00, acquired=2020-01-02, holdingPeriodStart=2020-01-02, "
          + "washSaleAdjustment=USD 0.00, usedAsReplacement=0.000000, basisKnown=true}], "
          + "transactions=[Transaction{id=T-1, account=TAX-1, security=EQF, side=SELL, "
          + "tradeDate=2026-05-01, quantity=2.000000, amount=USD 240.00, "
          + "realizedGain=USD 40.00, sequence=0, usedAsReplacement=0.000000, "
          + "washedQuantity=0.000000}], "
          + "goals=[Goal{id=G-1, name=Retirement, kind=RETIREMENT, targetAmount=USD 500000.00, "
          + "targetDate=2040-06-30, priority=1, fundingAccounts=[TAX-1], glidePath=GlidePath{steps={"
          + "0=TargetAllocation{classes={US_LARGE_CAP=ClassTarget[weight=1, absoluteBand=0.05, "
          + "relativeBand=0]}}}}}], "
          + "restrictions=[SecurityExclusion[id=R-1, scope=ISSUER:EMP, window=[*..2027-01-31], "
          + "source=Policy \\[a\\=b\\]]], "
          + "liquidityEvents=[LiquidityEvent{id=E-1, kind=NEED, amount=USD 100.00, date=2026-09-01, "
          + "firmness=COMMITTED, description=}], "
          + "taxProfile=TaxProfile{filingStatus=SINGLE, shortTermRate=0.35, longTermRate=0.15, "
          + "stateRate=0, niitRate=0, shortTermCarryforward=USD 0.00, "
          + "longTermCarryforward=USD 0.00, realizedShortTermYtd=USD 0.00, "
          + "realizedLongTermYtd=USD 40.00, samePurchaseWashes=false}, "
          + "target=TargetAllocation{classes={US_LARGE_CAP=ClassTarget[weight=1, "
          + "absoluteBand=0.05, relativeBand=0]}}, "
          + "model=Model{id=MODEL-1, securities={US_LARGE_CAP=[EQF]}}, "
          + "rebalanceFrequency=QUARTERLY}\n"
          + "Security{id=EQF, symbol=EQF, assetClass=US_LARGE_CAP, kind=ETF, "
          + "taxCharacter=QUALIFIED, issuer=EQF, washSaleGroup=EQF}\n"
          + "Price{security=EQF, perUnit=USD 120.000000, asOf=2026-06-30}\n";

  /** {@code printf '%s' "$GOLDEN_TEXT" | sha256sum}, computed outside Java. */
  private static final String GOLDEN_HASH =
      "83953f77f4a7bb29bfd4ab071d600251a3452fe8bf609836d1bb23789bc09aa1";

  @Provide
  Arbitrary<Household> anyHouseholds() {
    return RebalArbitraries.households();
  }

  @Provide
  Arbitrary<Integer> bookIndices() {
    return Arbitraries.integers().between(0, 99_999);
  }

  @Example
  void golden_smallHousehold_textAndHashAsSpecified() {
    // when
    String text = InputsHash.text(golden(), goldenMarket(), AS_OF);
    String hash = InputsHash.of(golden(), goldenMarket(), AS_OF);

    // then
    assertThat(text).isEqualTo(GOLDEN_TEXT);
    assertThat(hash).isEqualTo(GOLDEN_HASH);
  }

  /**
   * Two households whose value texts ({@code toString()}) are equal, because a restriction's source
   * contains what looks like a second restriction, have different encodings: the encoding escapes
   * texts and does not go through {@code toString()}.
   */
  @Example
  void sourceImitatingARestriction_sameToString_differentHash() {
    // given
    SecurityExclusion first = exclusion("R-1", "x");
    SecurityExclusion second = exclusion("R-2", "y");
    SecurityExclusion imitation =
        exclusion(
            "R-1",
            "x], SecurityExclusion[id=R-2, scope=ISSUER:EMP, window=[*..2027-01-31], source=y");
    Household two = golden(List.of(first, second));
    Household one = golden(List.of(imitation));

    // then
    assertThat(one.toString()).isEqualTo(two.toString());
    assertThat(InputsHash.of(one, goldenMarket(), AS_OF))
        .isNotEqualTo(InputsHash.of(two, goldenMarket(), AS_OF));
  }

  /** Absent optional attributes are not written, present ones are. */
  @Property(tries = 200)
  void text_absentOptionals_areNotWritten(@ForAll("anyHouseholds") Household h) {
    String text = InputsText.of(h);
    long gains = h.transactions().stream().filter(t -> t.realizedGain().isPresent()).count();
    long shares = h.goals().stream().filter(g -> g.fundingShare().isPresent()).count();
    Statistics.collect(gains > 0 ? "gains" : "no gains", shares > 0 ? "shares" : "no shares");
    assertThat(count(text, ", realizedGain=")).isEqualTo(gains);
    assertThat(count(text, ", fundingShare=")).isEqualTo(shares);
    assertThat(text.contains(", lastRebalanced=")).isEqualTo(h.lastRebalanced().isPresent());
  }

  /**
   * Stability: an optional attribute at its default (absent) is not written, so the text of a
   * household without it is the text with it minus its one {@code ", name=value"} piece.
   */
  @Property(tries = 200)
  void text_optionalAttributeAtItsDefault_isLeftOut(@ForAll("anyHouseholds") Household h) {
    Statistics.collect(h.lastRebalanced().isPresent() ? "last rebalanced" : "never");
    Statistics.coverage(c -> c.check("last rebalanced").count(n -> n > 0));
    Household without = h.withLastRebalanced(Optional.empty());
    String expected = InputsText.of(h);
    if (h.lastRebalanced().isPresent()) {
      expected = expected.replace(", lastRebalanced=" + h.lastRebalanced().get() + "}", "}");
    }
    assertThat(InputsText.of(without)).isEqualTo(expected);
  }

  /** A transaction's absent gain is left out of the text and the rest is unchanged. */
  @Property(tries = 100)
  void text_gainAtItsDefault_isLeftOut(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    Household withSale = withTransaction(h, sale().build());
    Household withGain = withTransaction(h, sale().realizedGain(Money.usd("2")).build());
    assertThat(InputsText.of(withGain).replace(", realizedGain=USD 2.00", ""))
        .isEqualTo(InputsText.of(withSale));
    assertThat(InputsText.of(withSale))
        .startsWith(InputsText.of(h).substring(0, InputsText.of(h).indexOf("], goals=[")));
  }

  /** The text goes to the digest in chunks: the digest is that of the whole text's bytes. */
  @Property(tries = 100)
  void digestInChunks_isThatOfTheWholeText(@ForAll("bookIndices") int index) {
    Household h = BOOK.household(index);
    MessageDigest chunked = InputsHash.sha256();
    InputsText.update(chunked, h);
    MessageDigest whole = InputsHash.sha256();
    String text = InputsText.of(h);
    whole.update(text.getBytes(StandardCharsets.UTF_8));
    Statistics.collect(text.length() > 3 * 8192 ? "several chunks" : "few chunks");
    Statistics.coverage(c -> c.check("several chunks").count(n -> n > 0));
    assertThat(chunked.digest()).isEqualTo(whole.digest());
  }

  /** The hash is that of the whole text: as-of line, household, reference data. */
  @Property(tries = 50)
  void hash_isTheSha256OfTheText(@ForAll("bookIndices") int index) throws Exception {
    Household h = BOOK.household(index);
    MarketData m = BOOK.marketData();
    byte[] expected =
        MessageDigest.getInstance("SHA-256")
            .digest(InputsHash.text(h, m, BOOK.asOf()).getBytes(StandardCharsets.UTF_8));
    assertThat(InputsHash.of(h, m, BOOK.asOf())).isEqualTo(InputsHash.hex(expected));
  }

  private static Transaction.Builder sale() {
    return Transaction.builder()
        .id(TransactionId.of("T-X"))
        .account(TAX)
        .security(EQF)
        .side(Side.SELL)
        .tradeDate(AS_OF.minusDays(3))
        .quantity(Quantity.of(1))
        .amount(Money.usd("10"));
  }

  private static Household withTransaction(Household h, Transaction t) {
    List<Transaction> all = new ArrayList<>(h.transactions());
    all.add(t);
    return h.withTransactions(all);
  }

  private static long count(String text, String needle) {
    long n = 0;
    for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) {
      n++;
    }
    return n;
  }

  private static SecurityExclusion exclusion(String id, String source) {
    return new SecurityExclusion(
        dev.rebal.core.restriction.RestrictionId.of(id),
        SecurityScope.issuer("EMP"),
        DateWindow.until(LocalDate.of(2027, 1, 31)),
        source);
  }

  static Household golden() {
    return golden(List.of(exclusion("R-1", "Policy [a=b]")));
  }

  private static Household golden(List<? extends Restriction> restrictions) {
    TargetAllocation all =
        TargetAllocation.builder()
            .putClasses(STOCKS, new ClassTarget(Weight.of("1.00"), Weight.of("0.05"), Weight.ZERO))
            .build();
    return Household.builder()
        .id(HouseholdId.of("HH-G"))
        .addMembers(Member.builder().id(CLIENT).name("Ann Client").role(MemberRole.PRIMARY).build())
        .addAccounts(
            Account.builder()
                .id(TAX)
                .type(AccountType.TAXABLE)
                .custodian("Custody, Inc.")
                .addOwners(CLIENT)
                .cash(Money.usd("250.50"))
                .build())
        .addLots(
            TaxLot.builder()
                .id(LotId.of("L-1"))
                .account(TAX)
                .security(EQF)
                .quantity(Quantity.of(10))
                .costBasis(Money.usd("1000"))
                .acquired(LocalDate.of(2020, 1, 2))
                .build())
        .addTransactions(
            Transaction.builder()
                .id(TransactionId.of("T-1"))
                .account(TAX)
                .security(EQF)
                .side(Side.SELL)
                .tradeDate(LocalDate.of(2026, 5, 1))
                .quantity(Quantity.of(2))
                .amount(Money.usd("240"))
                .realizedGain(Money.usd("40"))
                .build())
        .addGoals(
            Goal.builder()
                .id(GoalId.of("G-1"))
                .name("Retirement")
                .kind(GoalKind.RETIREMENT)
                .targetAmount(Money.usd("500000"))
                .targetDate(LocalDate.of(2040, 6, 30))
                .priority(1)
                .addFundingAccounts(TAX)
                .glidePath(GlidePath.builder().putSteps(0, all).build())
                .build())
        .addAllRestrictions(restrictions)
        .addLiquidityEvents(
            LiquidityEvent.builder()
                .id(LiquidityEventId.of("E-1"))
                .kind(LiquidityKind.NEED)
                .amount(Money.usd("100"))
                .date(LocalDate.of(2026, 9, 1))
                .firmness(Firmness.COMMITTED)
                .build())
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.SINGLE)
                .shortTermRate(Weight.of("0.35"))
                .longTermRate(Weight.of("0.15"))
                .shortTermCarryforward(Money.ZERO_USD)
                .longTermCarryforward(Money.ZERO_USD)
                .realizedShortTermYtd(Money.ZERO_USD)
                .realizedLongTermYtd(Money.usd("40"))
                .build())
        .target(all)
        .model(
            Model.builder()
                .id(ModelId.of("MODEL-1"))
                .putSecurities(STOCKS, ImmutableList.of(EQF))
                .build())
        .rebalanceFrequency(RebalanceFrequency.QUARTERLY)
        .build();
  }

  static MarketData goldenMarket() {
    return MarketData.builder()
        .putSecurities(
            EQF,
            Security.builder()
                .id(EQF)
                .symbol("EQF")
                .assetClass(STOCKS)
                .kind(SecurityKind.ETF)
                .build())
        .prices(PriceTable.of(List.of(Price.of(EQF, UnitPrice.usd("120"), AS_OF))))
        .build();
  }
}
