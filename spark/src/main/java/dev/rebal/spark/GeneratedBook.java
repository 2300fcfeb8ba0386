package dev.rebal.spark;

import dev.rebal.json.HouseholdLines;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.util.Iterator;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * A generated book as a Dataset of household lines, generated on the executors: household i is
 * {@code BookGenerator.of(BookConfig.of(seed)).household(i)}, the same on every machine, so the
 * driver never holds the book and no task carries it.
 */
final class GeneratedBook implements MapPartitionsFunction<Long, String> {
  private static final long serialVersionUID = 1L;

  private final long seed;

  private GeneratedBook(long seed) {
    this.seed = seed;
  }

  /** Returns households 0 to {@code count - 1} of the book generated with {@code seed}. */
  static Dataset<String> lines(SparkSession spark, long seed, long count) {
    return spark
        .range(count)
        .as(Encoders.LONG())
        .mapPartitions(new GeneratedBook(seed), Encoders.STRING());
  }

  @Override
  public Iterator<String> call(Iterator<Long> indices) {
    BookGenerator generator = BookGenerator.of(BookConfig.of(seed));
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return indices.hasNext();
      }

      @Override
      public String next() {
        return HouseholdLines.write(generator.household(indices.next()));
      }
    };
  }
}
