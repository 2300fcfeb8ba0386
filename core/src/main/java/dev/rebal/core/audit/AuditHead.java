package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head of an audit chain: the sequence number and hash of its last record. A hash chain shows
 * that no record was altered, removed or inserted <em>between</em> two records, but not that the
 * log still ends where it ended: a log cut after any record, or rewritten from some record on with
 * every later hash recomputed, is again a valid chain. The head, kept apart from the log (in a run
 * summary, in a database's head row, in write-once storage), anchors the end: {@link
 * AuditChain#verify(Iterable, AuditHead)} checks a log against it.
 *
 * <p>Its text form is {@code <sequence>:<hash>}, e.g. {@code 1439:9f2c...}; the head of an empty
 * chain is {@link #EMPTY}, {@code -1:} followed by the {@link AuditRecord#GENESIS} hash. This
 * record is immutable and thread-safe.
 *
 * @param sequence the last record's sequence number, or -1 for an empty chain
 * @param hash the last record's hash (64 lower-case hex digits), or {@link AuditRecord#GENESIS}
 * @since 0.1.0
 */
public record AuditHead(long sequence, String hash) {
  /** The head of an empty chain. */
  public static final AuditHead EMPTY = new AuditHead(-1, AuditRecord.GENESIS);

  private static final Pattern TEXT = Pattern.compile("(-1|0|[1-9][0-9]{0,18}):([0-9a-f]{64})");

  /**
   * Checks the sequence (at least -1) and the hash (64 lower-case hex digits).
   *
   * @param sequence the last record's sequence number, or -1 for an empty chain
   * @param hash the last record's hash (64 lower-case hex digits), or {@link AuditRecord#GENESIS}
   */
  public AuditHead {
    Checks.isTrue(sequence >= -1, "sequence", sequence, "must be at least -1");
    Checks.isTrue(
        Checks.notNull(hash, "hash").matches("[0-9a-f]{64}"),
        "hash",
        hash,
        "must be 64 lower-case hex digits");
    Checks.isTrue(
        sequence >= 0 || hash.equals(AuditRecord.GENESIS),
        "hash",
        hash,
        "must be the genesis hash for an empty chain (sequence -1)");
  }

  /**
   * {@return the head of a chain whose last record is {@code last}}
   *
   * @param last the chain's last record
   */
  public static AuditHead of(AuditRecord last) {
    Checks.notNull(last, "last");
    return new AuditHead(last.sequence(), last.hash());
  }

  /**
   * Parses the text form {@code <sequence>:<hash>}.
   *
   * @param text the text form, e.g. {@code 41:3f2a...}
   * @return the head
   * @throws IllegalArgumentException naming the text if it is not a head
   */
  public static AuditHead parse(String text) {
    Checks.notNull(text, "text");
    Matcher m = TEXT.matcher(text.strip());
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "audit head: expected <sequence>:<64 hex digits>, was '" + text + "'");
    }
    try {
      return new AuditHead(Long.parseLong(m.group(1)), m.group(2));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("audit head: sequence out of range: '" + text + "'", e);
    }
  }

  /** {@return the number of records of a chain from sequence 0 that ends here} */
  public long records() {
    return sequence + 1;
  }

  /** Returns the text form, {@code <sequence>:<hash>}. */
  @Override
  public String toString() {
    return sequence + ":" + hash;
  }
}
