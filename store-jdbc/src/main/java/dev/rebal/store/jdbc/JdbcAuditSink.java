package dev.rebal.store.jdbc;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.audit.AuditChain;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditHead;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.internal.Checks;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The audit log in a database table ({@code audit_record}), hash-chained exactly as {@link
 * AuditRecord} defines.
 *
 * <p>An append is one transaction: it locks the chain's head row ({@code audit_head}, {@code SELECT
 * ... FOR UPDATE}), chains the entry after the last record, inserts it and moves the head. So
 * appenders in several threads or processes queue up on the lock and can never fork the chain; the
 * primary key on the sequence and a unique key on the previous hash refuse a fork even from a
 * writer that bypasses the lock, and the append then fails with a {@link StoreException} naming the
 * sequence, having written nothing. {@link #records()} reads the table back, so {@link #verify()}
 * checks what the database holds, not what this object remembers; it also checks the head, so a
 * record deleted from the end is named too. Obtain one from {@link JdbcStore#auditSink()}. This
 * class is thread-safe: every call uses its own connection and transaction.
 */
public final class JdbcAuditSink implements AuditSink {
  private static final String COLUMNS =
      "sequence, previous_hash, household, as_of, inputs_hash, "
          + "rule_set_version, rule_set_hash, outcome, body, hash";

  private final Transactions tx;

  JdbcAuditSink(Transactions tx) {
    this.tx = tx;
  }

  /**
   * Chains {@code entry} after the last record, stores it in its own transaction and returns it.
   *
   * @throws StoreException if the database refuses it or the connection is lost; nothing is written
   *     then, and every record appended before is kept
   */
  @Override
  public AuditRecord append(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    return tx.run("audit append (household " + entry.household() + ")", c -> appendIn(c, entry));
  }

  /**
   * Appends inside the caller's transaction: the queue writes an action and its record together.
   */
  AuditRecord appendIn(Connection c, AuditEntry entry) throws SQLException {
    long next;
    String last;
    try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT next_sequence, last_hash FROM audit_head WHERE id = 1 FOR UPDATE");
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new StoreException(
            "audit_head: the chain's head row is missing (was it deleted?): "
                + "cannot append"
                + Transactions.ROLLED_BACK);
      }
      next = rs.getLong(1);
      last = rs.getString(2);
    }
    AuditRecord record = AuditRecord.chain(next, last, entry);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO audit_record (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      ps.setLong(1, record.sequence());
      ps.setString(2, record.previousHash());
      ps.setString(3, entry.household());
      ps.setObject(4, entry.asOf());
      ps.setString(5, entry.inputsHash());
      ps.setString(6, entry.ruleSetVersion());
      ps.setString(7, entry.ruleSetHash());
      ps.setString(8, entry.outcome());
      ps.setString(9, entry.body());
      ps.setString(10, record.hash());
      ps.executeUpdate();
    } catch (SQLException e) {
      if ("23505".equals(e.getSQLState())) {
        throw new StoreException(
            "audit_record[sequence="
                + next
                + "]: a record already exists at "
                + "this sequence or after the same previous hash (keys audit_record_pk, "
                + "audit_record_previous_hash_uk): it was written behind the store's back, without "
                + "moving audit_head; the chain was not forked [sqlstate 23505]: "
                + Transactions.oneLine(e)
                + Transactions.ROLLED_BACK,
            e);
      }
      throw e;
    }
    try (PreparedStatement ps =
        c.prepareStatement("UPDATE audit_head SET next_sequence = ?, last_hash = ? WHERE id = 1")) {
      ps.setLong(1, next + 1);
      ps.setString(2, record.hash());
      ps.executeUpdate();
    }
    return record;
  }

  /** Returns every record stored, in sequence order, read back from the database. */
  @Override
  public List<AuditRecord> records() {
    return tx.run("audit read", JdbcAuditSink::readAll);
  }

  /**
   * {@return the records from {@code sequence} on, in sequence order, read back from the database:
   * what one run appended, given {@link #nextSequence()} before it}
   *
   * @param sequence the first sequence number wanted, at least 0
   */
  public List<AuditRecord> recordsFrom(long sequence) {
    Checks.isTrue(sequence >= 0, "sequence", sequence, "must not be negative");
    return tx.run("audit read from " + sequence, c -> read(c, sequence));
  }

  /**
   * Returns the head of the chain as its head row ({@code audit_head}) records it: the last
   * record's sequence and hash, or {@link AuditHead#EMPTY}.
   *
   * @throws StoreException if the head row is missing or cannot be read
   */
  @Override
  public AuditHead head() {
    return tx.run(
        "audit head",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT next_sequence, last_hash FROM audit_head WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new StoreException(
                  "audit_head: the chain's head row is missing (was it deleted?)");
            }
            long next = rs.getLong(1);
            String hash = rs.getString(2);
            try {
              return next == 0 && AuditRecord.GENESIS.equals(hash)
                  ? AuditHead.EMPTY
                  : new AuditHead(next - 1, hash);
            } catch (IllegalArgumentException e) {
              throw new StoreException(
                  "audit_head: not a valid head (next_sequence "
                      + next
                      + ", last_hash '"
                      + hash
                      + "'): it was altered behind the store's back",
                  e);
            }
          }
        });
  }

  /** {@return the sequence number the next append will get: the number of records written} */
  public long nextSequence() {
    return tx.run(
        "audit head",
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT next_sequence FROM audit_head WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              throw new StoreException(
                  "audit_head: the chain's head row is missing (was it deleted?)");
            }
            return rs.getLong(1);
          }
        });
  }

  /**
   * Verifies the chain as {@link #verify()} does, and that it still holds {@code anchor}, a head
   * taken earlier and kept outside the database: the record at the anchor's sequence must exist and
   * have the anchor's hash. Records appended after the anchor are expected (the log grows run after
   * run); a chain cut back before the anchor, or rewritten up to it with its head row moved along,
   * is named. Reads the chain a batch at a time.
   *
   * @param anchor a head this chain had, e.g. printed by an earlier run
   * @return the verification: intact, or the first problem found
   * @since 0.1.0
   */
  public AuditVerification verify(AuditHead anchor) {
    Checks.notNull(anchor, "anchor");
    AuditVerification v = verify();
    if (!v.isIntact() || anchor.sequence() < 0) {
      return v;
    }
    List<AuditRecord> at =
        tx.run(
            "audit read " + anchor.sequence(),
            c -> {
              try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT " + COLUMNS + " FROM audit_record WHERE sequence = ?")) {
                ps.setLong(1, anchor.sequence());
                try (ResultSet rs = ps.executeQuery()) {
                  return rs.next() ? List.of(row(rs)) : List.<AuditRecord>of();
                }
              }
            });
    if (at.isEmpty()) {
      return new AuditVerification(
          v.recordsChecked(),
          v.recordsChecked(),
          "the chain ends at "
              + "record "
              + (v.recordsChecked() - 1)
              + " but the anchored head is record "
              + anchor.sequence()
              + ": records at the end were removed (and the head row moved back)");
    }
    if (!at.get(0).hash().equals(anchor.hash())) {
      return new AuditVerification(
          v.recordsChecked(),
          anchor.sequence(),
          "the record's hash "
              + at.get(0).hash()
              + " is not the anchored head's "
              + anchor.hash()
              + ": the chain was "
              + "rewritten (this record or one before it altered and the later hashes recomputed)");
    }
    return v;
  }

  /**
   * Verifies the chain as read back from the database, and that it ends where the head says: an
   * altered record, a gap, or a record deleted from the end is named by its sequence number.
   */
  @Override
  public AuditVerification verify() {
    return tx.run(
        "audit verify",
        c -> {
          long headNext;
          String headHash;
          try (PreparedStatement ps =
                  c.prepareStatement(
                      "SELECT next_sequence, last_hash FROM audit_head WHERE id = 1");
              ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) {
              return new AuditVerification(0, 0, "the chain's head row (audit_head) is missing");
            }
            headNext = rs.getLong(1);
            headHash = rs.getString(2);
          }
          AuditRecord[] last = new AuditRecord[1];
          AuditVerification chain;
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + COLUMNS + " FROM audit_record ORDER BY sequence")) {
            // a cursor on PostgreSQL (inside a transaction): the chain is read a batch at a time
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
              chain = AuditChain.verify(() -> rows(rs, last), AuditRecord.GENESIS);
            }
          }
          if (!chain.isIntact()) {
            return chain;
          }
          long checked = chain.recordsChecked();
          long next = last[0] == null ? 0 : last[0].sequence() + 1;
          if (next != headNext) {
            return new AuditVerification(
                checked,
                Math.min(next, headNext),
                "the chain ends "
                    + "before "
                    + next
                    + " but its head (audit_head) says records 0 to "
                    + (headNext - 1)
                    + " were written: records at the end are missing or the head was altered");
          }
          String lastHash = last[0] == null ? AuditRecord.GENESIS : last[0].hash();
          if (!lastHash.equals(headHash)) {
            return new AuditVerification(
                checked,
                next - 1,
                "the last record's hash differs "
                    + "from the one its head (audit_head) recorded: the record was replaced");
          }
          return chain;
        });
  }

  /** The records of a result set, read as iterated; the last one read is left in last[0]. */
  private static Iterator<AuditRecord> rows(ResultSet rs, AuditRecord[] last) {
    return new Iterator<>() {
      private AuditRecord next;

      @Override
      public boolean hasNext() {
        if (next != null) {
          return true;
        }
        try {
          if (!rs.next()) {
            return false;
          }
          next = row(rs);
          return true;
        } catch (SQLException e) {
          throw new StoreException(
              "audit verify: cannot read the chain [sqlstate "
                  + e.getSQLState()
                  + "]: "
                  + Transactions.oneLine(e),
              e);
        }
      }

      @Override
      public AuditRecord next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        last[0] = next;
        next = null;
        return last[0];
      }
    };
  }

  private static AuditRecord row(ResultSet rs) throws SQLException {
    long sequence = rs.getLong(1);
    try {
      AuditEntry entry =
          new AuditEntry(
              rs.getString(3),
              rs.getObject(4, LocalDate.class),
              rs.getString(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9));
      return new AuditRecord(sequence, rs.getString(2), entry, rs.getString(10));
    } catch (IllegalArgumentException e) {
      throw new BadRecordException(sequence, e);
    }
  }

  private static List<AuditRecord> readAll(Connection c) throws SQLException {
    return read(c, 0);
  }

  private static List<AuditRecord> read(Connection c, long from) throws SQLException {
    ImmutableList.Builder<AuditRecord> out = ImmutableList.builder();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + COLUMNS + " FROM audit_record WHERE sequence >= ? ORDER BY sequence")) {
      ps.setLong(1, from);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          long sequence = rs.getLong(1);
          try {
            AuditEntry entry =
                new AuditEntry(
                    rs.getString(3),
                    rs.getObject(4, LocalDate.class),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getString(8),
                    rs.getString(9));
            out.add(new AuditRecord(sequence, rs.getString(2), entry, rs.getString(10)));
          } catch (IllegalArgumentException e) {
            throw new BadRecordException(sequence, e);
          }
        }
      }
    }
    return out.build();
  }

  /** A row that is not a valid record (a field blanked behind the store's back). */
  private static final class BadRecordException extends StoreException {
    private static final long serialVersionUID = 1L;
    private final long sequence;

    BadRecordException(long sequence, IllegalArgumentException cause) {
      super(
          "audit_record[sequence=" + sequence + "]: not a valid record: " + cause.getMessage(),
          cause);
      this.sequence = sequence;
    }
  }
}
