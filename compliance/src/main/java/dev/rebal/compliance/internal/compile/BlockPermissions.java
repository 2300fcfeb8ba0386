package dev.rebal.compliance.internal.compile;

import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.internal.LotTable;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import java.time.LocalDate;
import java.util.Optional;

/**
 * {@link TradePermissions} answered from {@link Blocks}, the rules the full compile uses. Public
 * only so that {@link dev.rebal.compliance.ConstraintCompiler} can create it; not API. Immutable
 * after construction and thread-safe.
 */
public final class BlockPermissions implements TradePermissions {
  private final MarketData marketData;
  private final Blocks blocks;
  private final LotTable lots;

  private BlockPermissions(Household household, MarketData marketData, LocalDate asOf) {
    this.marketData = marketData;
    this.blocks = new Blocks(household, marketData, asOf);
    this.lots = LotTable.lastOf(household.lots());
  }

  /** Returns the permissions of {@code household} on {@code asOf}. */
  public static TradePermissions of(Household household, MarketData marketData, LocalDate asOf) {
    return new BlockPermissions(household, marketData, asOf);
  }

  @Override
  public boolean mayBuy(AccountId account, SecurityId security) {
    Optional<Security> s = marketData.findSecurity(security);
    return s.isPresent()
        && blocks.accounts().containsKey(account)
        && blocks.buy(account, s.get()).isEmpty();
  }

  @Override
  public boolean maySell(AccountId account, SecurityId security) {
    Optional<Security> s = marketData.findSecurity(security);
    return s.isPresent()
        && blocks.accounts().containsKey(account)
        && blocks.sell(account, s.get()).isEmpty();
  }

  @Override
  public boolean maySellLot(LotId lot) {
    TaxLot l = lots.lot(lot);
    if (l == null) {
      return false;
    }
    Optional<Security> s = marketData.findSecurity(l.security());
    return s.isPresent() && blocks.lot(l, s.get()).isEmpty();
  }
}
