package dev.rebal.engine.internal;

import dev.rebal.core.assess.ProposalImpact;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.security.SecurityKind;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.tax.TaxRates;
import dev.rebal.tax.Term;
import dev.rebal.tax.gains.TaxCalculator;
import dev.rebal.tax.lots.LotSelector;
import dev.rebal.tax.lots.RealizedLot;
import dev.rebal.tax.lots.Sale;
import dev.rebal.tax.lots.SaleRequest;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Measures a proposal for routing: turnover, the largest trade (gifts in kind count in neither, and
 * realize no gain; their value is reported apart), gains realized in taxable accounts (with the
 * lots the sells name), the tax they cost at the household's rates after netting with the year so
 * far, losses harvested, restricted securities traded ({@link RestrictedActivity}), and the largest
 * change in a single stock issuer's share of the household.
 */
public final class ImpactCalculator {
  private ImpactCalculator() {}

  /** Measures {@code trades} against {@code h}; {@code violations} come from the verifier. */
  public static ProposalImpact measure(
      Household h,
      MarketData m,
      LocalDate asOf,
      HouseholdValuation valuation,
      List<Trade> trades,
      List<String> violations) {
    return measure(h, m, asOf, valuation, trades, violations, List.of(), List.of());
  }

  /**
   * Measures as {@link #measure(Household, MarketData, LocalDate, HouseholdValuation, List, List)}
   * does, with the verifier's pre-existing breaches and the goals the proposal leaves unmet.
   */
  public static ProposalImpact measure(
      Household h,
      MarketData m,
      LocalDate asOf,
      HouseholdValuation valuation,
      List<Trade> trades,
      List<String> violations,
      List<String> preExisting,
      List<dev.rebal.core.assess.UnmetGoal> unmet) {
    ProposalImpact.Builder out =
        ProposalImpact.builder()
            .addAllViolations(violations)
            .addAllPreExisting(preExisting)
            .addAllUnmetGoals(unmet);
    Money total = valuation.total();
    Money traded = Money.ZERO_USD;
    Money largest = Money.ZERO_USD;
    List<RealizedLot> realized = new ArrayList<>();
    Map<String, Money> issuerDelta = new TreeMap<>();
    Set<String> touched = new TreeSet<>();
    Set<String> reduced = new TreeSet<>();
    Money gifted = Money.ZERO_USD;
    Map<Position, List<TaxLot>> lotsByPosition = null;
    for (Trade t : trades) {
      Money value = t.estimatedValue();
      if (t.side() == Side.GIFT) {
        // a transfer in kind: no order, no turnover, no gain realized; its value is reported
        gifted = gifted.plus(value);
      } else {
        traded = traded.plus(value);
        largest = largest.max(value);
      }
      Security sec = m.lookupSecurity(t.security());
      if (sec.kind() == SecurityKind.EQUITY) {
        issuerDelta.merge(
            sec.issuer(), t.side() == Side.BUY ? value : value.negated(), Money::plus);
      }
      switch (RestrictedActivity.of(h, sec, t.side(), asOf)) {
        case REVIEWED -> touched.add(t.security().value());
        case REDUCED -> reduced.add(t.security().value());
        case NONE -> {}
      }
      Optional<Account> account = h.findAccount(t.account());
      if (t.side() == Side.SELL
          && !t.lots().isEmpty()
          && account.isPresent()
          && account.get().treatment() == TaxTreatment.TAXABLE) {
        if (lotsByPosition == null) {
          lotsByPosition = lotsByPosition(h);
        }
        List<TaxLot> lots =
            lotsByPosition.getOrDefault(new Position(t.account(), t.security()), List.of());
        Sale sale =
            LotSelector.standard()
                .selectSpecific(
                    SaleRequest.of(
                        lots, t.quantity(), t.estimatedPrice(), asOf, TaxRates.of(h.taxProfile())),
                    t.lots());
        realized.addAll(sale.lots());
      }
    }
    Money gain = Money.ZERO_USD;
    Money shortTerm = Money.ZERO_USD;
    Money harvested = Money.ZERO_USD;
    for (RealizedLot r : realized) {
      gain = gain.plus(r.gain());
      if (r.term() == Term.SHORT) {
        shortTerm = shortTerm.plus(r.gain());
      }
      if (r.gain().isNegative()) {
        harvested = harvested.minus(r.gain());
      }
    }
    Money tax =
        realized.isEmpty()
            ? Money.ZERO_USD
            : TaxCalculator.standard().taxCost(h.taxProfile(), realized).max(Money.ZERO_USD);
    reduced.removeAll(touched);
    Set<String> reducedIssuers = new TreeSet<>();
    for (String id : reduced) {
      reducedIssuers.add(m.lookupSecurity(SecurityId.of(id)).issuer());
    }
    Weight shift = Weight.ZERO;
    if (total.isPositive()) {
      for (Map.Entry<String, Money> e : issuerDelta.entrySet()) {
        Money delta = e.getValue();
        if (delta.isNegative() && reducedIssuers.contains(e.getKey())) {
          continue; // a sale the household's own exclusion or cap asks for
        }
        Weight w =
            Weight.ofComputed(
                delta.abs().amount().divide(total.amount(), Weight.SCALE, RoundingMode.HALF_EVEN));
        shift = w.compareTo(shift) > 0 ? w : shift;
      }
    }
    Weight turnover =
        total.isPositive()
            ? Weight.ofComputed(
                traded.amount().divide(total.amount(), Weight.SCALE, RoundingMode.HALF_EVEN))
            : Weight.ZERO;
    return out.turnover(turnover)
        .largestTrade(largest)
        .realizedGain(gain)
        .shortTermGain(shortTerm.max(Money.ZERO_USD))
        .taxCost(tax)
        .harvestedLoss(harvested)
        .addAllRestrictedTouched(touched)
        .addAllRestrictedReduced(reduced)
        .concentrationShift(shift)
        .giftedValue(gifted)
        .build();
  }

  /** The household's lots by position, each list in household order. */
  private static Map<Position, List<TaxLot>> lotsByPosition(Household h) {
    Map<Position, List<TaxLot>> out = new HashMap<>();
    for (TaxLot lot : h.lots()) {
      out.computeIfAbsent(new Position(lot.account(), lot.security()), k -> new ArrayList<>())
          .add(lot);
    }
    return out;
  }

  /** A position's account and security, as a hash key. */
  private record Position(AccountId account, SecurityId security) {}

  /**
   * Returns the lots of {@code h}'s taxable accounts that are at a loss at today's prices: the lots
   * whose sale realizes a loss (a harvest's, when the tax trigger fired).
   */
  public static Set<LotId> lossLots(Household h, MarketData m) {
    Set<LotId> out = new TreeSet<>();
    Set<AccountId> taxable = new TreeSet<>();
    for (Account a : h.accounts()) {
      if (a.treatment() == TaxTreatment.TAXABLE) {
        taxable.add(a.id());
      }
    }
    for (TaxLot lot : h.lots()) {
      if (!taxable.contains(lot.account())) {
        continue; // a sale in a tax-deferred or tax-free account realizes no loss
      }
      m.prices()
          .find(lot.security())
          .ifPresent(
              p -> {
                if (p.perUnit().times(lot.quantity()).compareTo(lot.costBasis()) < 0) {
                  out.add(lot.id());
                }
              });
    }
    return out;
  }
}
