package dev.rebal.engine.internal;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.outlook.CapitalMarketAssumptions;
import dev.rebal.core.outlook.ClassAssumption;
import dev.rebal.core.security.AssetClass;
import dev.rebal.core.security.TaxCharacter;
import dev.rebal.core.valuation.HouseholdValuation;
import dev.rebal.optimizer.LocationCost;
import dev.rebal.tax.TaxRates;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The household's asset-location costs: for each tradable account and asset class, the yearly tax
 * drag of the class's income in that account, less the drag in the household's best kind of account
 * for the class, times {@code optimizer.location-years}.
 *
 * <p>The drag of a dollar of class {@code c} (yield {@code y}, tax character from the capital
 * market assumptions) is, in a taxable account, {@code y} times the household's ordinary rate for
 * {@code ORDINARY} income (bond coupons, REIT distributions, cash), its long-term rate for {@code
 * QUALIFIED} dividends, nothing for {@code TAX_EXEMPT} (municipal) interest; in a tax-deferred or
 * tax-exempt account it is nothing, except for municipal interest, whose exemption is wasted there:
 * {@code y} times the ordinary rate (the yield a taxable bond pays over it, roughly). Gains are not
 * counted: they are deferred until sold in a taxable account too. Tax-deferred and tax-exempt
 * accounts are treated alike (per after-tax dollar they are the same; Reichenstein, Financial
 * Analysts Journal 2007). A donor-advised fund is the worst place for every class, the larger of
 * the two drags: its growth is the charity's, so the household gains nothing from holding a class
 * there, moving its bonds into the fund to hold stocks in its own accounts would shift risk from
 * the charity to the client rather than save tax, and municipal bonds there would give up yield for
 * an exemption no one uses. Sources and the worked figures are in docs/optimizer.md, "Asset
 * location".
 */
final class AssetLocation {
  private AssetLocation() {}

  /**
   * Returns the positive costs of {@code h}'s tradable accounts for {@code classes} (cash has none:
   * it is not located), with {@code years} of drag; none when every tradable account has one
   * treatment.
   */
  static List<LocationCost> costs(
      Household h, Set<AssetClass> classes, CapitalMarketAssumptions cma, BigDecimal years) {
    List<LocationCost> out = new ArrayList<>();
    if (!applies(h, years)) {
      return out;
    }
    TaxRates rates = TaxRates.of(h.taxProfile());
    for (AssetClass c : classes) {
      Optional<ClassAssumption> assumption = cma.find(c);
      if (c.equals(HouseholdValuation.CASH) || assumption.isEmpty()) {
        continue;
      }
      BigDecimal taxable = drag(assumption.get(), TaxTreatment.TAXABLE, rates);
      BigDecimal shelteredDrag = drag(assumption.get(), TaxTreatment.TAX_DEFERRED, rates);
      BigDecimal best = taxable.min(shelteredDrag);
      for (Account a : h.accounts()) {
        if (!a.tradable() || a.heldAway()) {
          continue;
        }
        BigDecimal here =
            a.type().isCharitable()
                ? taxable.max(shelteredDrag)
                : sheltered(a.treatment()) ? shelteredDrag : taxable;
        BigDecimal cost = here.subtract(best).multiply(years).setScale(8, RoundingMode.HALF_EVEN);
        if (cost.signum() > 0) {
          out.add(new LocationCost(a.id(), c, cost));
        }
      }
    }
    return out;
  }

  /**
   * Returns whether location costs anything in {@code h}: {@code years} is positive and its
   * tradable accounts are of more than one kind (taxable, sheltered, charitable), so a class can
   * move to where it costs less.
   */
  static boolean applies(Household h, BigDecimal years) {
    if (years.signum() <= 0) {
      return false;
    }
    // the kinds of location: taxable, sheltered, charitable
    Set<String> kinds = new java.util.TreeSet<>();
    for (Account a : h.accounts()) {
      if (a.tradable() && !a.heldAway()) {
        kinds.add(
            a.type().isCharitable()
                ? "charitable"
                : sheltered(a.treatment()) ? "sheltered" : "taxable");
      }
    }
    return kinds.size() > 1;
  }

  /** The yearly drag of a dollar of a class with {@code a}'s income in an account of {@code t}. */
  static BigDecimal drag(ClassAssumption a, TaxTreatment t, TaxRates rates) {
    TaxCharacter character = a.taxCharacter();
    if (sheltered(t)) {
      return character == TaxCharacter.TAX_EXEMPT
          ? a.yield().multiply(rates.shortTerm().value())
          : BigDecimal.ZERO;
    }
    return switch (character) {
      case ORDINARY -> a.yield().multiply(rates.shortTerm().value());
      case QUALIFIED -> a.yield().multiply(rates.longTerm().value());
      case TAX_EXEMPT -> BigDecimal.ZERO;
    };
  }

  private static boolean sheltered(TaxTreatment t) {
    return t != TaxTreatment.TAXABLE;
  }
}
