package dev.rebal.engine;

import dev.rebal.core.household.Household;
import dev.rebal.core.override.Override;
import dev.rebal.core.override.OverrideKind;
import dev.rebal.core.restriction.Restriction;
import dev.rebal.core.ruleset.RuleSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A household and rule set after a decision's overrides: parameters set, restrictions waived, and
 * whether the household is skipped or forced to review, with the overrides applied (each checked
 * with {@link Override#checkApplicable}). Package-private: the first stage of {@link Rebalancer}.
 */
record Overridden(
    Household household, RuleSet ruleSet, List<String> applied, boolean skip, boolean forceReview) {
  Overridden {
    applied = List.copyOf(applied);
  }

  /** Applies the overrides for {@code household} among {@code overrides}. */
  static Overridden of(
      Household household, RuleSet ruleSet, LocalDate asOf, List<Override> overrides) {
    RuleSet rs = ruleSet;
    Household h = household;
    List<String> applied = new ArrayList<>();
    boolean skip = false;
    boolean forceReview = false;
    for (Override o : overrides) {
      if (!o.household().equals(household.id().value())) {
        continue;
      }
      o.checkApplicable(asOf);
      applied.add(o.toString());
      if (o.kind() == OverrideKind.SET_PARAMETER) {
        rs = rs.withParameter(o.target(), o.value(), rs.version());
      } else if (o.kind() == OverrideKind.WAIVE_RESTRICTION) {
        List<Restriction> kept = new ArrayList<>();
        for (Restriction r : h.restrictions()) {
          if (!r.id().value().equals(o.target())) {
            kept.add(r);
          }
        }
        h = h.withRestrictions(kept);
      } else if (o.kind() == OverrideKind.SKIP_HOUSEHOLD) {
        skip = true;
      } else {
        forceReview = true;
      }
    }
    return new Overridden(h, rs, applied, skip, forceReview);
  }
}
