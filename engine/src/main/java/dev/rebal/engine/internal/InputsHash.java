package dev.rebal.engine.internal;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.household.Household;
import dev.rebal.core.household.TaxLot;
import dev.rebal.core.household.Transaction;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.security.SecurityId;
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
    StringBuilder sb = new StringBuilder();
    sb.append("asOf ").append(asOf).append('\n').append(h).append('\n');
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
    return AuditRecord.sha256Hex(sb.toString());
  }
}
