package dev.rebal.tax;

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
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.household.TransactionCoverage;
import dev.rebal.core.household.TransactionId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.market.Price;
import dev.rebal.core.market.PriceTable;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import dev.rebal.tax.lots.RealizedLot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** Small builders for tax tests: accounts, lots, profiles, households and market data. */
public final class TaxFixtures {
  public static final AccountId TAXABLE = AccountId.of("TAX-1");
  public static final AccountId IRA = AccountId.of("IRA-1");
  public static final SecurityId X = SecurityId.of("X");
  public static final AssetClass US_EQUITY = AssetClass.of("US_EQUITY");

  private TaxFixtures() {}

  /** A profile: 37% short, 20% long, no state, no NIIT, nothing realized, no carryforward. */
  public static TaxProfile profile() {
    return profile(FilingStatus.MARRIED_JOINT, "0.37", "0.20");
  }

  public static TaxProfile profile(FilingStatus status, String shortRate, String longRate) {
    return TaxProfile.builder()
        .filingStatus(status)
        .shortTermRate(Weight.of(shortRate))
        .longTermRate(Weight.of(longRate))
        .shortTermCarryforward(Money.usd("0"))
        .longTermCarryforward(Money.usd("0"))
        .realizedShortTermYtd(Money.usd("0"))
        .realizedLongTermYtd(Money.usd("0"))
        .build();
  }

  public static Account account(AccountId id, AccountType type) {
    return Account.builder().id(id).type(type).custodian("Custodian").cash(Money.usd("0")).build();
  }

  public static Account external(String id, TransactionCoverage coverage) {
    return Account.builder()
        .id(AccountId.of(id))
        .type(AccountType.TAXABLE)
        .custodian("Elsewhere")
        .cash(Money.usd("0"))
        .heldAway(true)
        .transactionCoverage(coverage)
        .build();
  }

  public static TaxLot lot(
      String id,
      AccountId account,
      SecurityId security,
      long shares,
      String basis,
      LocalDate acquired) {
    return TaxLot.builder()
        .id(LotId.of(id))
        .account(account)
        .security(security)
        .quantity(Quantity.of(shares))
        .costBasis(Money.usd(basis))
        .acquired(acquired)
        .build();
  }

  public static Transaction buy(
      String id,
      AccountId account,
      SecurityId security,
      long shares,
      String amount,
      LocalDate date) {
    return Transaction.builder()
        .id(TransactionId.of(id))
        .account(account)
        .security(security)
        .side(Side.BUY)
        .tradeDate(date)
        .quantity(Quantity.of(shares))
        .amount(Money.usd(amount))
        .build();
  }

  public static Transaction sell(
      String id,
      AccountId account,
      SecurityId security,
      long shares,
      String amount,
      String gain,
      LocalDate date) {
    return Transaction.builder()
        .id(TransactionId.of(id))
        .account(account)
        .security(security)
        .side(Side.SELL)
        .tradeDate(date)
        .quantity(Quantity.of(shares))
        .amount(Money.usd(amount))
        .realizedGain(Money.usd(gain))
        .build();
  }

  /** A household with the given accounts, lots and transactions and the default profile. */
  public static Household household(
      List<Account> accounts, List<TaxLot> lots, List<Transaction> transactions) {
    return household(accounts, lots, transactions, profile(), Map.of());
  }

  public static Household household(
      List<Account> accounts,
      List<TaxLot> lots,
      List<Transaction> transactions,
      TaxProfile profile,
      Map<AssetClass, List<SecurityId>> model) {
    Model.Builder m = Model.builder().id(ModelId.of("M"));
    model.forEach((k, v) -> m.putSecurities(k, com.google.common.collect.ImmutableList.copyOf(v)));
    return Household.builder()
        .id(HouseholdId.of("H"))
        .addAllAccounts(accounts)
        .addAllLots(lots)
        .addAllTransactions(transactions)
        .taxProfile(profile)
        .target(TargetAllocation.builder().build())
        .model(m.build())
        .build();
  }

  public static Security security(String id, String group) {
    return Security.builder()
        .id(SecurityId.of(id))
        .symbol(id)
        .assetClass(US_EQUITY)
        .kind(SecurityKind.ETF)
        .washSaleGroup(group)
        .build();
  }

  /** Market data with the given securities and prices (security id to price). */
  public static MarketData market(
      List<Security> securities, Map<String, String> prices, LocalDate asOf) {
    MarketData.Builder b = MarketData.builder();
    for (Security s : securities) {
      b.putSecurities(s.id(), s);
    }
    PriceTable.Builder p = PriceTable.builder();
    prices.forEach(
        (id, px) ->
            p.putPrices(SecurityId.of(id), Price.of(SecurityId.of(id), UnitPrice.usd(px), asOf)));
    return b.prices(p.build()).build();
  }

  /** A realized sale of a whole lot for {@code proceeds}, short term unless said otherwise. */
  public static RealizedLot sold(TaxLot lot, String proceeds, LocalDate saleDate) {
    return new RealizedLot(
        lot.id(),
        lot.account(),
        lot.security(),
        lot.quantity(),
        Money.usd(proceeds),
        lot.costBasis(),
        HoldingPeriod.termOf(lot, saleDate),
        lot.holdingPeriodStart(),
        saleDate,
        true);
  }

  public static LocalDate date(String iso) {
    return LocalDate.parse(iso);
  }
}
