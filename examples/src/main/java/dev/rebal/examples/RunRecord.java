package dev.rebal.examples;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The record a run leaves in its folder, {@value #FILE}: its run id and as-of date, the book and
 * the rule set, the figures a later run compares with (households by outcome, trades, traded value,
 * estimated tax and losses harvested, auto and review apart) and every exception as a line {@code
 * exception<TAB>household<TAB>kind}, in the order the run found them. Plain text, one {@code key:
 * value} per line; deterministic (no clock, no duration), like every output file.
 *
 * @param runId the run's id in its output folder, e.g. {@code run-0003}
 * @param asOf the as-of date
 * @param figures the figures by key, in the order written
 * @param exceptions the exceptions as {@code household<TAB>kind}, in the order found
 */
record RunRecord(
    String runId, LocalDate asOf, Map<String, String> figures, Set<String> exceptions) {
  /** The file's name in a run's folder. */
  static final String FILE = "run-record.txt";

  static final String HEADER = "rebal run record 1";
  private static final Pattern RUN_ID = Pattern.compile("run-\\d{4,9}");

  /** Returns the run number of {@code runId} ({@code run-0003}: 3), or -1 if it is not one. */
  static long number(String runId) {
    return RUN_ID.matcher(runId).matches() ? Long.parseLong(runId.substring(4)) : -1;
  }

  /** Returns the id of run number {@code n}: {@code run-0003}. */
  static String id(long n) {
    return String.format(java.util.Locale.ROOT, "run-%04d", n);
  }

  /** The figure {@code key} as a decimal, zero if absent. */
  BigDecimal decimal(String key) {
    String v = figures.get(key);
    try {
      return v == null ? BigDecimal.ZERO : new BigDecimal(v);
    } catch (NumberFormatException e) {
      return BigDecimal.ZERO;
    }
  }

  /** The figure {@code key}, or "-" if absent. */
  String text(String key) {
    return figures.getOrDefault(key, "-");
  }

  /**
   * Writes the record's header and figures to {@code out}, then the exception lines of {@code
   * exceptionLines} (a work file of {@code household<TAB>kind} lines) as they are.
   */
  static void write(
      Writer out, String runId, LocalDate asOf, Map<String, String> figures, Path exceptionLines)
      throws IOException {
    out.write(HEADER + "\n");
    out.write("run: " + runId + "\n");
    out.write("as-of: " + asOf + "\n");
    for (Map.Entry<String, String> e : figures.entrySet()) {
      out.write(e.getKey() + ": " + e.getValue().replaceAll("\\R", " ") + "\n");
    }
    if (Files.exists(exceptionLines)) {
      try (BufferedReader in = Files.newBufferedReader(exceptionLines, StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          out.write("exception\t" + line + "\n");
        }
      }
    }
  }

  /**
   * Reads the record in run folder {@code dir}; empty if there is none or it is not a run record
   * this version reads (a folder written before runs were recorded, or a damaged file).
   */
  static Optional<RunRecord> read(Path dir) throws IOException {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    String runId = null;
    LocalDate asOf = null;
    Map<String, String> figures = new LinkedHashMap<>();
    Set<String> exceptions = new LinkedHashSet<>();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      if (!HEADER.equals(in.readLine())) {
        return Optional.empty();
      }
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("exception\t")) {
          exceptions.add(line.substring("exception\t".length()));
          continue;
        }
        int colon = line.indexOf(": ");
        if (colon < 0) {
          continue;
        }
        String key = line.substring(0, colon);
        String value = line.substring(colon + 2);
        switch (key) {
          case "run" -> runId = value;
          case "as-of" -> asOf = parseDate(value);
          default -> figures.put(key, value);
        }
      }
    }
    if (runId == null || number(runId) < 0 || asOf == null) {
      return Optional.empty();
    }
    return Optional.of(new RunRecord(runId, asOf, figures, exceptions));
  }

  private static LocalDate parseDate(String s) {
    try {
      return LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
