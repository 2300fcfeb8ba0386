package dev.rebal.spark;

import com.google.common.collect.ImmutableList;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.json.HouseholdLines;
import dev.rebal.json.HouseholdRead;
import dev.rebal.json.ReadFailure;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a book into the Spark job's two inputs: the households as JSON lines (one household per
 * line, {@link HouseholdLines}), which Spark splits across partitions, and the header, a Rebal book
 * with no households that carries the as-of date and the market data, which the driver reads and
 * broadcasts. A firm that exports its book from a database writes these two directly; this class is
 * for a book file and for generated books.
 *
 * <pre>{@code
 * BookLines.Split split = BookLines.split(Path.of("book.json.gz"), Path.of("in/households.jsonl"),
 *     Path.of("in/header.json"));
 * }</pre>
 *
 * <p>This class is stateless and thread-safe.
 */
public final class BookLines {
  private BookLines() {}

  /**
   * What {@link #split} wrote: how many household lines, and the households of the book that could
   * not be built (reported here, not written: their text is not kept by the reader).
   *
   * @param households the number of lines written
   * @param unreadable the households left out, each with its path and why
   */
  public record Split(long households, List<ReadFailure> unreadable) {
    /**
     * Copies the list.
     *
     * @param households the number of lines written
     * @param unreadable the households left out, each with its path and why
     */
    public Split {
      unreadable = ImmutableList.copyOf(unreadable);
    }
  }

  /**
   * {@return the header of a book as of {@code asOf} with {@code marketData}: a Rebal book with an
   * empty households array, deterministic (the same inputs give the same text)}
   *
   * @param asOf the book's as-of date
   * @param marketData the book's market data
   */
  public static String header(LocalDate asOf, MarketData marketData) {
    Checks.notNull(asOf, "asOf");
    Checks.notNull(marketData, "marketData");
    ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
    try {
      BookWriter.open(out, asOf, marketData).close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Writes {@code households} as JSON lines to {@code file}, one household per line, in order.
   *
   * @param file the file to write
   * @param households the households, in order
   * @return the number of lines written
   * @throws IOException if writing fails
   */
  public static long writeLines(Path file, Stream<Household> households) throws IOException {
    Checks.notNull(file, "file");
    Checks.notNull(households, "households");
    long n = 0;
    try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      Iterator<Household> it = households.iterator();
      while (it.hasNext()) {
        w.write(HouseholdLines.write(it.next()));
        w.write('\n');
        n++;
      }
    }
    return n;
  }

  /**
   * Splits the book file {@code book} (plain or gzipped) into its household lines and its header.
   *
   * @param book a Rebal book file
   * @param householdsOut where the JSON lines go
   * @param headerOut where the header goes
   * @return how many households were written, and which could not be read
   * @throws IOException if reading or writing fails
   * @throws dev.rebal.json.BookFormatException if the book is malformed
   */
  public static Split split(Path book, Path householdsOut, Path headerOut) throws IOException {
    Checks.notNull(book, "book");
    Checks.notNull(householdsOut, "householdsOut");
    Checks.notNull(headerOut, "headerOut");
    ImmutableList.Builder<ReadFailure> unreadable = ImmutableList.builder();
    try (BookReader reader = BookReader.open(book)) {
      Files.writeString(
          headerOut, header(reader.asOf(), reader.marketData()), StandardCharsets.UTF_8);
      long n =
          writeLines(
              householdsOut,
              reader
                  .households()
                  .peek(r -> r.failure().ifPresent(unreadable::add))
                  .filter(HouseholdRead::isOk)
                  .map(r -> r.household().orElseThrow()));
      return new Split(n, unreadable.build());
    }
  }

  /**
   * Splits a book file from the command line: {@code BookLines BOOK HOUSEHOLDS_OUT HEADER_OUT}.
   * Prints the number of households written and each one left out; exits 2 on a usage error.
   *
   * @param args the book file, the JSON-lines file to write, the header file to write
   * @throws IOException if reading or writing fails
   */
  public static void main(String[] args) throws IOException {
    if (args.length != 3) {
      System.err.println("usage: BookLines BOOK HOUSEHOLDS_OUT HEADER_OUT");
      System.exit(2);
    }
    Split split = split(Path.of(args[0]), Path.of(args[1]), Path.of(args[2]));
    System.out.println(
        "wrote "
            + split.households()
            + " households to "
            + args[1]
            + " and the header to "
            + args[2]);
    split.unreadable().forEach(f -> System.out.println("  left out: " + f));
  }
}
