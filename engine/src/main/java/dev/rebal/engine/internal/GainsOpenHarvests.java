package dev.rebal.engine.internal;

import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxProfile;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.rule.Finding;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.trade.Proposal;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.ProposalExecutor;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Harvests that the gains a proposal realizes make worth it. The harvest gate weighs a loss against
 * the gains of the year, so a proposal that realizes a net gain (a sale over a concentration cap, a
 * class trimmed at a gain) can make a harvest worth it that was not before; the next day's run
 * would find it. The engine asks here after its first solve and, when more is harvestable with the
 * proposal's gains than without, solves once more in harvest mode with the returned memo, so the
 * losses are harvested in the same proposal (docs/tax.md, "Harvest only when it pays"). Stateless.
 */
public final class GainsOpenHarvests {
  private GainsOpenHarvests() {}

  /**
   * The harvests a proposal's gains open.
   *
   * @param memo the tax memo of the household with the proposal's gains in its year, for the second
   *     solve's harvest appraisals
   * @param harvestable the losses harvestable with those gains
   * @param gain the net gain the proposal realizes in taxable accounts
   */
  public record Opened(TaxMemo memo, Money harvestable, Money gain) {
    /** {@return the finding that explains the second solve} */
    public Finding trigger() {
      return new Finding(
          "trigger.tax.harvest",
          "harvestable losses "
              + harvestable
              + " against the gains this proposal realizes ("
              + gain
              + ")");
    }
  }

  /**
   * Returns the harvests {@code trades} open: present when the trades realize a net gain in taxable
   * accounts and more losses are harvestable with it in the year than {@code memo} finds
   * harvestable now ({@code harvesting}: the first solve harvested already; otherwise nothing was).
   */
  public static Optional<Opened> find(
      Household household,
      List<Trade> trades,
      MarketData m,
      LocalDate asOf,
      RuleSet rs,
      TaxMemo memo,
      boolean harvesting) {
    boolean taxableSale =
        trades.stream()
            .anyMatch(
                t ->
                    t.side() == Side.SELL
                        && household
                            .findAccount(t.account())
                            .map(a -> a.treatment() == TaxTreatment.TAXABLE)
                            .orElse(false));
    if (!taxableSale) {
      return Optional.empty();
    }
    TaxProfile after =
        ProposalExecutor.apply(
                household,
                Proposal.builder()
                    .household(household.id())
                    .asOf(asOf)
                    .addAllTrades(trades)
                    .build())
            .taxProfile();
    Money gain = netRealized(after).minus(netRealized(household.taxProfile()));
    if (!gain.isPositive()) {
      return Optional.empty();
    }
    TaxMemo gained = TaxMemo.of(household.withTaxProfile(after), m, asOf);
    Money harvestable = gained.allowedHarvestLoss(rs);
    Money before = harvesting ? memo.allowedHarvestLoss(rs) : Money.ZERO_USD;
    return harvestable.compareTo(before) > 0
        ? Optional.of(new Opened(gained, harvestable, gain))
        : Optional.empty();
  }

  private static Money netRealized(TaxProfile p) {
    return p.realizedShortTermYtd().plus(p.realizedLongTermYtd());
  }
}
