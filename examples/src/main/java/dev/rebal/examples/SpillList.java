package dev.rebal.examples;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A list of report lines kept in a file, not in memory: a report over a book of any size holds only
 * the counts. Lines are appended, then copied once, in order, to the report; a line may hold line
 * breaks (they are escaped in the file). Not thread-safe.
 */
final class SpillList implements AutoCloseable {
  private final Path file;
  private final BufferedWriter out;
  private long size;

  SpillList(Path file) throws IOException {
    this.file = file;
    Files.createDirectories(file.getParent());
    this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
  }

  void add(String line) {
    try {
      out.write(line.replace("\\", "\\\\").replace("\n", "\\n"));
      out.write('\n');
      size++;
    } catch (IOException e) {
      throw new UncheckedIOException(file + ": cannot write", e);
    }
  }

  long size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

  /** Copies every line, each followed by a line break, to {@code to}. */
  void copyTo(Writer to) throws IOException {
    out.flush();
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while ((line = in.readLine()) != null) {
        to.write(unescape(line));
        to.write('\n');
      }
    }
  }

  private static String unescape(String s) {
    if (s.indexOf('\\') < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        sb.append(n == 'n' ? '\n' : n);
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  @Override
  public void close() throws IOException {
    out.close();
    Files.deleteIfExists(file);
  }
}
