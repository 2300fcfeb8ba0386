package dev.rebal.core.rule.builtin;

import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.money.Money;
import dev.rebal.core.restriction.AccountFreeze;
import dev.rebal.core.restriction.BlackoutWindow;
import dev.rebal.core.restriction.ConcentrationCap;
import dev.rebal.core.restriction.DoNotSell;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.rule.Rule;
import dev.rebal.core.rule.RuleContext;
import dev.rebal.core.rule.RuleOutcome;
import dev.rebal.core.rule.Stage;
import dev.rebal.core.security.Security;
import dev.rebal.core.security.SecurityId;
import dev.rebal.core.valuation.HouseholdValuation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Fires when a holding is above its concentration cap by at least {@code trigger.concentration.min}
 * dollars that the household may sell: in a tradable account not frozen, not under a do-not-sell,
 * its issuer not in a blackout. A breach nothing can be sold against (a stock held until its cliff)
 * does not fire every night; the optimizer reports it as an unmet goal whenever another trigger
 * runs the household.
 */
final class ConcentrationTrigger implements Rule {
  @Override
  public String id() {
    return "trigger.concentration";
  }

  @Override
  public Stage stage() {
    return Stage.TRIGGER;
  }

  @Override
  public RuleOutcome evaluate(RuleContext context) {
    BigDecimal min = context.param("trigger.concentration.min", "1000");
    Household h = context.household();
    LocalDate asOf = context.asOf();
    HouseholdValuation valuation = context.assessment().valuation();
    Money total = valuation.total();
    List<String> breaches = new ArrayList<>();
    for (Restriction r : h.restrictions()) {
      if (!(r instanceof ConcentrationCap cap) || !r.isInEffect(asOf)) {
        continue;
      }
      Money held = Money.zero(total.currency());
      Money sellable = Money.zero(total.currency());
      for (Map.Entry<AccountId, ? extends Map<SecurityId, Money>> account :
          valuation.positionValues().entrySet()) {
        for (Map.Entry<SecurityId, Money> position : account.getValue().entrySet()) {
          Security sec = context.marketData().lookupSecurity(position.getKey());
          if (!cap.scope().matches(sec)) {
            continue;
          }
          held = held.plus(position.getValue());
          if (maySell(h, account.getKey(), sec, asOf)) {
            sellable = sellable.plus(position.getValue());
          }
        }
      }
      Money excess = held.minus(total.multipliedBy(cap.maxWeight().value()));
      if (excess.min(sellable).amount().compareTo(min) >= 0) {
        breaches.add(
            cap.scope()
                + " "
                + held
                + " above its cap "
                + cap.maxWeight()
                + " by "
                + excess
                + " ("
                + cap.id()
                + ")");
      }
    }
    return breaches.isEmpty()
        ? RuleOutcome.pass()
        : RuleOutcome.found("trigger.concentration", "above cap: " + String.join("; ", breaches));
  }

  /** Whether the household may sell {@code sec} in {@code accountId} today. */
  private static boolean maySell(Household h, AccountId accountId, Security sec, LocalDate asOf) {
    if (!h.findAccount(accountId).map(Account::tradable).orElse(false)) {
      return false;
    }
    for (Restriction r : h.restrictions()) {
      if (!r.isInEffect(asOf)) {
        continue;
      }
      if (r instanceof AccountFreeze f && f.account().equals(accountId)
          || r instanceof BlackoutWindow b && b.issuer().equals(sec.issuer())
          || r instanceof DoNotSell d
              && d.scope().matches(sec)
              && (d.accounts().isEmpty() || d.accounts().contains(accountId))) {
        return false;
      }
    }
    return true;
  }
}
