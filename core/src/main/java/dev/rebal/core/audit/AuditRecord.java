package dev.rebal.core.audit;

import dev.rebal.core.internal.Checks;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * An audit entry chained into the log: its sequence number, the hash of the record before it, and
 * its own hash over both and the entry.
 *
 * <p>The hash is SHA-256, in lower-case hex, over the UTF-8 bytes of the sequence number, the
 * previous hash and each field of the entry, each followed by a newline (fields are
 * length-prefixed, so no field's content can imitate a boundary). The entry's inputs encoding is
 * hashed after the body only when it is not {@value AuditEntry#INPUTS_ENCODING}, the version every
 * record had before the field was recorded, so the hashes of those records are unchanged. The first
 * record's previous hash is {@link #GENESIS}. Changing any field, dropping a record or reordering
 * two breaks the chain, which {@link AuditChain#verify} detects. This record is immutable and
 * thread-safe.
 *
 * @param sequence the record's position in the log, from 0
 * @param previousHash the hash of the record before, or {@link #GENESIS}
 * @param entry the entry
 * @param hash this record's hash
 */
public record AuditRecord(long sequence, String previousHash, AuditEntry entry, String hash) {
  /** The previous hash of the first record of a chain. */
  public static final String GENESIS = "0".repeat(64);

  /**
   * Checks that every component is present.
   *
   * @param sequence the record's position in the log, from 0
   * @param previousHash the hash of the record before, or {@link #GENESIS}
   * @param entry the entry
   * @param hash this record's hash
   */
  public AuditRecord {
    Checks.isTrue(sequence >= 0, "sequence", sequence, "must not be negative");
    Checks.notBlank(previousHash, "previousHash");
    Checks.notNull(entry, "entry");
    Checks.notBlank(hash, "hash");
  }

  /**
   * {@return the record that chains {@code entry} after a record with {@code previousHash}}
   *
   * @param sequence the record's position in the log, from 0
   * @param previousHash the hash of the record before, or {@link #GENESIS}
   * @param entry the entry
   */
  public static AuditRecord chain(long sequence, String previousHash, AuditEntry entry) {
    return new AuditRecord(sequence, previousHash, entry, hashOf(sequence, previousHash, entry));
  }

  /**
   * {@return the hash the record's content should have; {@link #hash()} equals it unless tampered}
   */
  public String expectedHash() {
    return hashOf(sequence, previousHash, entry);
  }

  static String hashOf(long sequence, String previousHash, AuditEntry e) {
    StringBuilder sb = new StringBuilder();
    for (String field :
        new String[] {
          Long.toString(sequence),
          previousHash,
          e.household(),
          e.asOf().toString(),
          e.inputsHash(),
          e.ruleSetVersion(),
          e.ruleSetHash(),
          e.outcome(),
          e.body()
        }) {
      sb.append(field.length()).append(':').append(field).append('\n');
    }
    if (e.inputsEncoding() != AuditEntry.INPUTS_ENCODING) {
      String field = Integer.toString(e.inputsEncoding());
      sb.append(field.length()).append(':').append(field).append('\n');
    }
    return sha256Hex(sb.toString());
  }

  /**
   * {@return the SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex}
   *
   * @param text the text
   */
  public static String sha256Hex(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      StringBuilder hex = new StringBuilder(64);
      for (byte b : digest) {
        hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
      }
      return hex.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
