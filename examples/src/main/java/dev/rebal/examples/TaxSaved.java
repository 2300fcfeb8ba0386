package dev.rebal.examples;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.LotId;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.money.Money;
import dev.rebal.core.trade.LotPick;
import dev.rebal.core.trade.Side;
import dev.rebal.core.trade.Trade;
import dev.rebal.engine.Decision;
import dev.rebal.tax.HoldingPeriod;
import dev.rebal.tax.TaxRates;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * The estimated tax a proposal's realized losses save: each lot sold at a loss in a taxable
 * account, its loss times the household's marginal rate for the lot's term (short or long), before
 * netting against gains and without the annual limit on deducting a net loss. This is the tax value
 * docs/tax.md gives a harvest, applied to the lots the proposal actually sells; the report shows it
 * beside the losses harvested.
 */
final class TaxSaved {
  private TaxSaved() {}

  /** Returns the tax saved by {@code d}'s losses for household {@code h} sold on {@code asOf}. */
  static Money of(Household h, Decision d, LocalDate asOf) {
    Map<LotId, TaxLot> lots = new HashMap<>();
    h.lots().forEach(l -> lots.put(l.id(), l));
    Map<String, TaxTreatment> treatment = new HashMap<>();
    for (Account a : h.accounts()) {
      treatment.put(a.id().value(), a.treatment());
    }
    TaxRates rates = TaxRates.of(h.taxProfile());
    BigDecimal saved = BigDecimal.ZERO;
    for (Trade t : d.proposal().trades()) {
      if (t.side() != Side.SELL || treatment.get(t.account().value()) != TaxTreatment.TAXABLE) {
        continue;
      }
      for (LotPick p : t.lots()) {
        TaxLot lot = lots.get(p.lot());
        if (lot == null || !lot.basisKnown()) {
          continue;
        }
        BigDecimal q = p.quantity().value();
        BigDecimal gain = t.estimatedPrice().amount().subtract(lot.basisPerShare()).multiply(q);
        if (gain.signum() < 0) {
          saved =
              saved.add(
                  gain.negate().multiply(rates.rateOf(HoldingPeriod.termOf(lot, asOf)).value()));
        }
      }
    }
    return Money.ofComputed(Money.USD, saved);
  }
}
