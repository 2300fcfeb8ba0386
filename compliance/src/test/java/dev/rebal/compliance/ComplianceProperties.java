package dev.rebal.compliance;

import static dev.rebal.compliance.Fixtures.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.compliance.ComplianceArbitraries.Case;
import dev.rebal.compliance.ComplianceArbitraries.Scenario;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.restriction.SecurityExclusion;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/**
 * Properties over generated households and proposals. The oracles here read the restrictions and
 * positions directly (a third, deliberately naive reading): the verifier must reject every proposal
 * that trades a restricted security in its window, goes short, breaks a cash floor or a cap; and a
 * proposal that stays inside the compiled constraints must pass the verifier.
 */
class ComplianceProperties {
  private static final ConstraintCompiler COMPILER = ConstraintCompiler.standard();
  private static final TradeVerifier VERIFIER = TradeVerifier.standard();

  @Provide
  Arbitrary<Case> randomCases() {
    return ComplianceArbitraries.randomCases();
  }

  @Provide
  Arbitrary<Scenario> scenarios() {
    return ComplianceArbitraries.scenarios();
  }

  private static boolean hasViolation(
      VerificationResult r, ViolationKind kind, int trade, String provenanceId) {
    return r.violations().stream()
        .anyMatch(
            v ->
                v.kind() == kind
                    && v.trades().contains(trade)
                    && v.provenance().id().equals(provenanceId));
  }

  @Property(tries = 250)
  void verify_tradeOfRestrictedSecurityInWindow_isRejected(@ForAll("randomCases") Case c) {
    // given
    Household h = c.scenario().household();
    MarketData md = c.scenario().marketData();

    // when
    VerificationResult r = VERIFIER.verify(h, md, AS_OF, c.trades());

    // then
    int restricted = 0;
    for (int i = 0; i < c.trades().size(); i++) {
      Trade t = c.trades().get(i);
      Security s = md.lookupSecurity(t.security());
      Account a = h.findAccount(t.account()).orElseThrow();
      boolean buy = t.side() == Side.BUY;
      if (a.heldAway()) {
        restricted++;
        assertThat(hasViolation(r, ViolationKind.ACCOUNT_NOT_TRADABLE, i, "builtin.held-away"))
            .isTrue();
      }
      for (Restriction x : h.restrictions()) {
        if (!x.window().contains(AS_OF)) {
          continue;
        }
        String id = x.id().value();
        if (x instanceof SecurityExclusion && buy && ((SecurityExclusion) x).scope().matches(s)) {
          restricted++;
          assertThat(hasViolation(r, ViolationKind.EXCLUDED_BUY, i, id)).isTrue();
        } else if (x instanceof DoNotSell
            && !buy
            && ((DoNotSell) x).scope().matches(s)
            && (((DoNotSell) x).accounts().isEmpty()
                || ((DoNotSell) x).accounts().contains(a.id()))) {
          restricted++;
          assertThat(hasViolation(r, ViolationKind.DO_NOT_SELL, i, id)).isTrue();
        } else if (x instanceof BlackoutWindow
            && ((BlackoutWindow) x).issuer().equals(s.issuer())) {
          restricted++;
          assertThat(hasViolation(r, ViolationKind.BLACKOUT, i, id)).isTrue();
        } else if (x instanceof AccountFreeze && ((AccountFreeze) x).account().equals(a.id())) {
          restricted++;
          assertThat(hasViolation(r, ViolationKind.ACCOUNT_FROZEN, i, id)).isTrue();
        }
      }
    }
    if (restricted > 0) {
      assertThat(r.isCompliant()).isFalse();
    }
    Statistics.label("restricted").collect(restricted > 0 ? "trades restricted" : "none");
    Statistics.label("restricted")
        .coverage(k -> k.check("trades restricted").percentage(p -> p > 5));
  }

