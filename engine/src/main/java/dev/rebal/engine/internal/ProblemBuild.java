package dev.rebal.engine.internal;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.rebal.core.household.AccountId;
import dev.rebal.core.household.LotId;
import dev.rebal.core.security.SecurityId;
import dev.rebal.optimizer.HouseholdProblem;
import java.util.Map;

/**
 * A household's optimizer problem, with what the engine needs to read the answer back: for each
 * tradable (account, security), the lots behind the position's sell segments, in segment order; and
 * the constraints that applied, each with its provenance, for the explanation.
 *
 * @param problem the optimizer's input
 * @param segmentLots the lots of each position's segments, keyed by {@code account + "|" +
 *     security}
 * @param constraints one line per constraint that applied
 */
public record ProblemBuild(
    HouseholdProblem problem,
    ImmutableMap<String, ImmutableList<LotId>> segmentLots,
    ImmutableList<String> constraints) {

  /** Returns the key of a position. */
  static String key(AccountId account, SecurityId security) {
    return account.value() + "|" + security.value();
  }

  /** Returns the lots behind the segments of {@code (account, security)}; empty if none. */
  public ImmutableList<LotId> lotsOf(AccountId account, SecurityId security) {
    ImmutableList<LotId> lots = segmentLots.get(key(account, security));
    return lots == null ? ImmutableList.of() : lots;
  }

  /** Returns the map, for tests. */
  Map<String, ImmutableList<LotId>> map() {
    return segmentLots;
  }
}
