package dev.rebal.json.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Cuts the {@code households} array of a book into the raw bytes of each element, without parsing
 * them, so that a malformed household (a bad token, a duplicate key, a trailing comma, deep nesting,
 * a huge string) can be reported on its own and reading resumes at the next one.
 *
 * <p>Method: a byte scan that knows only strings (with their escapes) and brackets. In UTF-8 the
 * bytes {@code " \ { } [ ] ,} never occur inside a multi-byte character, so scanning bytes is
 * exact. An element ends at a comma or at the array's closing bracket outside any string and
 * bracket. Because {@link dev.rebal.json.BookWriter} writes each household on a line of its own,
 * a line that starts with {@code {} or {@code ]} while an element is still open means that element
 * was cut short (an unclosed bracket or string); the element ends there, broken, and the scan
 * resumes with that line, so one unclosed bracket costs one household, not the rest of the book.
 * A closing bracket that does not match its opener marks the element broken: it then ends only at
 * such a line (or at the end of input), so a stray brace cannot cut a household into pieces.
 *
 * <p>Memory is bounded: an element longer than {@link #MAX_HOUSEHOLD_BYTES} is scanned to its end
 * but only its first {@link #KEPT_WHEN_OVERSIZED} bytes are kept (enough to name its id). Not
 * thread-safe.
 */
public final class HouseholdSplitter {
  /** The largest household kept whole: 16 MiB of JSON (a household of 100,000 lots is ~15 MB). */
  public static final int MAX_HOUSEHOLD_BYTES = 16 << 20;

  /** The bytes kept of an oversized household. */
  static final int KEPT_WHEN_OVERSIZED = 64 << 10;

  /** Brackets deeper than this mark an element broken (the JSON reader allows 1,000). */
  static final int MAX_DEPTH = 2048;

  /** One element of the households array, as read. */
  public static final class Element {
    private final byte[] bytes;
    private final int length;
    private final int line;
    private final int column;
    private final long size;
    private final boolean cut;

    Element(byte[] bytes, int length, int line, int column, long size, boolean cut) {
      this.bytes = bytes;
      this.length = length;
      this.line = line;
      this.column = column;
      this.size = size;
      this.cut = cut;
    }

    /** Returns the buffer holding the element's bytes (valid up to {@link #length()}). */
    public byte[] bytes() {
      return bytes;
    }

    /** Returns the number of bytes kept. */
    public int length() {
      return length;
    }

    /** Returns the 1-based line the element starts on. */
    public int line() {
      return line;
    }

    /** Returns the 1-based byte column the element starts at. */
    public int column() {
      return column;
    }

    /** Returns whether the element was longer than {@link #MAX_HOUSEHOLD_BYTES}. */
    public boolean oversized() {
      return size > MAX_HOUSEHOLD_BYTES;
    }

    /** Returns the element's full size in bytes. */
    public long size() {
      return size;
    }

    /**
     * Returns whether the element was cut short: an unclosed bracket or string, or end of input.
     */
    public boolean cut() {
      return cut;
    }

    /** Returns whether the element holds nothing but white space (e.g. a trailing comma). */
    public boolean isEmpty() {
      for (int i = 0; i < length; i++) {
        if (!isSpace(bytes[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final InputStream in;
  private final byte[] buf = new byte[1 << 16];
  private int pos;
  private int limit;
  private int line;
  private long consumed;
  private long lineStartConsumed;
  private boolean ended;
  private boolean expectElement; // after a comma: an element must follow
  private byte[] out = new byte[1 << 12];
  private final byte[] openers = new byte[MAX_DEPTH];
  private int outLength;

  /**
   * Creates a splitter reading {@code in}, positioned just after the array's opening bracket, which
   * was at {@code line} and {@code column} (1-based).
   */
  public HouseholdSplitter(InputStream in, int line, int column) {
    this.in = in;
    this.line = line;
    this.lineStartConsumed = -column; // the next byte is at column + 1
  }

  /** Returns the current 1-based line. */
  public int line() {
    return line;
  }

  /** Returns the current 1-based column. */
  public int column() {
    return (int) (consumed - lineStartConsumed + 1);
  }

  /**
   * Returns the next element, or null at the end of the array (or of the input, if it ends first:
   * see {@link #endedEarly()}).
   *
   * @throws IOException if the input cannot be read
   */
  public Element next() throws IOException {
    if (ended) {
      return null;
    }
    int c = skipSpace();
    if (c < 0) {
      ended = true;
      endedEarly = true;
      if (expectElement) {
        return new Element(new byte[0], 0, line, column(), 0, true);
      }
      return null;
    }
    if (c == ']') {
      int at = column();
      int atLine = line;
      take();
      if (endsArray()) {
        ended = true;
        if (expectElement) {
          expectElement = false;
          return new Element(new byte[0], 0, atLine, at, 0, false);
        }
        return null;
      }
      // a stray bracket where a household should start: that household is broken
      if (resyncAfterStray()) {
        return new Element(new byte[] {']'}, 1, atLine, at, 1, true);
      }
      return element(atLine, at, ']');
    }
    return element(line, column(), -1);
  }

  /**
   * Returns whether a {@code ]} just taken at the array's level ends the array: only white space
   * and then the book's closing brace (or the end of input) may follow. Otherwise it is a stray
   * bracket (a corrupted byte), and the households after it are still read.
   */
  private boolean endsArray() throws IOException {
    int d = skipSpace();
    return d < 0 || d == '}';
  }

  /**
   * After a stray bracket (and the white space {@link #endsArray} skipped), returns whether the
   * next household starts here: at a comma (taken) or an opening brace.
   */
  private boolean resyncAfterStray() throws IOException {
    int d = peek();
    if (d == ',') {
      take();
      expectElement = true;
      return true;
    }
    return d == '{';
  }

  private boolean endedEarly;

  /** Returns whether the input ended inside the array (a truncated book). */
  public boolean endedEarly() {
    return endedEarly;
  }

  /**
   * Returns what follows the array, up to {@code max} bytes, for the caller to check that only the
   * book's closing brace and white space remain.
   */
  public byte[] rest(int max) throws IOException {
    byte[] r = new byte[Math.max(0, max)];
    int n = 0;
    int c;
    while (n < r.length && (c = take()) >= 0) {
      r[n++] = (byte) c;
    }
    return Arrays.copyOf(r, n);
  }

  private Element element(int startLine, int startColumn, int first) throws IOException {
    outLength = 0;
    long size = 0;
    int depth = 0;
    // a closer that does not match its opener: resync by line only
    boolean broken = first >= 0;
    if (first >= 0) {
      keep(first, ++size);
    }
    boolean inString = false;
    boolean escaped = false;
    boolean cut = false;
    expectElement = false;
    while (true) {
      int c = peek();
      if (c < 0) {
        ended = true;
        endedEarly = true;
        cut = true;
        break;
      }
      if (!inString && !broken && depth <= 0 && (c == ',' || c == ']')) {
        take();
        if (c == ',') {
          expectElement = true;
          break;
        }
        if (endsArray()) {
          ended = true;
          break;
        }
        // a stray bracket after this element: it is broken; resync at the next household
        broken = true;
        keep(c, ++size);
        if (resyncAfterStray()) {
          cut = true;
          break;
        }
        continue;
      }
      take();
      size++;
      keep(c, size);
      if (c == '\n') {
        int d = peek();
        if ((depth > 0 || inString || broken) && (d == '{' || d == ']') || depth == 0 && d == '{') {
          // resync: a household line or the end of the array starts here, and this element has
          // not ended (an unclosed bracket or string) or has no comma after it
          cut = true;
          break;
        }
        escaped = false;
        continue;
      }
      if (inString) {
        if (escaped) {
          escaped = false;
        } else if (c == '\\') {
          escaped = true;
        } else if (c == '"') {
          inString = false;
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        if (depth < openers.length) {
          openers[depth] = (byte) c;
        } else {
          broken = true; // deeper than any reader accepts
        }
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0 || depth <= openers.length && openers[depth - 1] != (c == '}' ? '{' : '[')) {
          broken = true;
        }
        depth = Math.max(0, depth - 1);
      }
    }
    return new Element(out, outLength, startLine, startColumn, size, cut);
  }

  private void keep(int c, long size) {
    if (size > MAX_HOUSEHOLD_BYTES && outLength >= KEPT_WHEN_OVERSIZED) {
      return;
    }
    if (outLength == out.length) {
      int grown = (int) Math.min((long) out.length * 2, MAX_HOUSEHOLD_BYTES);
      if (grown <= out.length) {
        return; // oversized: the first bytes are kept
      }
      out = Arrays.copyOf(out, grown);
    }
    out[outLength++] = (byte) c;
  }

  private int skipSpace() throws IOException {
    int c;
    while ((c = peek()) >= 0 && isSpace((byte) c)) {
      take();
    }
    return c;
  }

  private static boolean isSpace(byte b) {
    return b == ' ' || b == '\n' || b == '\r' || b == '\t';
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  private int take() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    int c = buf[pos++] & 0xff;
    consumed++;
    if (c == '\n') {
      line++;
      lineStartConsumed = consumed;
    }
    return c;
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      return false;
    }
    pos = 0;
    limit = n;
    return true;
  }
}
