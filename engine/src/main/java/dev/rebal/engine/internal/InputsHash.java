package dev.rebal.engine.internal;

import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.SecurityId;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The SHA-256 of a decision's inputs in the canonical inputs encoding, version {@value #ENCODING}
 * (specified in {@code docs/audit-hash.md}): the UTF-8 bytes of {@code "asOf "}, the as-of date and
 * a newline, then the household's canonical text ({@link InputsText}), then the text of the
 * reference data it reads (each security and price it holds, trades or may buy, in id order, and
 * the trading volumes of their issuers). The encoding never uses a value's {@code toString()}.
 */
public final class InputsHash {
  /** The version of the inputs encoding this class computes; audit entries record it. */
  public static final int ENCODING = AuditEntry.INPUTS_ENCODING;

  /**
   * A SHA-256 digest never updated: new digests are its clones (cheaper than a provider lookup).
   */
  private static final MessageDigest SHA_256 = newSha256();

  private InputsHash() {}

  /**
   * Returns the hash, in lower-case hex.
   *
   * @param h the household
   * @param m the market data the decision reads
   * @param asOf the as-of date
   * @return the SHA-256 of the inputs' canonical text
   */
  public static String of(Household h, MarketData m, LocalDate asOf) {
    MessageDigest digest = sha256();
    update(digest, "asOf " + asOf + "\n");
    InputsText.update(digest, h);
    update(digest, InputsText.reference(read(h), m));
    return hex(digest.digest());
  }

  /**
   * Returns the whole canonical text that {@link #of} hashes (for tests and for a reader checking a
   * hash by hand).
   */
  static String text(Household h, MarketData m, LocalDate asOf) {
    return "asOf " + asOf + "\n" + InputsText.of(h) + InputsText.reference(read(h), m);
  }

  /** Returns the securities the household reads: those of its lots, transactions and model. */
  static Set<SecurityId> read(Household h) {
    Set<SecurityId> read = new TreeSet<>();
    // a position's lots usually come in one run: its security is added once per run
    SecurityId previous = null;
    for (TaxLot lot : h.lots()) {
      SecurityId security = lot.security();
      // by identity first, then by value (a record's equals is slower than the string's)
      if (security != previous
          && (previous == null || !security.value().equals(previous.value()))) {
        read.add(security);
        previous = security;
      }
    }
    for (Transaction t : h.transactions()) {
      read.add(t.security());
    }
    for (List<SecurityId> ids : h.model().securities().values()) {
      read.addAll(ids);
    }
    return read;
  }

  /** Returns a new SHA-256 digest. */
  static MessageDigest sha256() {
    try {
      return (MessageDigest) SHA_256.clone();
    } catch (CloneNotSupportedException e) {
      return newSha256(); // a provider whose digest is not cloneable
    }
  }

  private static MessageDigest newSha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  /** Returns {@code bytes} in lower-case hex. */
  static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(64);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
