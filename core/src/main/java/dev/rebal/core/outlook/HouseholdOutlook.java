package dev.rebal.core.outlook;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.rebal.core.goal.GoalId;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.internal.Checks;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;

/**
 * A household's goal outlook on an as-of date: one {@link GoalOdds} per goal that could be
 * assessed, in the household's goal order, and the reason for each goal that could not (a
 * glide-path class without assumptions). It names the assumptions used (their label and hash), the
 * number of paths and the seed, so a reviewer or auditor can reproduce it. This record is immutable
 * and thread-safe.
 *
 * @param household the household's id
 * @param asOf the as-of date
 * @param assumptions the assumptions' label, {@link CapitalMarketAssumptions#label()}
 * @param assumptionsHash the assumptions' content hash
 * @param paths the number of simulated paths
 * @param seed the seed, derived from the household id, the as-of date and the assumptions' hash
 * @param goals the goals assessed, in the household's goal order
 * @param unassessed why each other goal could not be assessed, by goal id
 */
public record HouseholdOutlook(
    HouseholdId household,
    LocalDate asOf,
    String assumptions,
    String assumptionsHash,
    int paths,
    long seed,
    List<GoalOdds> goals,
    SortedMap<GoalId, String> unassessed) {
  /**
   * Checks that no component is null.
   *
   * @param household the household's id
   * @param asOf the as-of date
   * @param assumptions the assumptions' label, {@link CapitalMarketAssumptions#label()}
   * @param assumptionsHash the assumptions' content hash
   * @param paths the number of simulated paths
   * @param seed the seed, derived from the household id, the as-of date and the assumptions' hash
   * @param goals the goals assessed, in the household's goal order
   * @param unassessed why each other goal could not be assessed, by goal id
   */
  public HouseholdOutlook {
    Checks.notNull(household, "household");
    Checks.notNull(asOf, "asOf");
    Checks.notBlank(assumptions, "assumptions");
    Checks.notBlank(assumptionsHash, "assumptionsHash");
    Checks.isTrue(paths > 0, "paths", paths, "must be positive");
    Checks.noNulls(goals, "goals");
    goals = ImmutableList.copyOf(goals);
    Checks.notNull(unassessed, "unassessed");
    unassessed = ImmutableSortedMap.copyOf(unassessed);
  }

  /**
   * {@return the odds of goal {@code id}, if it was assessed}
   *
   * @param id the goal's id
   */
  public Optional<GoalOdds> find(GoalId id) {
    Checks.notNull(id, "id");
    return goals.stream().filter(g -> g.goal().equals(id)).findFirst();
  }
}
