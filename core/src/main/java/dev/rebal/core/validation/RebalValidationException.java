package dev.rebal.core.validation;

import dev.rebal.core.RebalException;

/**
 * Thrown by entry points that refuse a household with data errors. It carries the whole {@link
 * ValidationReport}; batch runs return the report instead of throwing.
 */
public class RebalValidationException extends RebalException {
  private static final long serialVersionUID = 1L;

  private final transient ValidationReport report;

  /**
   * Creates an exception carrying {@code report}.
   *
   * @param report the report, with at least one error
   */
  public RebalValidationException(ValidationReport report) {
    super(report.toString());
    this.report = report;
  }

  /** {@return the report with every problem found} */
  public ValidationReport report() {
    return report;
  }
}
