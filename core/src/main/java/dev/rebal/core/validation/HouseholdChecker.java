package dev.rebal.core.validation;

import dev.rebal.core.goal.Goal;
import dev.rebal.core.goal.LiquidityEvent;
import dev.rebal.core.household.Account;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.Member;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.restriction.Restriction;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Household-level checks: members and accounts present, ids unique, dates not in the future. */
final class HouseholdChecker {
  private HouseholdChecker() {}

  static void check(Context c) {
    Household h = c.household;
    if (h.members().isEmpty()) {
      c.add(
          Code.HOUSEHOLD_MEMBERS_EMPTY, Path.of("members"), "[]", "must have at least one member");
    }
    if (h.accounts().isEmpty()) {
      c.add(
          Code.HOUSEHOLD_ACCOUNTS_EMPTY,
          Path.of("accounts"),
          "[]",
          "must have at least one account");
    }
    if (h.lastRebalanced().isPresent() && h.lastRebalanced().get().isAfter(c.asOf)) {
      LocalDate last = h.lastRebalanced().get();
      c.add(
          Code.HOUSEHOLD_LAST_REBALANCED_FUTURE,
          Path.of("lastRebalanced"),
          last,
          "must not be after the as-of date " + c.asOf);
    }
    // the context's look-ups already hold each distinct id once: equal sizes mean no repeat
    if (c.distinctMembers() != h.members().size()) {
      unique(c, "members", h.members(), Member::id);
    }
    if (c.distinctAccounts() != h.accounts().size()) {
      unique(c, "accounts", h.accounts(), Account::id);
    }
    if (c.distinctLots() != h.lots().size()) {
      unique(c, "lots", h.lots(), TaxLot::id);
    }
    unique(c, "transactions", h.transactions(), Transaction::id);
    unique(c, "goals", h.goals(), Goal::id);
    unique(c, "restrictions", h.restrictions(), Restriction::id);
    unique(c, "liquidityEvents", h.liquidityEvents(), LiquidityEvent::id);
  }

  /** Reports every repeat of an id after its first occurrence. */
  private static <T> void unique(Context c, String field, List<T> items, Function<T, ?> id) {
    if (items.size() < 2) {
      return;
    }
    Set<Object> seen = new HashSet<>(items.size() * 4 / 3 + 1);
    for (T item : items) {
      Object key = id.apply(item);
      if (!seen.add(key)) {
        c.add(
            Code.ID_DUPLICATE,
            Path.of(field, key).field("id"),
            key,
            "must be unique among " + field);
      }
    }
  }
}
