package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.Household;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The goal buckets whose own drift Rebal watches, the same for {@code trigger.goal-bucket} and the
 * optimizer's bucket rows: funded by accounts, worth at least a minimum, with a tradable account,
 * and funding a goal due within a horizon. A near goal (tuition in two years, a house) has sequence
 * risk of its own, so its money follows its glide path; a distant one (retirement in twenty years)
 * is served by the household's allocation, and holding its accounts to their own target would only
 * relocate assets between accounts at a tax cost (docs/rules.md).
 */
public final class WatchedBuckets {
  private WatchedBuckets() {}

  /**
   * {@return the buckets of {@code plan} to watch for {@code household} on {@code asOf}}
   *
   * @param minValue the smallest bucket value watched, in dollars
   * @param horizonDays the days ahead within which one of the bucket's goals must be due
   * @param household the household
   * @param plan its plan
   * @param asOf the as-of date
   */
  public static ImmutableList<GoalBucket> of(
      Household household,
      HouseholdPlan plan,
      LocalDate asOf,
      BigDecimal minValue,
      long horizonDays) {
    Set<AccountId> tradable = new HashSet<>();
    for (Account a : household.accounts()) {
      if (a.tradable() && !a.heldAway()) {
        tradable.add(a.id());
      }
    }
    LocalDate horizonEnd = asOf.plusDays(horizonDays);
    ImmutableList.Builder<GoalBucket> out = ImmutableList.builder();
    for (GoalBucket b : plan.accountFundedBuckets()) {
      if (b.value().amount().compareTo(minValue) >= 0
          && b.accountShares().keySet().stream().anyMatch(tradable::contains)
          && dueWithin(household, b.goals(), horizonEnd)) {
        out.add(b);
      }
    }
    return out.build();
  }

  private static boolean dueWithin(Household household, List<GoalId> goals, LocalDate horizonEnd) {
    for (Goal g : household.goals()) {
      if (goals.contains(g.id()) && !g.targetDate().isAfter(horizonEnd)) {
        return true;
      }
    }
    return false;
  }
}
