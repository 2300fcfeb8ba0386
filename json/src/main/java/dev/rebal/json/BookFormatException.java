package dev.rebal.json;

import dev.rebal.core.RebalException;

/**
 * Thrown when a book cannot be read at all: malformed JSON, or a header or market data that does
 * not match the format. It names the line and column (1-based; 0 when unknown) and the JSON path,
 * e.g. {@code line 3, column 17, $.marketData.securities[4].kind: unknown value 'STOCK'}.
 */
public class BookFormatException extends RebalException {
  private static final long serialVersionUID = 1L;

  /** The 1-based line of the error, or 0 if unknown. */
  private final int line;

  /** The 1-based column of the error, or 0 if unknown. */
  private final int column;

  /** The JSON path of the error. */
  private final String path;

  /**
   * Creates an exception at {@code line}, {@code column} and {@code path}.
   *
   * @param line the 1-based line, or 0 if unknown
   * @param column the 1-based column, or 0 if unknown
   * @param path the JSON path, e.g. {@code $.households[3]}
   * @param message what is wrong
   * @param cause the underlying exception, or null
   */
  public BookFormatException(int line, int column, String path, String message, Throwable cause) {
    super("line " + line + ", column " + column + ", " + path + ": " + message, cause);
    this.line = line;
    this.column = column;
    this.path = path;
  }

  /** {@return the 1-based line of the error, or 0 if unknown} */
  public int line() {
    return line;
  }

  /** {@return the 1-based column of the error, or 0 if unknown} */
  public int column() {
    return column;
  }

  /** {@return the JSON path of the error, e.g. {@code $.marketData.prices[2].price}} */
  public String path() {
    return path;
  }
}
