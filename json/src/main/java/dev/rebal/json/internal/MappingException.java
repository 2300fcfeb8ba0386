package dev.rebal.json.internal;

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

  /** Returns the JSON path of the bad field. */
  public String path() {
    return path;
  }

  /** Returns what is wrong, without the path. */
  public String detail() {
    return detail;
  }
}
