package dev.rebal.engine.internal;

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
 * The SHA-256 of a decision's inputs: the household's full value text (every attribute, members'
 * names redacted), the as-of date, and the reference data it reads (each security and price it
 * holds, trades or may buy, and issuer volumes), in sorted order.
 */
public final class InputsHash {
  private InputsHash() {}

  /** Returns the hash, in lower-case hex. */
  public static String of(Household h, MarketData m, LocalDate asOf) {
    Set<SecurityId> read = new TreeSet<>();
    for (TaxLot lot : h.lots()) {
      read.add(lot.security());
    }
    for (Transaction t : h.transactions()) {
      read.add(t.security());
    }
    for (List<SecurityId> ids : h.model().securities().values()) {
      read.addAll(ids);
    }
    // hashed piece by piece (the same bytes as the concatenation): the household's text, the
    // largest piece by far, is not copied into a second buffer first
    MessageDigest digest = sha256();
    update(digest, "asOf " + asOf + "\n");
    update(digest, h.toString());
    StringBuilder sb = new StringBuilder("\n");
    Set<String> issuers = new TreeSet<>();
    for (SecurityId id : read) {
      m.findSecurity(id).ifPresent(s -> {
        sb.append(s).append('\n');
        issuers.add(s.issuer());
      });
      m.prices().find(id).ifPresent(p -> sb.append(p).append('\n'));
    }
    for (String issuer : issuers) {
      if (m.volumes().containsKey(issuer)) {
        sb.append(m.volumes().get(issuer)).append('\n');
      }
    }
    update(digest, sb.toString());
    return hex(digest.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
  }

  private static String hex(byte[] bytes) {
    StringBuilder hex = new StringBuilder(64);
    for (byte b : bytes) {
      hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
    }
    return hex.toString();
  }
}
