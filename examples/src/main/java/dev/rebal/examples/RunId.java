package dev.rebal.examples;

import dev.rebal.core.internal.Checks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;

/**
 * The id of a run, written on every line of the order files ({@link OrderBlotter}): {@code R}, the
 * as-of date as {@code yyyymmdd}, a dash and the first 12 hex digits of the SHA-256 of the as-of
 * date, the rule set's hash and the book's bytes, e.g. {@code R20260630-3f9a0c41d2e7}.
 *
 * <p>It is deterministic: the same book, as-of date and rule set give the same id, so a run
 * repeated on the same input writes the same order ids (an order system that has already taken them
 * can refuse the repeat), and a corrected book or a changed rule set gives another id and so other
 * order ids. This class is immutable and thread-safe.
 *
 * @param value the id's text
 */
public record RunId(String value) {
  private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

  /** Checks the id is present. */
  public RunId {
    Checks.notBlank(value, "value");
  }

  /**
   * Returns the id of a run of the book read from {@code book} (read to its end, not closed) as of
   * {@code asOf} under the rule set whose hash is {@code ruleSetHash}.
   *
   * @throws IOException if the book cannot be read
   */
  public static RunId of(LocalDate asOf, String ruleSetHash, InputStream book) throws IOException {
    Checks.notNull(asOf, "asOf");
    Checks.notNull(ruleSetHash, "ruleSetHash");
    Checks.notNull(book, "book");
    MessageDigest sha = sha256();
    sha.update((asOf + "\n" + ruleSetHash + "\n").getBytes(StandardCharsets.UTF_8));
    byte[] buffer = new byte[1 << 16];
    for (int n = book.read(buffer); n >= 0; n = book.read(buffer)) {
      sha.update(buffer, 0, n);
    }
    return new RunId(
        "R" + asOf.format(DAY) + "-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12));
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  @Override
  public String toString() {
    return value;
  }
}