  @Property(tries = 250)
  void verify_resultingShortCashOrCapBreach_isRejected(@ForAll("randomCases") Case c) {
    // given
    Household h = c.scenario().household();
    MarketData md = c.scenario().marketData();
    Map<String, BigDecimal> shares = new TreeMap<>();
    Map<AccountId, BigDecimal> cash = new TreeMap<>();
    for (TaxLot l : h.lots()) {
      shares.merge(l.account() + "/" + l.security(), l.quantity().value(), BigDecimal::add);
    }
    for (Account a : h.accounts()) {
      cash.put(a.id(), a.cash().amount());
    }
    for (Trade t : c.trades()) {
      BigDecimal sign = BigDecimal.valueOf(t.side() == Side.BUY ? 1 : -1);
      shares.merge(
          t.account() + "/" + t.security(), t.quantity().value().multiply(sign), BigDecimal::add);
      if (t.side() != Side.GIFT) {
        // a gift in kind moves shares out and no cash in
        cash.merge(
            t.account(), t.estimatedValue().amount().negate().multiply(sign), BigDecimal::add);
      }
    }

    // when
    VerificationResult r = VERIFIER.verify(h, md, AS_OF, c.trades());

    // then: no short position goes unreported
    boolean broken = false;
    for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
      if (e.getValue().signum() < 0) {
        broken = true;
        assertThat(r.violationsOf(ViolationKind.SHORT_POSITION))
            .anyMatch(v -> v.subject().equals(e.getKey()));
      }
    }
    // no tradable account ends below its floor unreported
    for (Account a : h.accounts()) {
      if (!a.heldAway() && a.tradable() && cash.get(a.id()).compareTo(a.cashFloor().amount()) < 0) {
        broken = true;
        assertThat(reported(r, ViolationKind.CASH_BELOW_FLOOR))
            .anyMatch(v -> v.subject().equals("account " + a.id()));
      }
    }
    // no cap ends breached unreported (household value after trading, held away included)
    BigDecimal total = cash.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
      total = total.add(value(md, e.getKey(), e.getValue()));
    }
    for (Restriction x : h.restrictions()) {
      if (x instanceof ConcentrationCap && x.window().contains(AS_OF) && total.signum() > 0) {
        ConcentrationCap cap = (ConcentrationCap) x;
        BigDecimal inScope = BigDecimal.ZERO;
        for (Map.Entry<String, BigDecimal> e : shares.entrySet()) {
          SecurityId s = SecurityId.of(e.getKey().substring(e.getKey().indexOf('/') + 1));
          if (cap.scope().matches(md.lookupSecurity(s))) {
            inScope = inScope.add(value(md, e.getKey(), e.getValue()));
          }
        }
        if (inScope.divide(total, MathContext.DECIMAL128).compareTo(cap.maxWeight().value()) > 0) {
          broken = true;
          assertThat(reported(r, ViolationKind.CONCENTRATION_CAP))
              .anyMatch(v -> v.provenance().id().equals(x.id().value()));
        }
      }
    }
    if (broken) {
      // reported: as a violation, or as a breach that predates the proposal and is not worse
      assertThat(r.isCompliant() && r.preExisting().isEmpty()).isFalse();
    }
    Statistics.label("positions").collect(broken ? "breach" : "none");
    Statistics.label("positions").coverage(k -> k.check("breach").percentage(p -> p > 5));
  }

  private static BigDecimal value(MarketData md, String position, BigDecimal quantity) {
    SecurityId s = SecurityId.of(position.substring(position.indexOf('/') + 1));
    return md.prices().lookup(s).perUnit().amount().multiply(quantity);
  }

  @Property(tries = 250)
  void verify_proposalInsideCompiledConstraints_passes(
      @ForAll("scenarios") Scenario s, @ForAll Random random) {
    // given
    TradeConstraints c = COMPILER.compile(s.household(), s.marketData(), AS_OF);
    List<Trade> trades = GuidedProposals.build(c, s.marketData(), random);
    boolean inside = InsideConstraints.admits(c, s.marketData(), trades);

    // when
    VerificationResult r = VERIFIER.verify(s.household(), s.marketData(), AS_OF, trades);

    // then
    if (inside) {
      assertThat(r.violations()).isEmpty();
    }
    Statistics.label("guided")
        .collect(!inside ? "outside" : trades.isEmpty() ? "inside, empty" : "inside, trades");
    Statistics.label("guided").coverage(k -> k.check("inside, trades").percentage(p -> p > 7));
  }

  @Property(tries = 150)
  void verify_randomProposalInsideCompiledConstraints_passes(@ForAll("randomCases") Case c) {
    // given
    TradeConstraints tc =
        COMPILER.compile(c.scenario().household(), c.scenario().marketData(), AS_OF);

    // when
    VerificationResult r =
        VERIFIER.verify(c.scenario().household(), c.scenario().marketData(), AS_OF, c.trades());

    // then
    if (InsideConstraints.admits(tc, c.scenario().marketData(), c.trades())) {
      assertThat(r.violations()).isEmpty();
    }
  }

  @Provide
  Arbitrary<Scenario> rule144Scenarios() {
    return ComplianceArbitraries.rule144Scenarios();
  }

  @Property(tries = 150)
  void verify_salesAtAndOverCompiledRule144Remaining_agreeWithCompiler(
      @ForAll("rule144Scenarios") Scenario s) {
    // given
    TradeConstraints c = COMPILER.compile(s.household(), s.marketData(), AS_OF);
    IssuerSaleLimit limit =
        c.saleLimits().stream()
            .filter(l -> l.provenance().id().equals("R-144"))
            .findFirst()
            .orElseThrow();
    AccountId account = s.household().accounts().get(0).id();
    java.util.function.Function<dev.rebal.core.money.Quantity, VerificationResult> sell =
        q ->
            VERIFIER.verify(
                s.household(),
                s.marketData(),
                AS_OF,
                List.of(
                    Trade.builder()
                        .account(account)
                        .security(Fixtures.ACME)
                        .side(Side.SELL)
                        .quantity(q)
                        .estimatedPrice(Fixtures.priceOf(Fixtures.ACME))
                        .addReasonCodes("x")
                        .build()));
    java.util.function.Predicate<Violation> r144 =
        v -> v.kind() == ViolationKind.VOLUME_LIMIT && v.provenance().id().equals("R-144");

    // when
    VerificationResult over =
        sell.apply(limit.remaining().plus(dev.rebal.core.money.Quantity.of(1)));

    // then
    assertThat(over.violations())
        .filteredOn(r144)
        .singleElement()
        .satisfies(v -> assertThat(v.excess()).isEqualByComparingTo("1"));
    if (limit.remaining().isPositive()) {
      assertThat(sell.apply(limit.remaining()).violations()).filteredOn(r144).isEmpty();
    }
    Statistics.collect(limit.soldInWindow().isPositive() ? "earlier sales" : "none");
    Statistics.coverage(k -> k.check("earlier sales").percentage(p -> p > 10));
  }

  @Property(tries = 100)
  void compileAndVerify_restrictionsShuffled_giveEqualResults(
      @ForAll("randomCases") Case c, @ForAll Random random) {
    // given
    Household h = c.scenario().household();
    List<Restriction> shuffled = new ArrayList<>(h.restrictions());
    Collections.shuffle(shuffled, random);
    Household h2 =
        Household.builder()
            .id(h.id())
            .addAllMembers(h.members())
            .addAllAccounts(h.accounts())
            .addAllLots(h.lots())
            .addAllTransactions(h.transactions())
            .addAllRestrictions(shuffled)
            .taxProfile(h.taxProfile())
            .target(h.target())
            .model(h.model())
            .build();
    MarketData md = c.scenario().marketData();

    // then
    assertThat(COMPILER.compile(h2, md, AS_OF)).isEqualTo(COMPILER.compile(h, md, AS_OF));
    assertThat(VERIFIER.verify(h2, md, AS_OF, c.trades()))
        .isEqualTo(VERIFIER.verify(h, md, AS_OF, c.trades()));
  }

  /** Violations and pre-existing breaches of {@code kind}: every breach is reported as one. */
  private static java.util.List<Violation> reported(VerificationResult r, ViolationKind kind) {
    java.util.List<Violation> out = new java.util.ArrayList<>(r.violationsOf(kind));
    r.preExisting().stream().filter(v -> v.kind() == kind).forEach(out::add);
    return out;
  }
}
