package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.TradeConstraints;
import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.money.UnitPrice;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.tax.harvest.Harvest;
import dev.rebal.tax.harvest.HarvestPolicy;
import dev.rebal.tax.harvest.LossHarvester;
import dev.rebal.tax.lots.RealizedLot;
import dev.rebal.tax.washsale.TaxConstraints;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

/**
 * The harvest stage of a tax-triggered rebalance: the tax module's harvests, as trades. Each sells
 * the losing lots of a security in a taxable account, whole, and buys the model substitute the
 * harvester chose (never substantially identical) with the proceeds, in whole shares unless the
 * account holds fractions. A harvest compliance forbids on either side (a lot or position that may
 * not be sold, a replacement that may not be bought) is skipped and explained. What the stage
 * sells is never bought back and what it buys is never sold in the same proposal.
 */
public final class HarvestStage {
  private HarvestStage() {}

  /** Returns the harvests of {@code h} under {@code rs}'s policy (before compliance). */
  public static List<Harvest> harvests(Household h, MarketData m, LocalDate asOf, RuleSet rs) {
    return TaxMemo.of(h, m, asOf).harvests(rs);
  }

  /**
   * Returns the harvests of {@code h} under {@code rs}'s policy; {@code washSale} gives its
   * wash-sale constraints, asked for only when some lot is at a large enough loss.
   */
  static List<Harvest> scan(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      Supplier<TaxConstraints> washSale) {
    HarvestPolicy policy = HarvestPolicy.of(
        Params.decimal(rs, "harvest.min-loss", "1000").toPlainString(),
        Params.decimal(rs, "harvest.min-loss-percent", "5").toPlainString());
    return LossHarvester.standard().harvests(h, m, asOf, policy, washSale);
  }

  /** Returns whether compliance allows both the harvest's sale and its replacement. */
  public static boolean isAllowed(Harvest harvest, TradePermissions tc) {
    if (!tc.maySell(harvest.account(), harvest.sold())) {
      return false;
    }
    for (RealizedLot r : harvest.sale().lots()) {
      if (!tc.maySellLot(r.lot())) {
        return false;
      }
    }
    return tc.mayBuy(harvest.account(), harvest.replacement());
  }

  /** Returns the harvest trades, and adds one explanation line per harvest or skip. */
  public static ImmutableList<Trade> trades(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      TradeConstraints tc, List<String> explanation) {
    return trades(h, m, asOf, rs, tc, explanation, TaxMemo.of(h, m, asOf));
  }

  /**
   * Returns the harvest trades, and adds one explanation line per harvest or skip, reusing the
   * harvests in {@code memo} (which must be {@code h}'s on {@code asOf}).
   */
  public static ImmutableList<Trade> trades(Household h, MarketData m, LocalDate asOf, RuleSet rs,
      TradeConstraints tc, List<String> explanation, TaxMemo memo) {
    List<Harvest> harvests = memo.isFor(h, m, asOf) ? memo.harvests(rs)
        : TaxMemo.of(h, m, asOf).harvests(rs);
    ImmutableList.Builder<Trade> out = ImmutableList.builder();
    for (Harvest harvest : harvests) {
      if (!isAllowed(harvest, tc)) {
        explanation.add("harvest of " + harvest.sold() + " in " + harvest.account()
            + " skipped: a restriction forbids the sale or the replacement "
            + harvest.replacement());
        continue;
      }
      Trade.Builder s = Trade.builder().account(harvest.account()).security(harvest.sold())
          .side(Side.SELL).quantity(harvest.sale().quantity())
          .estimatedPrice(m.prices().lookup(harvest.sold()).perUnit()).addReasonCodes("tax.harvest");
      for (RealizedLot r : harvest.sale().lots()) {
        s.addLots(new LotPick(r.lot(), r.quantity()));
      }
      out.add(s.build());
      UnitPrice price = m.prices().lookup(harvest.replacement()).perUnit();
      boolean fractional = h.findAccount(harvest.account()).map(Account::fractionalShares)
          .orElse(false);
      // a cent less than the proceeds: the buy's value rounds to cents once, not the share count
      Money proceeds = harvest.sale().proceeds().minus(Money.usd("0.01"));
      BigDecimal shares = proceeds.amount().divide(price.amount(), MathContext.DECIMAL128)
          .setScale(fractional ? Quantity.SCALE : 0, RoundingMode.DOWN);
      if (shares.signum() > 0) {
        out.add(Trade.builder().account(harvest.account()).security(harvest.replacement())
            .side(Side.BUY).quantity(Quantity.ofComputed(shares)).estimatedPrice(price)
            .addReasonCodes("tax.replacement").build());
      }
      explanation.add("harvest " + harvest.sold() + " in " + harvest.account() + ": loss "
          + harvest.loss() + " worth " + harvest.taxValue() + " in tax; replaced by "
          + harvest.replacement() + "; not bought back before " + harvest.repurchaseAllowedFrom());
    }
    return out.build();
  }
}
