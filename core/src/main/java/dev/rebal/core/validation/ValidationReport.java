package dev.rebal.core.validation;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.HouseholdId;
import dev.rebal.core.internal.Checks;

/**
 * Every problem found in one household, in the order found. A household with any {@link
 * Severity#ERROR} is on hold. This class is immutable and thread-safe.
 */
public final class ValidationReport {
  private final HouseholdId household;
  private final ImmutableList<Problem> problems;

  private ValidationReport(HouseholdId household, ImmutableList<Problem> problems) {
    this.household = household;
    this.problems = problems;
  }

  /**
   * {@return a report of {@code problems} for {@code household}}
   *
   * @param household the household's id
   * @param problems the problems found
   */
  public static ValidationReport of(HouseholdId household, Iterable<Problem> problems) {
    Checks.notNull(household, "household");
    return new ValidationReport(
        household, ImmutableList.copyOf(Checks.notNull(problems, "problems")));
  }

  /** {@return the household validated} */
  public HouseholdId household() {
    return household;
  }

  /** {@return every problem found} */
  public ImmutableList<Problem> problems() {
    return problems;
  }

  /** {@return the problems of severity error} */
  public ImmutableList<Problem> errors() {
    return problems.stream()
        .filter(p -> p.severity() == Severity.ERROR)
        .collect(ImmutableList.toImmutableList());
  }

  /** {@return the problems of severity warning} */
  public ImmutableList<Problem> warnings() {
    return problems.stream()
        .filter(p -> p.severity() == Severity.WARNING)
        .collect(ImmutableList.toImmutableList());
  }

  /** {@return whether the household must be held: it has at least one error} */
  public boolean isOnHold() {
    return problems.stream().anyMatch(p -> p.severity() == Severity.ERROR);
  }

  /** {@return whether no problem at all was found} */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /**
   * Throws if the household is on hold.
   *
   * @return this report, when the household is not on hold
   * @throws RebalValidationException carrying this report if there is any error
   */
  public ValidationReport throwIfOnHold() {
    if (isOnHold()) {
      throw new RebalValidationException(this);
    }
    return this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValidationReport
        && ((ValidationReport) o).household.equals(household)
        && ((ValidationReport) o).problems.equals(problems);
  }

  @Override
  public int hashCode() {
    return household.hashCode() * 31 + problems.hashCode();
  }

  /** Returns the household id and one line per problem. */
  @Override
  public String toString() {
    StringBuilder sb =
        new StringBuilder("household ")
            .append(household)
            .append(": ")
            .append(problems.size())
            .append(" problem(s)");
    for (Problem p : problems) {
      sb.append("\n  ").append(p.severity()).append(' ').append(p);
    }
    return sb.toString();
  }
}
