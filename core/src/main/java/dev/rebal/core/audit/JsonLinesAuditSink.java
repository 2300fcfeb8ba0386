package dev.rebal.core.audit;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalException;
import dev.rebal.core.internal.Checks;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * An append-only audit log in a file, one JSON object per line.
 *
 * <p>Opening an existing file resumes its chain after the last record (and refuses a file whose
 * chain is already broken, naming the record). Each append is written and flushed to the operating
 * system before it returns, so it survives the process being killed; {@link #sync()} forces the
 * file to the disk, so that it also survives the machine stopping. {@link #records()} reads the
 * file back from disk, so {@link #verify()} checks what is actually stored, not what this object
 * remembers; opening and {@link #verify(Path, AuditHead)} read the file line by line, in constant
 * memory whatever its size. This class is thread-safe.
 */
public final class JsonLinesAuditSink implements AuditSink, AutoCloseable {
  private final Path file;
  private final FileChannel channel;
  private final Writer writer;
  private long nextSequence;
  private String lastHash;

  private JsonLinesAuditSink(Path file, FileChannel channel, long nextSequence, String lastHash) {
    this.file = file;
    this.channel = channel;
    this.writer = new BufferedWriter(Channels.newWriter(channel, StandardCharsets.UTF_8), 1 << 16);
    this.nextSequence = nextSequence;
    this.lastHash = lastHash;
  }

  /**
   * Opens the log at {@code file}, creating it if absent.
   *
   * @param file the log file
   * @return the sink, appending after the file's last record
   * @throws RebalException if the existing file cannot be read or its chain is broken
   */
  public static JsonLinesAuditSink open(Path file) {
    Checks.notNull(file, "file");
    try {
      AuditHead head = AuditHead.EMPTY;
      if (Files.exists(file)) {
        AuditRecord[] last = new AuditRecord[1];
        AuditVerification v;
        try (Lines lines = new Lines(file)) {
          v = AuditChain.verify(() -> lines.tracking(last), AuditRecord.GENESIS);
        }
        if (!v.isIntact()) {
          throw new RebalException(file + ": " + v.problem().orElseThrow());
        }
        if (last[0] != null) {
          head = AuditHead.of(last[0]);
        }
      }
      FileChannel ch =
          FileChannel.open(
              file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      return new JsonLinesAuditSink(file, ch, head.sequence() + 1, head.hash());
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

  /** Returns the head of the chain written: its last record, or {@link AuditHead#EMPTY}. */
  @Override
  public synchronized AuditHead head() {
    return nextSequence == 0 ? AuditHead.EMPTY : new AuditHead(nextSequence - 1, lastHash);
  }

  /**
   * Forces every record appended so far to the disk (fsync), so that it survives the machine
   * stopping, not only the process; a run calls it once before it releases its outputs.
   *
   * @throws UncheckedIOException if the file cannot be forced
   */
  public synchronized void sync() {
    try {
      writer.flush();
      channel.force(true);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot force the audit log to disk", e);
    }
  }

  /** Verifies the chain as stored in the file, reading it line by line. */
  @Override
  public synchronized AuditVerification verify() {
    try {
      return verify(file);
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot read the audit log", e);
    }
  }

  /**
   * Verifies the chain in a log file, reading it line by line (constant memory).
   *
   * @param file the log file
   * @return the first broken record and why, or intact
   * @throws IOException if the file cannot be read
   * @throws RebalException naming the line if a line is not a well-formed record
   */
  public static AuditVerification verify(Path file) throws IOException {
    Checks.notNull(file, "file");
    try (Lines lines = new Lines(file)) {
      return AuditChain.verify(lines::iterator, AuditRecord.GENESIS);
    }
  }

  /**
   * Verifies the chain in a log file and that it ends exactly at {@code expected}, the head taken
   * when the log was written and kept apart from it (see {@link AuditHead}): a log cut at the end,
   * emptied, rewritten with recomputed hashes or extended is broken. Reads line by line.
   *
   * @param file the log file
   * @param expected the head the log must end at
   * @return the first problem found, or intact
   * @throws IOException if the file cannot be read
   * @throws RebalException naming the line if a line is not a well-formed record
   */
  public static AuditVerification verify(Path file, AuditHead expected) throws IOException {
    Checks.notNull(file, "file");
    Checks.notNull(expected, "expected");
    try (Lines lines = new Lines(file)) {
      return AuditChain.verify(lines::iterator, expected);
    }
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
   * @param file the log file
   * @return the records, in file order
   * @throws IOException if the file cannot be read
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
   * {@return {@code record} as one line of this log's format (a flat JSON object of eleven string
   * fields, without the line break): what {@link #append} writes} For stores that write the lines
   * themselves, e.g. a distributed job writing one chain per output file, so that {@link #read} and
   * {@link AuditChain#verify} check them like any log file.
   *
   * @param record the record
   */
  public static String toLine(AuditRecord record) {
    Checks.notNull(record, "record");
    return FlatJson.encode(toFields(record));
  }

  /**
   * Parses one line of this log's format, as written by {@link #toLine}.
   *
   * @param line the line, without its line break
   * @return the record
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
    m.put("inputsEncoding", Integer.toString(r.entry().inputsEncoding()));
    m.put("ruleSetVersion", r.entry().ruleSetVersion());
    m.put("ruleSetHash", r.entry().ruleSetHash());
    m.put("outcome", r.entry().outcome());
    m.put("body", r.entry().body());
    m.put("hash", r.hash());
    return m;
  }

  private static AuditRecord fromFields(Map<String, String> m) {
    // a record written before the encoding was recorded has no field: it is version 1
    String encoding =
        m.getOrDefault("inputsEncoding", Integer.toString(AuditEntry.INPUTS_ENCODING));
    int version;
    try {
      version = Integer.parseInt(encoding);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "inputsEncoding: not a version number, was " + encoding, e);
    }
    AuditEntry entry =
        new AuditEntry(
            field(m, "household"),
            LocalDate.parse(field(m, "asOf")),
            field(m, "inputsHash"),
            field(m, "ruleSetVersion"),
            field(m, "ruleSetHash"),
            field(m, "outcome"),
            field(m, "body"),
            version);
    int expected = m.containsKey("inputsEncoding") ? 11 : 10;
    if (m.size() != expected) {
      throw new IllegalArgumentException("expected " + expected + " fields, was " + m.keySet());
    }
    return new AuditRecord(
        Long.parseLong(field(m, "sequence")), field(m, "previousHash"), entry, field(m, "hash"));
  }

  private static String field(Map<String, String> m, String name) {
    String v = m.get(name);
    if (v == null) {
      throw new IllegalArgumentException("missing field '" + name + "'");
    }
    return v;
  }

  /** The records of a log file, read lazily line by line; iterated once. */
  private static final class Lines implements AutoCloseable {
    private final Path file;
    private final BufferedReader reader;
    private int lineNo;

    Lines(Path file) throws IOException {
      this.file = file;
      this.reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
    }

    Iterator<AuditRecord> tracking(AuditRecord[] last) {
      Iterator<AuditRecord> it = iterator();
      return new Iterator<>() {
        @Override
        public boolean hasNext() {
          return it.hasNext();
        }

        @Override
        public AuditRecord next() {
          last[0] = it.next();
          return last[0];
        }
      };
    }

    Iterator<AuditRecord> iterator() {
      return new Iterator<>() {
        private AuditRecord next;

        @Override
        public boolean hasNext() {
          while (next == null) {
            String line;
            try {
              line = reader.readLine();
            } catch (IOException e) {
              throw new UncheckedIOException(file + ": cannot read the audit log", e);
            }
            if (line == null) {
              return false;
            }
            lineNo++;
            if (line.isEmpty()) {
              continue;
            }
            try {
              next = parseLine(line);
            } catch (IllegalArgumentException e) {
              throw new RebalException(file + ": line " + lineNo + ": " + e.getMessage(), e);
            }
          }
          return true;
        }

        @Override
        public AuditRecord next() {
          if (!hasNext()) {
            throw new NoSuchElementException();
          }
          AuditRecord r = next;
          next = null;
          return r;
        }
      };
    }

    @Override
    public void close() throws IOException {
      reader.close();
    }
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
