package dev.rebal.engine.internal;

import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.tax.harvest.Harvest;
import dev.rebal.tax.harvest.HarvestAppraisal;
import dev.rebal.tax.harvest.HarvestGate;
import dev.rebal.tax.harvest.HarvestPolicy;
import dev.rebal.tax.harvest.HarvestScan;
import dev.rebal.tax.harvest.HarvestSkip;
import dev.rebal.tax.harvest.LossHarvester;
import dev.rebal.tax.lots.RealizedLot;
import dev.rebal.tax.washsale.TaxConstraints;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * The tax module's harvests for a tax-triggered rebalance: which losses reach the rule set's
 * thresholds, which of those are worth harvesting ({@link HarvestGate}: the saving, discounted to
 * when the household can use it, against the later tax on the replacement's lower basis and the
 * trading), and whether compliance allows both the sale and the replacement. The household problem
 * marks the lots of the allowed ones harvestable (docs/optimizer.md §3); the assessment counts
 * their losses for the tax trigger.
 */
public final class HarvestStage {
  private HarvestStage() {}

  /** Returns the harvests of {@code h} worth taking under {@code rs} (before compliance). */
  public static List<Harvest> harvests(Household h, MarketData m, LocalDate asOf, RuleSet rs) {
    return TaxMemo.of(h, m, asOf).harvests(rs);
  }

  /**
   * The appraisals of a household's harvests, worth it or not, ordered by account and security, and
   * the lots given up as another harvest's replacement ({@code harvest.replacement-group}) in the
   * final scan.
   */
  record Appraised(List<HarvestAppraisal> appraisals, List<HarvestSkip> givenUp) {}

  /**
   * Returns the appraisal of each harvest of {@code h} above {@code rs}'s loss thresholds, worth it
   * or not ({@link HarvestGate}); {@code washSale} gives its wash-sale constraints, asked for only
   * when some lot is at a large enough loss. A harvest the gate declines gives back the replacement
   * group it took, and the scan is run again without its lots: when every fund of a class is at a
   * loss, a large long-term loss the household's carryforwards make worthless must not keep a
   * smaller short-term loss worth harvesting from its only replacement. The gate weighs each
   * harvest alone, so a declined harvest's appraisal is the same in every pass.
   */
  static Appraised appraise(
      Household h, MarketData m, LocalDate asOf, RuleSet rs, Supplier<TaxConstraints> washSale) {
    HarvestPolicy policy =
        HarvestPolicy.of(
            Params.decimal(rs, "harvest.min-loss", "1000").toPlainString(),
            Params.decimal(rs, "harvest.min-loss-percent", "12").toPlainString());
    HarvestGate gate = gate(rs);
    Set<LotId> declinedLots = new TreeSet<>();
    List<HarvestAppraisal> declined = new ArrayList<>();
    while (true) {
      HarvestScan scan = LossHarvester.standard().scan(h, m, asOf, policy, washSale, declinedLots);
      List<HarvestAppraisal> appraised =
          gate.appraise(notCash(m, scan.harvests()), h.taxProfile(), asOf);
      List<HarvestAppraisal> newlyDeclined = appraised.stream().filter(a -> !a.worthIt()).toList();
      if (newlyDeclined.isEmpty()) {
        List<HarvestAppraisal> out = new ArrayList<>(appraised);
        out.addAll(declined);
        out.sort(
            Comparator.comparing((HarvestAppraisal a) -> a.harvest().account().value())
                .thenComparing(a -> a.harvest().sold().value()));
        List<HarvestSkip> givenUp =
            scan.skipped().stream()
                .filter(s -> s.code().equals("harvest.replacement-group"))
                .toList();
        return new Appraised(List.copyOf(out), givenUp);
      }
      declined.addAll(newlyDeclined);
      newlyDeclined.forEach(a -> a.harvest().sale().lots().forEach(l -> declinedLots.add(l.lot())));
    }
  }

  /** The harvests that do not sell a cash equivalent. */
  private static List<Harvest> notCash(MarketData m, List<Harvest> harvests) {
    List<Harvest> found = new ArrayList<>();
    for (Harvest harvest : harvests) {
      // cash equivalents count as account cash: the household problem sells one only to raise
      // cash, so a loss on one is not a harvest it would take (it fired the tax trigger every
      // month)
      if (!m.lookupSecurity(harvest.sold())
          .assetClass()
          .equals(dev.rebal.core.valuation.HouseholdValuation.CASH)) {
        found.add(harvest);
      }
    }
    return found;
  }

  /** Returns the rule set's harvest gate ({@code harvest.margin-bps}, {@code tax.*}). */
  static HarvestGate gate(RuleSet rs) {
    return HarvestGate.of(
        Params.taxTiming(rs),
        Params.decimal(rs, "optimizer.transaction-cost-bps", "5"),
        Params.decimal(rs, "harvest.margin-bps", "25"));
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
}
