package dev.rebal.examples;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.google.common.collect.ImmutableSortedSet;
import dev.rebal.core.audit.AuditEntry;
import dev.rebal.core.audit.AuditRecord;
import dev.rebal.core.audit.AuditSink;
import dev.rebal.core.review.ReviewItem;
import dev.rebal.core.review.ReviewQueue;
import dev.rebal.core.review.ReviewStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The review queue of one run without a database: write-only, so that a book of any size is never
 * held in memory. Each submitted item is audited exactly as {@link
 * dev.rebal.core.review.InMemoryReviewQueue} audits it (same ids, {@code R-1}, {@code R-2}, ...,
 * same records) and written at once to a work file of its priority; {@link #forEachPending} reads
 * them back most urgent first, then in submission order (within a run every item has the run's
 * as-of date, so this is the order of {@link ReviewQueue#pending()}). Reviewers act on items in a
 * durable queue ({@code --state}); this one only collects a run's items, so its other actions throw
 * {@link UnsupportedOperationException}. Thread-safe: submissions are serialized.
 */
final class StreamedReviewQueue implements ReviewQueue, AutoCloseable {
  private static final String NO_RULE_SET = "review-action";
  private static final JsonFactory JSON = new JsonFactory();

  private final AuditSink audit;
  private final Path work;
  private final Map<Integer, Writer> parts = new TreeMap<>();
  private long submitted;

  StreamedReviewQueue(AuditSink audit, Path work) {
    this.audit = audit;
    this.work = work;
  }

  @Override
  public synchronized ReviewItem submit(
      String household, LocalDate asOf, int priority, Set<String> reasons, String explanation) {
    ReviewItem item =
        new ReviewItem(
            "R-" + (submitted + 1),
            household,
            asOf,
            priority,
            ImmutableSortedSet.copyOf(reasons),
            explanation,
            ReviewStatus.PENDING,
            "",
            "",
            "",
            0);
    String body =
        "review " + item.id() + " v0 SUBMITTED on " + asOf + "\nreasons=" + item.reasons();
    audit.append(
        new AuditEntry(
            household,
            asOf,
            AuditRecord.sha256Hex(explanation),
            NO_RULE_SET,
            NO_RULE_SET,
            "REVIEW_SUBMITTED",
            body));
    submitted++;
    try {
      Writer w = parts.get(priority);
      if (w == null) {
        Files.createDirectories(work);
        w = Files.newBufferedWriter(part(priority), StandardCharsets.UTF_8);
        parts.put(priority, w);
      }
      try (JsonGenerator g =
          JSON.createGenerator(w).disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)) {
        g.writeStartObject();
        g.writeStringField("id", item.id());
        g.writeStringField("household", household);
        g.writeStringField("asOf", asOf.toString());
        g.writeArrayFieldStart("reasons");
        for (String r : item.reasons()) {
          g.writeString(r);
        }
        g.writeEndArray();
        g.writeStringField("explanation", explanation);
        g.writeEndObject();
      }
      w.write('\n');
    } catch (IOException e) {
      throw new UncheckedIOException(work + ": cannot write the review queue", e);
    }
    return item;
  }

  private Path part(int priority) {
    return work.resolve("review-priority-" + priority + ".jsonl");
  }

  /** Hands every item submitted to {@code action}, most urgent first; returns how many. */
  synchronized long forEachPending(Consumer<ReviewItem> action) throws IOException {
    long n = 0;
    for (Map.Entry<Integer, Writer> e : parts.entrySet()) {
      e.getValue().flush();
      try (BufferedReader in = Files.newBufferedReader(part(e.getKey()), StandardCharsets.UTF_8)) {
        String line;
        while ((line = in.readLine()) != null) {
          action.accept(parse(line, e.getKey()));
          n++;
        }
      }
    }
    return n;
  }

  private static ReviewItem parse(String line, int priority) throws IOException {
    String id = null;
    String household = null;
    String asOf = null;
    String explanation = null;
    List<String> reasons = new ArrayList<>();
    try (JsonParser p = JSON.createParser(line)) {
      p.nextToken();
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String field = p.currentName();
        if (p.nextToken() == JsonToken.START_ARRAY) {
          while (p.nextToken() != JsonToken.END_ARRAY) {
            reasons.add(p.getText());
          }
          continue;
        }
        switch (field) {
          case "id" -> id = p.getText();
          case "household" -> household = p.getText();
          case "asOf" -> asOf = p.getText();
          default -> explanation = p.getText();
        }
      }
    }
    return new ReviewItem(
        id,
        household,
        LocalDate.parse(asOf),
        priority,
        ImmutableSortedSet.copyOf(reasons),
        explanation,
        ReviewStatus.PENDING,
        "",
        "",
        "",
        0);
  }

  /** Closes and deletes the work files. */
  @Override
  public synchronized void close() throws IOException {
    for (Map.Entry<Integer, Writer> e : parts.entrySet()) {
      e.getValue().close();
      Files.deleteIfExists(part(e.getKey()));
    }
    parts.clear();
  }

  private static UnsupportedOperationException writeOnly() {
    return new UnsupportedOperationException(
        "the main job's run queue is write-only: its items "
            + "are streamed to review-queue.json; act on items in a durable queue (--state)");
  }

  @Override
  public Optional<ReviewItem> find(String id) {
    throw writeOnly();
  }

  @Override
  public List<ReviewItem> pending() {
    throw writeOnly();
  }

  @Override
  public List<ReviewItem> byHousehold(String household) {
    throw writeOnly();
  }

  @Override
  public List<ReviewItem> pendingByReason(String reason) {
    throw writeOnly();
  }

  @Override
  public ReviewItem assign(String id, long expectedVersion, String assignee, LocalDate on) {
    throw writeOnly();
  }

  @Override
  public ReviewItem approve(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    throw writeOnly();
  }

  @Override
  public ReviewItem reject(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    throw writeOnly();
  }

  @Override
  public ReviewItem modify(
      String id, long expectedVersion, String actor, String note, LocalDate on) {
    throw writeOnly();
  }

  @Override
  public List<ReviewItem> expireBefore(LocalDate cutoff, LocalDate on) {
    throw writeOnly();
  }
}
