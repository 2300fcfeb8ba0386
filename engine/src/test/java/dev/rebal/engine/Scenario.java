package dev.rebal.engine;

import dev.rebal.core.allocation.ClassTarget;
import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.LiquidityEvent;
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
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A small hand-built household for worked engine examples: a taxable account and an IRA, two equity
 * funds in different wash-sale groups (EQ1 preferred, EQ2 its substitute), an equity issued by the
 * client's employer (ACME), and a bond fund; every price is $100. Target 60/40 equity/bond, bands
 * of 5 points; the last rebalance was ten days ago and the calendar is quarterly, so only the
 * condition a test sets up can trigger.
 */
final class Scenario {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final AssetClass EQUITY = AssetClass.of("US_EQUITY");
  static final AssetClass BONDS = AssetClass.of("US_BOND");
  static final SecurityId EQ1 = SecurityId.of("EQ1");
  static final SecurityId EQ2 = SecurityId.of("EQ2");
  static final SecurityId ACME = SecurityId.of("ACME");
  static final SecurityId BD1 = SecurityId.of("BD1");
  static final AccountId TAX = AccountId.of("TAX-1");
  static final AccountId IRA = AccountId.of("IRA-1");
  static final MarketData MARKET =
      MarketData.builder()
          .putSecurities(EQ1, security(EQ1, EQUITY, SecurityKind.ETF))
          .putSecurities(EQ2, security(EQ2, EQUITY, SecurityKind.ETF))
          .putSecurities(ACME, security(ACME, EQUITY, SecurityKind.EQUITY))
          .putSecurities(BD1, security(BD1, BONDS, SecurityKind.ETF))
          .prices(PriceTable.of(List.of(price(EQ1), price(EQ2), price(ACME), price(BD1))))
          .build();

  /** The default rule set with {@code params} set over its parameters. */
  static dev.rebal.core.ruleset.RuleSet defaultsWith(java.util.Map<String, String> params) {
    dev.rebal.core.ruleset.RuleSet defaults = dev.rebal.core.ruleset.RuleSet.defaults();
    java.util.Map<String, String> p = new java.util.TreeMap<>(defaults.parameters());
    p.putAll(params);
    return dev.rebal.core.ruleset.RuleSet.of(
        defaults.name(), defaults.version(), defaults.rules(), p);
  }

  /** Decides {@code h} at {@link #MARKET} under the default rule set with {@code params} set. */
  static Decision decide(Household h, java.util.Map<String, String> params) {
    return Rebalancer.of(defaultsWith(params)).rebalance(h, MARKET, AS_OF);
  }

  /** The lots the decision's sales relieve, in trade order. */
  static List<LotId> soldLots(Decision d) {
    return d.proposal().trades().stream()
        .filter(t -> t.side() == dev.rebal.core.trade.Side.SELL)
        .flatMap(t -> t.lots().stream())
        .map(dev.rebal.core.trade.LotPick::lot)
        .toList();
  }

  /** A committed need N-1 of {@code amount} dollars due {@code days} after the as-of date. */
  static LiquidityEvent committedNeed(String amount, int days, String description) {
    return LiquidityEvent.builder()
        .id(dev.rebal.core.goal.LiquidityEventId.of("N-1"))
        .kind(dev.rebal.core.goal.LiquidityKind.NEED)
        .amount(Money.usd(amount))
        .date(AS_OF.plusDays(days))
        .firmness(dev.rebal.core.goal.Firmness.COMMITTED)
        .description(description)
        .build();
  }

  private final List<TaxLot> lots = new ArrayList<>();
  private final List<Restriction> restrictions = new ArrayList<>();
  private final List<LiquidityEvent> events = new ArrayList<>();
  private final List<SecurityId> cashFunds = new ArrayList<>();
  private String taxCash = "0";
  private String iraCash = "0";

  private static Security security(SecurityId id, AssetClass c, SecurityKind kind) {
    return Security.builder().id(id).symbol(id.value()).assetClass(c).kind(kind).build();
  }

