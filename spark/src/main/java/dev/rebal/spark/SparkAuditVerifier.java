package dev.rebal.spark;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.common.collect.ImmutableList;
import dev.rebal.core.RebalException;
import dev.rebal.core.audit.AuditChain;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditVerification;
import dev.rebal.core.audit.JsonLinesAuditSink;
import dev.rebal.core.internal.Checks;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Verifies the audit output of a {@link SparkRebalancer#run} after the job, from the files: each
 * file of {@code audit/} must be an intact chain ({@link AuditChain#verify} from {@link
 * AuditRecord#GENESIS}: every record's hash matches its content, each names the one before, no
 * sequence gap), and the chains must be exactly those of {@code audit-manifest/}, matched by their
 * first hash, each with the manifest's record count and last hash (so a dropped file, a truncated
 * chain or an extra file shows too). Each problem names the file, the record's sequence number and
 * household, and why.
 *
 * <p>It reads a local (or mounted) directory: for a job written to HDFS or an object store, copy
 * {@code audit/} and {@code audit-manifest/} down first (docs/scale-out.md). Usage: {@code java -cp
 * rebal-spark-job.jar dev.rebal.spark.SparkAuditVerifier OUT_DIR}, which exits 1 if anything is
 * wrong. This class is stateless and thread-safe.
 */
public final class SparkAuditVerifier {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private SparkAuditVerifier() {}

  /**
   * The result of verifying a job's audit output. This record is immutable and thread-safe.
   *
   * @param chains the number of chain files read
   * @param records the number of records read
   * @param problems every problem found, sorted by file; empty when intact
   */
  public record Report(long chains, long records, List<String> problems) {
    /**
     * Copies the list.
     *
     * @param chains the number of chain files read
     * @param records the number of records read
     * @param problems every problem found, sorted by file; empty when intact
     */
    public Report {
      problems = ImmutableList.copyOf(problems);
    }

    /** {@return whether every chain is intact and matches the manifest} */
    public boolean isIntact() {
      return problems.isEmpty();
    }
  }

  /** One line of the manifest. */
  private record Expected(String chain, long records, String firstHash, String lastHash) {}

  /**
   * Verifies the audit output under {@code outDir}.
   *
   * @param outDir the output directory of a {@link SparkRebalancer#run} run
   * @return the chains and records read, and every problem found
   * @throws IOException if a file cannot be read
   * @throws RebalException if {@code audit/} or {@code audit-manifest/} is missing or the manifest
   *     is malformed
   */
  public static Report verify(Path outDir) throws IOException {
    Checks.notNull(outDir, "outDir");
    TreeMap<String, Expected> manifest = readManifest(outDir.resolve("audit-manifest"));
    List<String> problems = new ArrayList<>();
    long chains = 0;
    long records = 0;
    for (Path file : parts(outDir.resolve("audit"), ".txt")) {
      String name = outDir.relativize(file).toString();
      chains++;
      // a broken file still accounts for its manifest chain (by the first line's stored hash), so
      // that only the real problem is reported
      Optional<Expected> expected = firstHash(file).map(manifest::remove);
      List<AuditRecord> chain;
      try {
        chain = JsonLinesAuditSink.read(file);
      } catch (RebalException e) {
        problems.add(name + e.getMessage().substring(file.toString().length()));
        continue;
      }
      records += chain.size();
      if (chain.isEmpty()) {
        problems.add(name + ": empty audit file");
        continue;
      }
      AuditVerification v = AuditChain.verify(chain);
      if (!v.isIntact()) {
        problems.add(
            name
                + ": "
                + v.problem().orElseThrow()
                + " (household "
                + householdAt(chain, v.brokenAt())
                + ")");
        continue;
      }
      AuditRecord last = chain.get(chain.size() - 1);
      if (expected.isEmpty()) {
        problems.add(
            name
                + ": chain starting with household "
                + chain.get(0).entry().household()
                + " is not in the manifest");
      } else if (expected.get().records() != chain.size()
          || !expected.get().lastHash().equals(last.hash())) {
        Expected e = expected.get();
        problems.add(
            name
                + ": chain "
                + e.chain()
                + " has "
                + chain.size()
                + " records ending with "
                + last.hash()
                + ", the manifest says "
                + e.records()
                + " ending with "
                + e.lastHash());
      }
    }
    manifest
        .values()
        .forEach(
            e ->
                problems.add(
                    "audit-manifest: chain "
                        + e.chain()
                        + " ("
                        + e.records()
                        + " records) has no audit file"));
    return new Report(chains, records, problems);
  }

  /** Returns the stored hash of the file's first record, if its first line is a record. */
  private static Optional<String> firstHash(Path file) throws IOException {
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = in.readLine();
      return Optional.of(JsonLinesAuditSink.parseLine(line == null ? "" : line).hash());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static String householdAt(List<AuditRecord> chain, long sequence) {
    return chain.stream()
        .filter(r -> r.sequence() == sequence)
        .findFirst()
        .map(r -> r.entry().household())
        .orElse("unknown");
  }

  /** Returns the manifest's chains by first hash. */
  private static TreeMap<String, Expected> readManifest(Path dir) throws IOException {
    TreeMap<String, Expected> byFirstHash = new TreeMap<>();
    for (Path file : parts(dir, ".json")) {
      int lineNo = 0;
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        lineNo++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode n = MAPPER.readTree(line);
        if (!n.path("chain").isTextual()
            || !n.path("records").canConvertToLong()
            || !n.path("firstHash").isTextual()
            || !n.path("lastHash").isTextual()) {
          throw new RebalException(file + ": line " + lineNo + ": not a manifest row: " + line);
        }
        Expected e =
            new Expected(
                n.get("chain").textValue(),
                n.get("records").longValue(),
                n.get("firstHash").textValue(),
                n.get("lastHash").textValue());
        byFirstHash.put(e.firstHash(), e);
      }
    }
    return byFirstHash;
  }

  /** Returns the {@code part-*} files of {@code dir} ending in {@code suffix}, sorted by name. */
  private static List<Path> parts(Path dir, String suffix) throws IOException {
    if (!Files.isDirectory(dir)) {
      throw new RebalException(dir + ": missing: not the output of a Spark rebalance job");
    }
    try (Stream<Path> files = Files.list(dir)) {
      return files
          .filter(
              p ->
                  p.getFileName().toString().startsWith("part-")
                      && p.getFileName().toString().endsWith(suffix))
          .sorted()
          .toList();
    }
  }

  /**
   * Verifies the output directory given as the only argument, prints the result, and exits 1 if
   * anything is wrong (2 on a usage error).
   *
   * @param args the output directory of a job
   * @throws IOException if a file cannot be read
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 1) {
      System.err.println("usage: SparkAuditVerifier OUT_DIR");
      System.exit(2);
    }
    Report r = verify(Path.of(args[0]));
    System.out.println(
        "audit: "
            + r.chains()
            + " chains, "
            + r.records()
            + " records, "
            + (r.isIntact() ? "intact, matching the manifest" : r.problems().size() + " problems"));
    r.problems().forEach(p -> System.out.println("  " + p));
    if (!r.isIntact()) {
      System.exit(1);
    }
  }
}
