package dev.rebal.compliance;

import dev.rebal.core.allocation.Model;
import dev.rebal.core.allocation.ModelId;
import dev.rebal.core.allocation.TargetAllocation;
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
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.market.TradingVolume;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** Hand-built households, market data and trades for the compliance tests. */
final class Fixtures {
  static final LocalDate AS_OF = LocalDate.of(2026, 6, 30);
  static final AccountId TAXABLE = AccountId.of("A-TAX");
  static final AccountId IRA = AccountId.of("A-IRA");
  static final AccountId K401 = AccountId.of("A-401K");
  static final SecurityId ACME = SecurityId.of("ACME");
  static final SecurityId VTI = SecurityId.of("VTI");
  static final SecurityId ITOT = SecurityId.of("ITOT");
  static final SecurityId MUNI = SecurityId.of("MUNI");
  static final SecurityId FUND = SecurityId.of("FUND");

  private Fixtures() {}

  static Security security(
      SecurityId id, String issuer, SecurityKind kind, String assetClass, String washGroup) {
    return Security.builder()
        .id(id)
        .symbol(id.value())
        .issuer(issuer)
        .kind(kind)
        .assetClass(AssetClass.of(assetClass))
        .washSaleGroup(washGroup)
        .build();
  }

  /**
   * ACME at $50, VTI $200 and ITOT $100 (one wash-sale group), MUNI $100, FUND $10 (a mutual fund).
   */
  static List<Security> standardSecurities() {
    return List.of(
        security(ACME, "ACME", SecurityKind.EQUITY, "US_EQUITY", "ACME"),
        security(VTI, "VANGUARD", SecurityKind.ETF, "US_EQUITY", "US_TOTAL"),
        security(ITOT, "ISHARES", SecurityKind.ETF, "US_EQUITY", "US_TOTAL"),
        security(MUNI, "NYC", SecurityKind.MUNICIPAL_BOND, "MUNI_BOND", "MUNI"),
        security(FUND, "FUNDCO", SecurityKind.MUTUAL_FUND, "US_EQUITY", "FUND"));
  }

  static MarketData marketData(TradingVolume... volumes) {
    MarketData.Builder b = MarketData.builder();
    for (Security s : standardSecurities()) {
      b.putSecurities(s.id(), s);
    }
    List<Price> prices = new ArrayList<>();
    prices.add(Price.of(ACME, UnitPrice.usd("50"), AS_OF));
    prices.add(Price.of(VTI, UnitPrice.usd("200"), AS_OF));
    prices.add(Price.of(ITOT, UnitPrice.usd("100"), AS_OF));
    prices.add(Price.of(MUNI, UnitPrice.usd("100"), AS_OF));
    prices.add(Price.of(FUND, UnitPrice.usd("10"), AS_OF));
    b.prices(PriceTable.of(prices));
    for (TradingVolume v : volumes) {
      b.putVolumes(v.issuer(), v);
    }
    return b.build();
  }

  static UnitPrice priceOf(SecurityId id) {
    return marketData().prices().lookup(id).perUnit();
  }

  static Account account(AccountId id, AccountType type, String cash) {
    return Account.builder()
        .id(id)
        .addOwners(MemberId.of("M1"))
        .type(type)
        .custodian("Custodian")
        .cash(Money.usd(cash))
        .build();
  }

  static Account heldAway(AccountId id, AccountType type, String cash) {
    return Account.builder()
        .id(id)
        .addOwners(MemberId.of("M1"))
        .type(type)
        .custodian("Elsewhere")
        .cash(Money.usd(cash))
        .heldAway(true)
        .build();
  }

  static TaxLot lot(
      String id, AccountId account, SecurityId security, long quantity, LocalDate acquired) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(account)
        .security(security)
        .quantity(Quantity.of(quantity))
        .costBasis(Money.usd("1000"))
        .acquired(acquired)
        .build();
  }

  static Transaction pastSale(
      String id, AccountId account, SecurityId security, long quantity, LocalDate date) {
    return Transaction.builder()
        .id(TransactionId.of(id))
        .account(account)
        .security(security)
        .side(Side.SELL)
        .tradeDate(date)
        .quantity(Quantity.of(quantity))
        .amount(Money.usd("1000"))
        .build();
  }

  static Household.Builder household() {
    return Household.builder()
        .id(HouseholdId.of("H1"))
        .addMembers(
            Member.builder().id(MemberId.of("M1")).name("Client").role(MemberRole.PRIMARY).build())
        .taxProfile(
            TaxProfile.builder()
                .filingStatus(FilingStatus.MARRIED_JOINT)
                .shortTermRate(Weight.of("0.35"))
                .longTermRate(Weight.of("0.15"))
                .shortTermCarryforward(Money.ZERO_USD)
                .longTermCarryforward(Money.ZERO_USD)
                .realizedShortTermYtd(Money.ZERO_USD)
                .realizedLongTermYtd(Money.ZERO_USD)
                .build())
        .target(TargetAllocation.builder().build())
        .model(Model.builder().id(ModelId.of("MODEL")).build());
  }

  /** A taxable account with $10,000 cash holding 100 ACME (lot L1, 2015) and 50 VTI (lot L2). */
  static Household simple(Restriction... restrictions) {
    return household()
        .addAccounts(account(TAXABLE, AccountType.TAXABLE, "10000"))
        .addLots(lot("L1", TAXABLE, ACME, 100, LocalDate.of(2015, 1, 5)))
        .addLots(lot("L2", TAXABLE, VTI, 50, LocalDate.of(2024, 2, 1)))
        .addRestrictions(restrictions)
        .build();
  }

  static Trade buy(AccountId account, SecurityId security, String quantity) {
    return Trade.builder()
        .account(account)
        .security(security)
        .side(Side.BUY)
        .quantity(Quantity.of(quantity))
        .estimatedPrice(priceOf(security))
        .addReasonCodes("drift.rebalance")
        .build();
  }

  static Trade sell(AccountId account, SecurityId security, String quantity, LotPick... picks) {
    return Trade.builder()
        .account(account)
        .security(security)
        .side(Side.SELL)
        .quantity(Quantity.of(quantity))
        .estimatedPrice(priceOf(security))
        .addLots(picks)
        .addReasonCodes("drift.rebalance")
        .build();
  }

  static LotPick pick(String lot, String quantity) {
    return new LotPick(LotId.of(lot), Quantity.of(quantity));
  }
}
