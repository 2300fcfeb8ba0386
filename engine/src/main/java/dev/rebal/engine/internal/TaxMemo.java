package dev.rebal.engine.internal;

import dev.rebal.compliance.ConstraintCompiler;
import dev.rebal.compliance.TradePermissions;
import dev.rebal.core.household.Household;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.tax.harvest.Harvest;
import dev.rebal.tax.harvest.HarvestAppraisal;
import dev.rebal.tax.washsale.TaxConstraints;
import dev.rebal.tax.washsale.WashSaleAnalyzer;
import java.time.LocalDate;
import java.util.List;

/**
 * The tax module's results for one household on one date, computed at most once each: its wash-sale
 * constraints (no planned buys) and its harvests under a rule set. One decision creates one for the
 * household it decides and shares it between the assessment, the harvest stage and the problem
 * build, which would otherwise each compute the same thing. Not thread-safe: it lives inside one
 * call.
 */
public final class TaxMemo {
  private final Household household;
  private final MarketData market;
  private final LocalDate asOf;
  private TaxConstraints washSale;
  private List<Harvest> harvests;
  private List<HarvestAppraisal> appraisals;
  private List<dev.rebal.tax.harvest.HarvestSkip> givenUp;
  private RuleSet harvestsFor;
  private TradePermissions permissions;

  private TaxMemo(Household household, MarketData market, LocalDate asOf) {
    this.household = household;
    this.market = market;
    this.asOf = asOf;
  }

  /** Returns an empty memo for {@code household} on {@code asOf}. */
  public static TaxMemo of(Household household, MarketData market, LocalDate asOf) {
    return new TaxMemo(household, market, asOf);
  }

  /** Returns whether this memo is for exactly this household, market and date (same instances). */
  boolean isFor(Household h, MarketData m, LocalDate date) {
    return household == h && market == m && asOf.equals(date);
  }

  /**
   * Returns {@code WashSaleAnalyzer.standard().constraints(household, market, asOf, List.of())}.
   */
  public TaxConstraints washSale() {
    if (washSale == null) {
      washSale = WashSaleAnalyzer.standard().constraints(household, market, asOf, List.of());
    }
    return washSale;
  }

  /**
   * Returns the household's buy and sell permissions on the date ({@link
   * ConstraintCompiler#permissions}), built once.
   */
  TradePermissions permissions() {
    if (permissions == null) {
      permissions = ConstraintCompiler.standard().permissions(household, market, asOf);
    }
    return permissions;
  }

  /** Returns the lots that the household's harvests under {@code rs} would sell. */
  public java.util.Set<dev.rebal.core.household.LotId> harvestLots(RuleSet rs) {
    java.util.Set<dev.rebal.core.household.LotId> out = new java.util.TreeSet<>();
    for (Harvest h : harvests(rs)) {
      h.sale().lots().forEach(l -> out.add(l.lot()));
    }
    return out;
  }

  /**
   * Returns the losses of the harvests worth it under {@code rs} that compliance allows (sale and
   * replacement). Compliance is asked position by position ({@link TradePermissions}, the same
   * answers as the full compile), so this never pays for compiling the whole household.
   */
  public Money allowedHarvestLoss(RuleSet rs) {
    Money total = Money.ZERO_USD;
    for (Harvest harvest : harvests(rs)) {
      if (HarvestStage.isAllowed(harvest, permissions())) {
        total = total.plus(harvest.loss());
      }
    }
    return total;
  }

  /** Returns {@link HarvestStage#harvests} of the household under {@code rs}: those worth it. */
  List<Harvest> harvests(RuleSet rs) {
    appraisals(rs);
    return harvests;
  }

  /**
   * Returns the lots at a loss worth a harvest that were given up because their group is the
   * replacement another harvest under {@code rs} buys.
   */
  List<dev.rebal.tax.harvest.HarvestSkip> givenUp(RuleSet rs) {
    appraisals(rs);
    return givenUp;
  }

  /** Returns the appraisals of the household's harvests under {@code rs}, worth it or not. */
  List<HarvestAppraisal> appraisals(RuleSet rs) {
    if (appraisals == null || harvestsFor != rs) {
      HarvestStage.Appraised appraised =
          HarvestStage.appraise(household, market, asOf, rs, this::washSale);
      appraisals = appraised.appraisals();
      givenUp = appraised.givenUp();
      List<Harvest> worth = new java.util.ArrayList<>();
      appraisals.stream().filter(HarvestAppraisal::worthIt).forEach(a -> worth.add(a.harvest()));
      harvests = List.copyOf(worth);
      harvestsFor = rs;
    }
    return appraisals;
  }
}
