package dev.rebal.core.validation;

import dev.rebal.core.money.Money;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The problems found so far in one household, in the order found. Not thread-safe; one per run. */
final class Problems {
  /** The value text used when a value is absent. */
  static final String MISSING = "<missing>";

  private final List<Problem> found = new ArrayList<>();

  /** Records a problem; {@code value} is rendered with {@code toString}, Optionals unwrapped. */
  void add(Code code, Path path, Object value, String message) {
    found.add(new Problem(code.code(), code.severity(), path.toString(), render(value), message));
  }

  /**
   * Records {@code money.currency.unsupported} unless {@code amount} is in US dollars.
   *
   * @return whether the amount is in US dollars, so that callers can skip comparisons with it
   */
  boolean checkUsd(Path path, Money amount) {
    if (amount.isUsd()) {
      return true;
    }
    add(
        Code.MONEY_CURRENCY_UNSUPPORTED,
        path,
        amount,
        "must be in USD, the only supported currency");
    return false;
  }

  /** Returns what was found. */
  List<Problem> list() {
    return found;
  }

  private static String render(Object value) {
    if (value instanceof Optional) {
      return ((Optional<?>) value).map(String::valueOf).orElse(MISSING);
    }
    return String.valueOf(value);
  }
}
