package dev.rebal.examples;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.rebal.core.money.HumanFormat;
import dev.rebal.core.review.ReviewItem;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Consumer;

/**
 * Writes {@code review-queue.json}: {@code {"pending": N, "items": [...]}}, each item with its id,
 * household, as-of date, priority, status, reasons, the routing findings (and, as {@code
 * findingsText}, the same with their figures formatted for people) and the decision's lines. Items
 * are streamed in: the file is written as they come, so a queue of any size is never held in
 * memory; the count, known only at the end, is put in place when the file is finished.
 */
final class ReviewQueueFile {
  /**
   * A source of pending items, most urgent first, that hands each to a consumer and counts them.
   */
  interface Items {
    long forEach(Consumer<ReviewItem> action) throws IOException;
  }

  private ReviewQueueFile() {}

  /**
   * Writes the pending items of {@code items} to {@code file}, using {@code work} for a scratch
   * file.
   *
   * @return how many items were written
   */
  static long write(Path file, Path work, Items items) throws IOException {
    Path body = work.resolve("review-queue.body.json");
    Files.createDirectories(work);
    long n;
    try (Writer w = Files.newBufferedWriter(body, StandardCharsets.UTF_8);
        JsonGenerator g = DecisionJson.generator(w)) {
      g.writeStartObject();
      g.writeNumberField("pending", 0);
      g.writeArrayFieldStart("items");
      n =
          items.forEach(
              i -> {
                try {
                  writeItem(g, i);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
      g.writeEndArray();
      g.writeEndObject();
      g.flush();
      w.write('\n');
    }
    // the body's first two lines are "{" and the placeholder count; the rest is copied as is
    try (BufferedReader in = Files.newBufferedReader(body, StandardCharsets.UTF_8);
        Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      String open = in.readLine();
      String placeholder = in.readLine();
      out.write(open);
      out.write('\n');
      out.write(placeholder.replace("0", Long.toString(n)));
      out.write('\n');
      in.transferTo(out);
    }
    Files.delete(body);
    return n;
  }

  private static void writeItem(JsonGenerator g, ReviewItem i) throws IOException {
    g.writeStartObject();
    g.writeStringField("id", i.id());
    g.writeStringField("household", i.household());
    g.writeStringField("asOf", i.asOf().toString());
    g.writeNumberField("priority", i.priority());
    g.writeStringField("status", i.status().name());
    g.writeArrayFieldStart("reasons");
    for (String r : i.reasons()) {
      g.writeString(r);
    }
    g.writeEndArray();
    g.writeArrayFieldStart("findings");
    for (String line : i.explanation().split("\n")) {
      if (line.startsWith("route ")) {
        g.writeString(line.substring("route ".length()));
      }
    }
    g.writeEndArray();
    // the same findings with their figures formatted for people
    g.writeArrayFieldStart("findingsText");
    for (String line : i.explanation().split("\n")) {
      if (line.startsWith("route ")) {
        g.writeString(HumanFormat.text(line.substring("route ".length())));
      }
    }
    g.writeEndArray();
    g.writeArrayFieldStart("decision");
    for (String line : i.explanation().split("\n")) {
      g.writeString(line);
    }
    g.writeEndArray();
    g.writeEndObject();
  }
}
