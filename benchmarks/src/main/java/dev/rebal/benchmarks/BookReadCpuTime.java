package dev.rebal.benchmarks;

import dev.rebal.json.BookReader;
import dev.rebal.json.BookWriter;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The cost of reading a book: the first N households of the generated book (seed {@link Bins#SEED})
 * written once as a JSON book in memory, then read back with {@link BookReader} (parse and map to
 * the model, as the main job reads) pass after pass, timed by the calling thread's CPU time. Prints
 * each measured pass and the median, in milliseconds of CPU per household. Not run by the build;
 * run it by hand:
 *
 * <pre>{@code
 * java -cp benchmarks/target/benchmarks.jar dev.rebal.benchmarks.BookReadCpuTime [N] [WARMUP] [PASSES]
 * }</pre>
 */
public final class BookReadCpuTime {
  private BookReadCpuTime() {}

  /**
   * Runs the measurement.
   *
   * @param args optional: the number of households (5,000), warm-up passes (10), measured passes
   *     (5)
   * @throws IOException never in practice (the book is in memory)
   */
  public static void main(String[] args) throws IOException {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    int passes = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    BookGenerator generator = Bins.generator();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (BookWriter writer = BookWriter.open(bytes, generator.asOf(), generator.marketData())) {
      generator.households(n).forEach(writer::write);
    }
    byte[] book = bytes.toByteArray();
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    double[] perHousehold = new double[passes];
    for (int pass = 0; pass < warmup + passes; pass++) {
      long start = threads.getCurrentThreadCpuTime();
      long read = 0;
      try (BookReader reader = BookReader.open(new ByteArrayInputStream(book))) {
        while (reader.next().isPresent()) {
          read++;
        }
      }
      double ms = (threads.getCurrentThreadCpuTime() - start) / 1e6 / read;
      if (pass >= warmup) {
        perHousehold[pass - warmup] = ms;
        System.out.printf(
            Locale.ROOT, "pass %d: %.4f ms CPU per household%n", pass - warmup + 1, ms);
      }
    }
    Arrays.sort(perHousehold);
    System.out.printf(
        Locale.ROOT,
        "read %d households (%d KB of JSON): median %.4f ms CPU per household%n",
        n,
        book.length / 1024,
        perHousehold[passes / 2]);
  }
}
