package dev.rebal.tax.internal;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.util.Optional;

/** Look-ups shared by the tax operators: wash-sale groups and account treatments. */
public final class Groups {
  private Groups() {}

  /** Returns the wash-sale group of {@code security}: its own id if the market does not know it. */
  public static String groupOf(MarketData market, SecurityId security) {
    return market.findSecurity(security).map(Security::washSaleGroup).orElse(security.value());
  }

  /**
   * Returns the treatment of {@code account}; an account not in the household (a declared external
   * account) is treated as taxable.
   */
  public static TaxTreatment treatmentOf(Household household, AccountId account) {
    return household.findAccount(account).map(Account::treatment).orElse(TaxTreatment.TAXABLE);
  }

  /** Returns whether {@code account} is a traditional or Roth IRA of the household. */
  public static boolean isIra(Household household, AccountId account) {
    Optional<Account> a = household.findAccount(account);
    return a.isPresent() && a.get().type().isIra();
  }
}
