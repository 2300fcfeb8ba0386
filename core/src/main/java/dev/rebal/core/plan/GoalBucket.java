package dev.rebal.core.plan;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.allocation.TargetAllocation;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Money;
import dev.rebal.core.money.Weight;
import dev.rebal.core.valuation.ClassDrift;
import java.util.List;
import java.util.SortedMap;

/**
 * One goal bucket of a household: a part of its value that is managed to one target and whose drift
 * can be tracked on its own ({@code docs/goals.md}, "Goal buckets").
 *
 * <p>A goal funded by whole accounts has its own bucket, with the goal's id: those accounts (an
 * account listed by k goals gives 1/k of its value, class by class, to each). The value in no
 * goal-listed account is the {@linkplain #SHARED_POOL shared pool}, managed to the blend of the
 * share-funded parts of goals and the unassigned value at the household's static target. Bucket
 * values add up to the household's value.
 *
 * <p>Drift is per asset class, as for the household: actual weight within the bucket minus the
 * target weight, with the target's bands; a class held in the bucket but not targeted has target
 * and band zero. This record is immutable and thread-safe.
 *
 * @param id the goal's id for an account-funded bucket, {@link #SHARED_POOL} for the pool
 * @param goals the goals the bucket funds: the one goal, or (for the pool) the goals with a funding
 *     share, in the household's goal order
 * @param accountShares the share of each account's value in the bucket, by account id: 1 divided by
 *     the number of goals listing it (10 places; values use the exact fraction), or 1 for the
 *     pool's accounts
 * @param value the bucket's value, cash included
 * @param target the allocation the bucket is managed to
 * @param drift the drift of each asset class, sorted by class
 */
public record GoalBucket(
    String id,
    List<GoalId> goals,
    SortedMap<AccountId, Weight> accountShares,
    Money value,
    TargetAllocation target,
    List<ClassDrift> drift) {
  /** The id of the shared pool bucket. */
  public static final String SHARED_POOL = "shared-pool";

  /**
   * Checks that no component is null and the id is not blank.
   *
   * @param id the goal's id for an account-funded bucket, {@link #SHARED_POOL} for the pool
   * @param goals the goals the bucket funds: the one goal, or (for the pool) the goals with a
   *     funding share, in the household's goal order
   * @param accountShares the share of each account's value in the bucket, by account id: 1 divided
   *     by the number of goals listing it (10 places; values use the exact fraction), or 1 for the
   *     pool's accounts
   * @param value the bucket's value, cash included
   * @param target the allocation the bucket is managed to
   * @param drift the drift of each asset class, sorted by class
   */
  public GoalBucket {
    Checks.notBlank(id, "id");
    Checks.notNull(goals, "goals");
    goals = ImmutableList.copyOf(goals);
    Checks.notNull(accountShares, "accountShares");
    accountShares = ImmutableSortedMap.copyOf(accountShares);
    Checks.notNull(value, "value");
    Checks.notNull(target, "target");
    Checks.notNull(drift, "drift");
    drift = ImmutableList.copyOf(drift);
  }

  /** {@return whether this is the shared pool rather than an account-funded goal's bucket} */
  public boolean isSharedPool() {
    return SHARED_POOL.equals(id);
  }

  /** {@return the classes outside their band, sorted by class} */
  public ImmutableList<ClassDrift> outOfBand() {
    return drift.stream().filter(ClassDrift::isOutOfBand).collect(ImmutableList.toImmutableList());
  }
}
