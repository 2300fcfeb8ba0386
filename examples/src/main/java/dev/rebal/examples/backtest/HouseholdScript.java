package dev.rebal.examples.backtest;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.Firmness;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalKind;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.goal.LiquidityEventId;
import dev.rebal.core.goal.LiquidityKind;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxTreatment;
import dev.rebal.core.money.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One household's cash-flow script, the same for every policy: a monthly contribution, and dated
 * liquidity events with the date each is announced.
 *
 * <p>Events: the needs and inflows the generator gave the household, each capped at 25% of the
 * starting managed wealth (the generator's home-sale inflows reach $18M whatever the household's
 * size), announced at the start; charitable gifts are left out (an in-kind gift of shares is not
 * simulated); for each education or home-purchase goal due within the run, a committed need on its
 * date of the smaller of the goal's amount and 25% of the starting managed wealth, announced 180
 * days ahead; and, per year, a committed need of 3-8% of the starting managed wealth with
 * probability 25% (announced 120 days ahead) and an expected inflow of 5-10% with probability 10%
 * (announced 60 days ahead). The contribution is 3% a year of the starting managed wealth, paid
 * monthly into the first managed taxable account (else the first managed account).
 */
final class HouseholdScript {
  /** An event and the date the household learns of it. */
  record Scheduled(LiquidityEvent event, LocalDate announced) {}

  private final Optional<AccountId> contributionAccount;
  private final Money monthlyContribution;
  private final ImmutableList<Scheduled> events;

  private HouseholdScript(
      Optional<AccountId> contributionAccount, Money monthlyContribution, List<Scheduled> events) {
    this.contributionAccount = contributionAccount;
    this.monthlyContribution = monthlyContribution;
    this.events = ImmutableList.copyOf(events);
  }

  static HouseholdScript of(
      Household h, BigDecimal startWealth, LocalDate start, LocalDate end, long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    Optional<AccountId> target = Optional.empty();
    for (Account a : h.accounts()) {
      if (HouseholdSimulation.managed(a) && a.treatment() == TaxTreatment.TAXABLE) {
        target = Optional.of(a.id());
        break;
      }
    }
    if (target.isEmpty()) {
      target =
          h.accounts().stream().filter(HouseholdSimulation::managed).map(Account::id).findFirst();
    }
    Money monthly =
        target.isEmpty() ? Money.ZERO_USD : cents(startWealth.multiply(new BigDecimal("0.0025")));
    List<Scheduled> out = new ArrayList<>();
    Money cap = cents(startWealth.multiply(new BigDecimal("0.25")));
    for (LiquidityEvent e : h.liquidityEvents()) {
      if (e.kind() != LiquidityKind.GIFT && e.date().isAfter(start) && !e.date().isAfter(end)) {
        LiquidityEvent.Builder b =
            LiquidityEvent.builder()
                .id(e.id())
                .kind(e.kind())
                .amount(e.amount().min(cap))
                .date(e.date())
                .firmness(e.firmness())
                .description(e.description());
        e.account().ifPresent(b::account);
        out.add(new Scheduled(b.build(), start));
      }
    }
    int n = 0;
    for (Goal g : h.goals()) {
      if ((g.kind() == GoalKind.EDUCATION || g.kind() == GoalKind.HOME_PURCHASE)
          && g.targetDate().isAfter(start)
          && !g.targetDate().isAfter(end)) {
        Money amount = g.targetAmount().min(cap);
        if (amount.isPositive()) {
          out.add(
              new Scheduled(
                  LiquidityEvent.builder()
                      .id(LiquidityEventId.of("SIM-G" + (++n)))
                      .kind(LiquidityKind.NEED)
                      .firmness(Firmness.COMMITTED)
                      .amount(amount)
                      .date(g.targetDate())
                      .description(g.name() + " spending")
                      .build(),
                  max(start, g.targetDate().minusDays(180))));
        }
      }
    }
    long days = java.time.temporal.ChronoUnit.DAYS.between(start, end);
    for (int y = 0; y * 365L < days; y++) {
      boolean need = rnd.nextInt(100) < 25;
      int needPct = 3 + rnd.nextInt(6);
      long needDay = 30 + y * 365L + rnd.nextInt(365);
      boolean inflow = rnd.nextInt(100) < 10;
      int inflowPct = 5 + rnd.nextInt(6);
      long inflowDay = 30 + y * 365L + rnd.nextInt(365);
      if (need && needDay <= days) {
        LocalDate date = start.plusDays(needDay);
        out.add(
            new Scheduled(
                LiquidityEvent.builder()
                    .id(LiquidityEventId.of("SIM-N" + (++n)))
                    .kind(LiquidityKind.NEED)
                    .firmness(Firmness.COMMITTED)
                    .amount(cents(startWealth.multiply(BigDecimal.valueOf(needPct, 2))))
                    .date(date)
                    .description("Planned withdrawal")
                    .build(),
                max(start, date.minusDays(120))));
      }
      if (inflow && inflowDay <= days) {
        LocalDate date = start.plusDays(inflowDay);
        out.add(
            new Scheduled(
                LiquidityEvent.builder()
                    .id(LiquidityEventId.of("SIM-I" + (++n)))
                    .kind(LiquidityKind.INFLOW)
                    .firmness(Firmness.EXPECTED)
                    .amount(cents(startWealth.multiply(BigDecimal.valueOf(inflowPct, 2))))
                    .date(date)
                    .description("Bonus")
                    .build(),
                max(start, date.minusDays(60))));
      }
    }
    out.removeIf(s -> !s.event().amount().isPositive());
    out.sort(
        Comparator.comparing((Scheduled s) -> s.event().date())
            .thenComparing(s -> s.event().id().value()));
    return new HouseholdScript(target, monthly, out);
  }

  Optional<AccountId> contributionAccount() {
    return contributionAccount;
  }

  Money monthlyContribution() {
    return monthlyContribution;
  }

  ImmutableList<Scheduled> events() {
    return events;
  }

  private static LocalDate max(LocalDate a, LocalDate b) {
    return a.isAfter(b) ? a : b;
  }

  static Money cents(BigDecimal amount) {
    return Money.usd(amount.setScale(2, RoundingMode.HALF_EVEN));
  }
}