  private static Price price(SecurityId id) {
    return Price.of(id, UnitPrice.usd("100"), AS_OF);
  }

  /**
   * The client's rates: 37% short term, 20% long term, married filing jointly, nothing realized.
   */
  static TaxProfile taxProfile() {
    return TaxProfile.builder()
        .filingStatus(FilingStatus.MARRIED_JOINT)
        .shortTermRate(Weight.of("0.37"))
        .longTermRate(Weight.of("0.20"))
        .shortTermCarryforward(Money.ZERO_USD)
        .longTermCarryforward(Money.ZERO_USD)
        .realizedShortTermYtd(Money.ZERO_USD)
        .realizedLongTermYtd(Money.ZERO_USD)
        .build();
  }

  /** An account of {@code type} owned by {@code owner}, with no cash. */
  static Account account(AccountId id, AccountType type, MemberId owner) {
    return Account.builder()
        .id(id)
        .type(type)
        .custodian("C")
        .addOwners(owner)
        .cash(Money.ZERO_USD)
        .build();
  }

  /** Adds a lot of {@code shares} at {@code basisPerShare}, acquired on {@code acquired}. */
  Scenario lot(
      String id,
      AccountId account,
      SecurityId security,
      long shares,
      long basisPerShare,
      LocalDate acquired) {
    lots.add(
        TaxLot.builder()
            .id(LotId.of(id))
            .account(account)
            .security(security)
            .quantity(Quantity.of(shares))
            .costBasis(Money.usd(String.valueOf(shares * basisPerShare)))
            .acquired(acquired)
            .build());
    return this;
  }

  /** Offers {@code funds} in the model for account cash's class (money-market funds). */
  Scenario cashFunds(SecurityId... funds) {
    cashFunds.addAll(java.util.List.of(funds));
    return this;
  }

  Scenario cash(String taxable, String ira) {
    this.taxCash = taxable;
    this.iraCash = ira;
    return this;
  }

  Scenario restrict(Restriction r) {
    restrictions.add(r);
    return this;
  }

  Scenario event(LiquidityEvent e) {
    events.add(e);
    return this;
  }

  Household build() {
    TargetAllocation target =
        TargetAllocation.builder()
            .putClasses(EQUITY, ClassTarget.of("0.6", "0.05"))
            .putClasses(BONDS, ClassTarget.of("0.4", "0.05"))
            .build();
    MemberId client = MemberId.of("M-1");
    return Household.builder()
        .id(HouseholdId.of("HH-W"))
        .addMembers(Member.builder().id(client).name("Client").role(MemberRole.PRIMARY).build())
        .addAccounts(
            Account.builder()
                .id(TAX)
                .type(AccountType.TAXABLE)
                .custodian("C")
                .addOwners(client)
                .cash(Money.usd(taxCash))
                .build())
        .addAccounts(
            Account.builder()
                .id(IRA)
                .type(AccountType.TRADITIONAL_IRA)
                .custodian("C")
                .addOwners(client)
                .cash(Money.usd(iraCash))
                .build())
        .addAllLots(lots)
        .addAllRestrictions(restrictions)
        .addAllLiquidityEvents(events)
        .taxProfile(taxProfile())
        .target(target)
        .model(
            Model.builder()
                .id(ModelId.of("M-60-40"))
                .putSecurities(EQUITY, com.google.common.collect.ImmutableList.of(EQ1, EQ2))
                .putSecurities(BONDS, com.google.common.collect.ImmutableList.of(BD1))
                .putAllSecurities(
                    cashFunds.isEmpty()
                        ? java.util.Map.of()
                        : java.util.Map.of(
                            dev.rebal.core.valuation.HouseholdValuation.CASH,
                            com.google.common.collect.ImmutableList.copyOf(cashFunds)))
                .build())
        .rebalanceFrequency(RebalanceFrequency.QUARTERLY)
        .lastRebalanced(AS_OF.minusDays(10))
        .build();
  }
}
