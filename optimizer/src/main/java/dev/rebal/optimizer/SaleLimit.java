package dev.rebal.optimizer;

import dev.rebal.core.internal.Checks;
import dev.rebal.core.money.Quantity;
import dev.rebal.core.security.SecurityId;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A hard limit on the shares sold of a set of securities summed over every account of the
 * household: the control-person (Rule 144 style) volume limit of an issuer, which binds the
 * household as a whole, not each position. This record is immutable and thread-safe.
 *
 * @param id the limit's name (for example the restriction id), used in constraint groups
 * @param securities the securities whose sales count, not empty
 * @param maxQuantity the most shares that may be sold in this proposal, not negative
 */
public record SaleLimit(String id, SortedSet<SecurityId> securities, Quantity maxQuantity) {
  /**
   * Checks that no component is null, the set is not empty and the limit not negative.
   *
   * @param id the limit's name (for example the restriction id), used in constraint groups
   * @param securities the securities whose sales count, not empty
   * @param maxQuantity the most shares that may be sold in this proposal, not negative
   */
  public SaleLimit {
    Checks.notBlank(id, "id");
    Checks.isTrue(
        !Checks.noNulls(securities, "securities").isEmpty(),
        "securities",
        securities,
        "must not be empty");
    securities = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(securities));
    Checks.isTrue(
        !Checks.notNull(maxQuantity, "maxQuantity").isNegative(),
        "maxQuantity",
        maxQuantity,
        "must not be negative");
  }

  /**
   * {@return a limit over {@code securities}}
   *
   * @param id the limit's name (for example the restriction id), used in constraint groups
   * @param securities the securities whose sales count, not empty
   * @param maxQuantity the most shares that may be sold in this proposal, not negative
   */
  public static SaleLimit of(String id, Set<SecurityId> securities, Quantity maxQuantity) {
    return new SaleLimit(id, new TreeSet<>(securities), maxQuantity);
  }
}
