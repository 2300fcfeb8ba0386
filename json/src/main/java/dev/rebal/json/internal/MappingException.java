package dev.rebal.json.internal;

import java.util.List;

/** A value that cannot be mapped, with the JSON path of the bad field. */
public final class MappingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String path;
  private final String detail;

  /** Creates an exception for {@code path}. */
  public MappingException(String path, String detail) {
    super(path + ": " + detail);
    this.path = path;
    this.detail = detail;
  }

  /** The most problems one message lists; the rest are counted. */
  static final int LISTED = 20;

  /**
   * Returns one exception for several problems of one household: the first one's path, and a detail
   * that lists the others with their paths, e.g. {@code must be a number, was string "x"; and 2
   * more: $.households[3].lots[1].quantity: ...; $.households[3].nickname: unknown field}.
   */
  public static MappingException all(List<MappingException> problems) {
    MappingException first = problems.get(0);
    if (problems.size() == 1) {
      return first;
    }
    StringBuilder sb = new StringBuilder(first.detail);
    sb.append("; and ").append(problems.size() - 1).append(" more: ");
    for (int i = 1; i < problems.size() && i <= LISTED; i++) {
      sb.append(i > 1 ? "; " : "").append(problems.get(i).getMessage());
    }
    if (problems.size() > LISTED + 1) {
      sb.append("; ... (").append(problems.size() - LISTED - 1).append(" not shown)");
    }
    return new MappingException(first.path, sb.toString());
  }

  /** Returns the JSON path of the bad field. */
  public String path() {
    return path;
  }

  /** Returns what is wrong, without the path. */
  public String detail() {
    return detail;
  }
}
