package dev.rebal.spark;

import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.market.MarketData;
import dev.rebal.core.ruleset.RuleSet;
import dev.rebal.core.ruleset.RuleSetException;
import dev.rebal.core.ruleset.RuleSetParser;
import dev.rebal.json.BookReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * What every partition needs besides its households, as text so that it can be broadcast: the rule
 * set's canonical text with its content hash, and the book header (a Rebal book with no households:
 * as-of date and market data) with its SHA-256. Each executor re-parses both and checks the hashes,
 * so a partition can never decide with other inputs than the driver's.
 *
 * @param ruleSetText the rule set's canonical text
 * @param ruleSetHash the rule set's content hash
 * @param header the book header, see {@link BookLines#header}
 * @param headerHash the SHA-256 of {@code header}
 */
record JobInputs(String ruleSetText, String ruleSetHash, String header, String headerHash)
    implements Serializable {

  static JobInputs of(RuleSet ruleSet, LocalDate asOf, MarketData marketData) {
    String header = BookLines.header(asOf, marketData);
    return new JobInputs(
        ruleSet.toCanonicalText(), ruleSet.contentHash(), header, AuditRecord.sha256Hex(header));
  }

  /** Parses the rule set and checks its hash against the driver's. */
  RuleSet ruleSet() {
    RuleSet rs = RuleSetParser.parse("broadcast rule set", ruleSetText);
    if (!rs.contentHash().equals(ruleSetHash)) {
      throw new RuleSetException(
          "broadcast rule set: content hash on the executor is "
              + rs.contentHash()
              + ", the driver's was "
              + ruleSetHash);
    }
    return rs;
  }

  /** Opens the header as a book, after checking its hash against the driver's. */
  BookReader book() {
    String hash = AuditRecord.sha256Hex(header);
    if (!hash.equals(headerHash)) {
      throw new IllegalStateException(
          "broadcast book header: SHA-256 on the executor is "
              + hash
              + ", the driver's was "
              + headerHash);
    }
    try {
      return BookReader.open(new ByteArrayInputStream(header.getBytes(StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
