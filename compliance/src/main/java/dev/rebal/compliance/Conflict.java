package dev.rebal.compliance;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.internal.Checks;
import java.math.BigDecimal;
import java.util.List;

/**
 * A contradiction found while compiling: restrictions (or a restriction and the household's state)
 * that no proposal can satisfy together, e.g. a cap that requires a sale of a do-not-sell position.
 *
 * <p>Conflicts are never resolved silently: the household goes to review, and the proposal, if any,
 * will fail verification on the unmet side. This record is immutable and thread-safe.
 *
 * @param kind what sort of conflict
 * @param subject what it is about, e.g. {@code cap R-3 on ISSUER:ACME} or {@code account A1}
 * @param shortfall by how much the reachable side falls short, in USD
 * @param provenances the restrictions and checks involved, the violated one first
 * @since 0.1
 */
public record Conflict(
    ConflictKind kind, String subject, BigDecimal shortfall, List<Provenance> provenances) {
  /**
   * Checks that no component is null.
   *
   * @param kind what sort of conflict
   * @param subject what it is about, e.g. {@code cap R-3 on ISSUER:ACME} or {@code account A1}
   * @param shortfall by how much the reachable side falls short, in USD
   * @param provenances the restrictions and checks involved, the violated one first
   */
  public Conflict {
    Checks.notNull(kind, "kind");
    Checks.notBlank(subject, "subject");
    Checks.notNull(shortfall, "shortfall");
    Checks.noNulls(provenances, "provenances");
    provenances = ImmutableList.copyOf(provenances);
  }
}
