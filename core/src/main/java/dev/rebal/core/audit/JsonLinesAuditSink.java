package dev.rebal.core.audit;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalException;
import dev.rebal.core.internal.Checks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An append-only audit log in a file, one JSON object per line.
 *
 * <p>Opening an existing file resumes its chain after the last record (and refuses a file whose
 * chain is already broken, naming the record). Each append is written and flushed before it
 * returns. {@link #records()} reads the file back from disk, so {@link #verify()} checks what is
 * actually stored, not what this object remembers. This class is thread-safe.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {
  private final Path file;
  private final BufferedWriter writer;
  private long nextSequence;
  private String lastHash;

  private JsonLinesAuditSink(Path file, BufferedWriter writer, long nextSequence, String lastHash) {
    this.file = file;
    this.writer = writer;
    this.nextSequence = nextSequence;
    this.lastHash = lastHash;
  }

  /**
   * Opens the log at {@code file}, creating it if absent.
   *
   * @throws RebalException if the existing file cannot be read or its chain is broken
   */
  public static JsonLinesAuditSink open(Path file) {
    Checks.notNull(file, "file");
    try {
      long next = 0;
      String last = AuditRecord.GENESIS;
      if (Files.exists(file)) {
        List<AuditRecord> existing = read(file);
        AuditVerification v = AuditChain.verify(existing);
        if (!v.isIntact()) {
          throw new RebalException(file + ": " + v.problem().orElseThrow());
        }
        if (!existing.isEmpty()) {
          AuditRecord tail = existing.get(existing.size() - 1);
          next = tail.sequence() + 1;
          last = tail.hash();
        }
      }
      BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND);
      return new JsonLinesAuditSink(file, w, next, last);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot open the audit log", e);
    }
  }

  @Override
  public synchronized AuditRecord append(AuditEntry entry) {
    Checks.notNull(entry, "entry");
    AuditRecord record = AuditRecord.chain(nextSequence, lastHash, entry);
    try {
      writer.write(toLine(record));
      writer.write('\n');
      writer.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot append audit record " + nextSequence, e);
    }
    nextSequence++;
    lastHash = record.hash();
    return record;
  }

  @Override
  public synchronized List<AuditRecord> records() {
    try {
      return read(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the audit log", e);
    }
  }

  /**
   * Reads every record of an audit log file.
   *
   * @throws RebalException naming the line if a line is not a well-formed record
   */
  public static List<AuditRecord> read(Path file) throws IOException {
    ImmutableList.Builder<AuditRecord> out = ImmutableList.builder();
    int lineNo = 0;
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      lineNo++;
      if (line.isEmpty()) {
        continue;
      }
      try {
        out.add(parseLine(line));
      } catch (IllegalArgumentException e) {
        throw new RebalException(file + ": line " + lineNo + ": " + e.getMessage(), e);
      }
    }
    return out.build();
  }

  /**
   * Returns {@code record} as one line of this log's format (a flat JSON object of ten string
   * fields, without the line break): what {@link #append} writes. For stores that write the lines
   * themselves, e.g. a distributed job writing one chain per output file, so that {@link #read} and
   * {@link AuditChain#verify} check them like any log file.
   */
  public static String toLine(AuditRecord record) {
    Checks.notNull(record, "record");
    return FlatJson.encode(toFields(record));
  }

  /**
   * Parses one line of this log's format, as written by {@link #toLine}.
   *
   * @throws IllegalArgumentException if the line is not a well-formed audit record
   */
  public static AuditRecord parseLine(String line) {
    Checks.notNull(line, "line");
    try {
      return fromFields(FlatJson.decode(line));
    } catch (IllegalArgumentException | java.time.DateTimeException e) {
      throw new IllegalArgumentException("not an audit record: " + e.getMessage(), e);
    }
  }

  private static Map<String, String> toFields(AuditRecord r) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("sequence", Long.toString(r.sequence()));
    m.put("previousHash", r.previousHash());
    m.put("household", r.entry().household());
    m.put("asOf", r.entry().asOf().toString());
    m.put("inputsHash", r.entry().inputsHash());
    m.put("ruleSetVersion", r.entry().ruleSetVersion());
    m.put("ruleSetHash", r.entry().ruleSetHash());
    m.put("outcome", r.entry().outcome());
    m.put("body", r.entry().body());
    m.put("hash", r.hash());
    return m;
  }

  private static AuditRecord fromFields(Map<String, String> m) {
    AuditEntry entry = new AuditEntry(field(m, "household"), LocalDate.parse(field(m, "asOf")),
        field(m, "inputsHash"), field(m, "ruleSetVersion"), field(m, "ruleSetHash"),
        field(m, "outcome"), field(m, "body"));
    if (m.size() != 10) {
      throw new IllegalArgumentException("expected 10 fields, was " + m.keySet());
    }
    return new AuditRecord(Long.parseLong(field(m, "sequence")), field(m, "previousHash"), entry,
        field(m, "hash"));
  }

  private static String field(Map<String, String> m, String name) {
    String v = m.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return v;
  }

  /** Closes the file. */
  @Override
  public synchronized void close() {
    try {
      writer.close();
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot close the audit log", e);
    }
  }
}
