package dev.rebal.compliance.internal.verify;

import com.google.common.collect.ImmutableList;
import dev.rebal.compliance.Provenance;
import dev.rebal.compliance.Violation;
import dev.rebal.compliance.ViolationKind;
import dev.rebal.core.restriction.Restriction;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/** Collects violations and returns them in the documented order. */
final class Findings {
  private static final Comparator<List<Integer>> BY_TRADES =
      (x, y) -> {
        for (int i = 0; i < Math.min(x.size(), y.size()); i++) {
          int c = Integer.compare(x.get(i), y.get(i));
          if (c != 0) {
            return c;
          }
        }
        return Integer.compare(x.size(), y.size());
      };
  private static final Comparator<Violation> ORDER =
      Comparator.comparing(Violation::kind)
          .thenComparing(Violation::provenance)
          .thenComparing(Violation::subject)
          .thenComparing(Violation::trades, BY_TRADES);

  private final List<Violation> found = new ArrayList<>();
  private final List<Violation> preExisting = new ArrayList<>();

  static Provenance cite(Restriction r) {
    return new Provenance(r.id().value(), r.kind(), r.source());
  }

  static Provenance check(String kind, String reason) {
    return new Provenance("builtin." + kind, kind, reason);
  }

  void add(
      ViolationKind kind,
      Provenance provenance,
      Collection<Integer> trades,
      String subject,
      String unit,
      BigDecimal limit,
      BigDecimal actual) {
    found.add(
        new Violation(
            kind,
            provenance,
            ImmutableList.copyOf(new TreeSet<>(trades)),
            subject,
            unit,
            limit,
            actual));
  }

  /** Records a breach that predates the proposal and is not made worse by it. */
  void addPreExisting(
      ViolationKind kind,
      Provenance provenance,
      Collection<Integer> trades,
      String subject,
      String unit,
      BigDecimal limit,
      BigDecimal actual) {
    preExisting.add(
        new Violation(
            kind,
            provenance,
            ImmutableList.copyOf(new TreeSet<>(trades)),
            subject,
            unit,
            limit,
            actual));
  }

  ImmutableList<Violation> sortedPreExisting() {
    return ImmutableList.sortedCopyOf(ORDER, preExisting);
  }

  ImmutableList<Violation> sorted() {
    return ImmutableList.sortedCopyOf(ORDER, found);
  }
}
