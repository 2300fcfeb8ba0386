package dev.rebal.examples.corpus;

import dev.rebal.json.BookWriter;
import dev.rebal.sample.BookConfig;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPOutputStream;

/**
 * Writes the bad-input corpus: a clean book of three households ({@code base.json.gz}, generator
 * seed 7, no faults) and one corrupted copy per fault, each gzipped, with {@code manifest.tsv}
 * saying what the main job must do with it. Regenerate it after a change to the book format with
 *
 * <pre>
 * mvn -pl examples -am test-compile
 * java -cp ... dev.rebal.examples.corpus.BadInputCorpus examples/src/test/resources/dev/rebal/examples/corpus
 * </pre>
 *
 * (or run {@code BadInputCorpusTest}, which fails when the committed corpus differs from what this
 * writes). The faults: numbers (huge and tiny exponents, absurd magnitudes, NaN, Infinity, wrong
 * types, too many decimals, malformed literals) in five fields, strings (long, empty, unclosed, bad
 * escapes, control characters, invalid UTF-8, 50 MB), nesting (10,000 levels, unclosed and extra
 * brackets, trailing and missing commas, duplicate keys), ids (duplicate, case-only, file name
 * characters, missing, wrong type, 300 characters), dates, and the header (missing or wrong format
 * and version, order, truncation, trailing content, not JSON, corrupt gzip).
 *
 * <p>Manifest columns: file, expectation, ids not released, text the message must contain, what the
 * fault is. Expectations: {@code unreadable} (exit 0; the household is listed unreadable with its
 * path; the others as in the clean run), {@code hold} (exit 0; the household is held with its
 * path), {@code ok} (exit 0; every household runs), {@code file} (exit 1; the book is refused with
 * a message naming the file or line and column), {@code none} (exit 1: no household is readable).
 */
public final class BadInputCorpus {
  /** The ids of the base book's households, in order. */
  public static final List<String> IDS = List.of("HH-000024", "HH-000032", "HH-000078");

  /** The generator's indexes of those households: small ones, so that the corpus runs fast. */
  private static final int[] PICKED = {24, 32, 78};

  /** One fault: the file it is written to and what the main job must do. */
  public record Case(
      String file, String expect, String ids, String text, String about, byte[] bytes) {
    /** Returns the manifest line. */
    public String manifestLine() {
      return String.join("\t", file, expect, ids, text, about);
    }
  }

  private BadInputCorpus() {}

  /** Returns the clean book's text. */
  public static String baseBook() {
    BookGenerator g = BookGenerator.of(BookConfig.of(7).withFaultPercent(0));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, g.asOf(), g.marketData())) {
      for (int i : PICKED) {
        w.write(g.household(i));
      }
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** Returns every case, in a fixed order. */
  public static List<Case> cases() {
    String base = baseBook();
    List<Case> out = new ArrayList<>();
    numbers(base, out);
    strings(base, out);
    nesting(base, out);
    ids(base, out);
    dates(base, out);
    header(base, out);
    return out;
  }

  // ---- the faults ----

  private static final String H0 = IDS.get(0);
  private static final String H1 = IDS.get(1);
  private static final String H2 = IDS.get(2);

  private static void numbers(String base, List<Case> out) {
    String[][] fields = {
      {"cash", "\"cash\":", "$.households[1].accounts[0].cash", "].cash: must be below 1E+15"},
      {
        "quantity",
        "\"quantity\":",
        "$.households[1].lots[0].quantity",
        "].quantity: must be below 1E+12"
      },
      {
        "basis",
        "\"costBasis\":",
        "$.households[1].lots[0].costBasis",
        "].costBasis: must be below 1E+15"
      },
      {
        "weight",
        "\"weight\":",
        "$.households[1].goals[0].glidePath[0].target.CASH.weight",
        "weight"
      },
      {
        "goal",
        "\"targetAmount\":",
        "$.households[1].goals[0].targetAmount",
        "].targetAmount: must be below 1E+15"
      },
    };
    String digits40 = "9".repeat(40);
    String digits2000 = "1".repeat(2000);
    for (String[] f : fields) {
      String name = f[0];
      String key = f[1];
      String path = f[2];
      String held = f[3];
      Object[][] values = {
        {"exp-huge", "1e999999999", "unreadable", path + ": must be below 1E+1000"},
        {"exp-huge-neg", "-1e999999999", "unreadable", path},
        {"exp-tiny", "1e-999999999", "unreadable", path},
        {"exp-ten-million", "1e10000000", "unreadable", path},
        {"exp-1001", "1e1001", "unreadable", "must be below 1E+1000"},
        {"magnitude-1e400", "1e400", "hold", held},
        {"magnitude-40-digits", digits40, "hold", held},
        {"nan", "NaN", "unreadable", "malformed JSON"},
        {"infinity", "Infinity", "unreadable", "malformed JSON"},
        {"neg-infinity", "-Infinity", "unreadable", "malformed JSON"},
        {"string", "\"12\"", "unreadable", path + ": must be a number"},
        {"null", "null", "unreadable", path + ": is required"},
        {"hex", "0x10", "unreadable", "malformed JSON"},
        {"bare-exponent", "1e", "unreadable", "malformed JSON"},
        {"leading-zero", "01", "unreadable", "malformed JSON"},
        {"2000-digits", digits2000, "unreadable", "malformed JSON"},
      };
      for (Object[] v : values) {
        String value = (String) v[1];
        String expect = (String) v[2];
        String text = household(base, 1, line -> replaceFirstValue(line, key, value));
        out.add(
            book(
                "number-" + name + "-" + v[0],
                expect,
                H1,
                (String) v[3],
                name + " of the second household set to " + abbreviate(value),
                text));
      }
    }
    String decimals = household(base, 1, line -> replaceFirstValue(line, "\"cash\":", "1.001"));
    out.add(
        book(
            "number-cash-three-decimals",
            "unreadable",
            H1,
            "must have at most 2 decimal places",
            "cash with a third decimal",
            decimals));
    String negQty = household(base, 1, line -> replaceFirstValue(line, "\"quantity\":", "-5"));
    out.add(
        book(
            "number-quantity-negative",
            "hold",
            H1,
            "lots[L-1].quantity",
            "a negative lot quantity",
            negQty));
    String priceHuge =
        line(base, 1, l -> l.replaceFirst("\"price\":[0-9.]+", "\"price\":1e999999999"));
    out.add(
        book(
            "number-market-price-exp-huge",
            "file",
            "-",
            "$.marketData.prices[0].price",
            "a price in the market data of 1e999999999 (the whole book depends on it)",
            priceHuge));
    String priceNan = line(base, 1, l -> l.replaceFirst("\"price\":[0-9.]+", "\"price\":NaN"));
    out.add(
        book(
            "number-market-price-nan",
            "file",
            "-",
            "malformed JSON",
            "a NaN price in the market data",
            priceNan));
  }

  private static void strings(String base, List<Case> out) {
    String custodian = "\"custodian\":\"Rebal Custody\"";
    out.add(
        book(
            "string-custodian-50mb",
            "unreadable",
            H1,
            "more than the 16777216 allowed",
            "a 50 MB custodian name",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        Pattern.quote(custodian),
                        "\"custodian\":\"" + "x".repeat(50_000_000) + "\""))));
    out.add(
        book(
            "string-id-300-characters",
            "unreadable",
            "-",
            "$.households[1].id: must be at " + "most 128 characters",
            "a 300-character id",
            household(
                base,
                1,
                l -> l.replace("\"id\":\"" + H1 + "\"", "\"id\":\"" + "H".repeat(300) + "\""))));
    out.add(
        book(
            "string-id-empty",
            "unreadable",
            "-",
            "$.households[1]",
            "an empty id",
            household(base, 1, l -> l.replace("\"id\":\"" + H1 + "\"", "\"id\":\"\""))));
    out.add(
        book(
            "string-id-blank",
            "unreadable",
            "-",
            "$.households[1]",
            "a blank id",
            household(base, 1, l -> l.replace("\"id\":\"" + H1 + "\"", "\"id\":\"  \""))));
    out.add(
        book(
            "string-unclosed",
            "unreadable",
            "-",
            "malformed JSON",
            "an unclosed string in the custodian",
            household(
                base,
                1,
                l -> l.replaceFirst(Pattern.quote(custodian), "\"custodian\":\"Rebal Custody"))));
    out.add(
        book(
            "string-bad-escape",
            "unreadable",
            H1,
            "malformed JSON",
            "an invalid escape \\x",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        Pattern.quote(custodian),
                        Matcher.quoteReplacement("\"custodian\":\"Rebal \\x Custody\"")))));
    out.add(
        book(
            "string-raw-tab",
            "unreadable",
            H1,
            "malformed JSON",
            "a raw control character in a string",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(Pattern.quote(custodian), "\"custodian\":\"Rebal\tCustody\""))));
    out.add(
        book(
            "string-custodian-number",
            "unreadable",
            H1,
            "custodian: must be a string",
            "a number where a string belongs",
            household(base, 1, l -> l.replaceFirst(Pattern.quote(custodian), "\"custodian\":42"))));
    out.add(
        book(
            "string-enum-unknown",
            "unreadable",
            H1,
            "type: must be one of",
            "an unknown account type",
            household(
                base, 1, l -> l.replaceFirst("\"type\":\"TAXABLE\"", "\"type\":\"TAXABLEE\""))));
    out.add(
        book(
            "string-unknown-field",
            "unreadable",
            H1,
            "$.households[1].nickname: unknown " + "field",
            "an unknown field",
            household(
                base, 1, l -> l.replaceFirst("\"members\":", "\"nickname\":\"x\",\"members\":"))));
    byte[] bad = invalidUtf8(base);
    out.add(
        new Case(
            "string-invalid-utf8.json.gz",
            "unreadable",
            H1,
            "malformed JSON",
            "invalid UTF-8 bytes in a string",
            gzip(bad)));
  }

  private static void nesting(String base, List<Case> out) {
    out.add(
        book(
            "nesting-10000-arrays",
            "unreadable",
            H1,
            "nesting depth",
            "10,000 levels of arrays in a field",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        "\"members\":",
                        "\"deep\":" + "[".repeat(10_000) + "]".repeat(10_000) + ",\"members\":"))));
    out.add(
        book(
            "nesting-10000-objects",
            "unreadable",
            H1,
            "nesting depth",
            "10,000 levels of objects in a field",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        "\"members\":",
                        "\"deep\":"
                            + "{\"a\":".repeat(10_000)
                            + "1"
                            + "}".repeat(10_000)
                            + ",\"members\":"))));
    out.add(
        book(
            "nesting-10000-unclosed",
            "unreadable",
            H1,
            "$.households[1]",
            "10,000 opening brackets never closed",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        "\"members\":", "\"deep\":" + "[".repeat(10_000) + ",\"members\":"))));
    out.add(
        book(
            "nesting-unclosed-brace",
            "unreadable",
            H1,
            "malformed JSON",
            "the household's closing brace is missing",
            household(base, 1, l -> l.substring(0, l.length() - 2) + ",")));
    out.add(
        book(
            "nesting-extra-brace",
            "unreadable",
            H1,
            "malformed JSON",
            "an extra closing brace inside the household",
            household(base, 1, l -> l.replaceFirst("\"cashFloor\":", "\"x\":1}},\"cashFloor\":"))));
    out.add(
        book(
            "nesting-trailing-comma-object",
            "unreadable",
            H1,
            "malformed JSON",
            "a trailing comma in the household object",
            household(base, 1, l -> l.substring(0, l.length() - 2) + ",},")));
    out.add(
        book(
            "nesting-trailing-comma-array",
            "unreadable",
            H1,
            "malformed JSON",
            "a trailing comma in the members array",
            household(
                base,
                1,
                l -> l.replaceFirst("\"role\":\"PRIMARY\"\\}", "\"role\":\"PRIMARY\"},"))));
    out.add(
        book(
            "nesting-duplicate-key",
            "unreadable",
            H1,
            "Duplicate field 'cash'",
            "a duplicate key",
            household(base, 1, l -> l.replaceFirst("\"cash\":", "\"cash\":1,\"cash\":"))));
    out.add(
        book(
            "nesting-missing-comma-field",
            "unreadable",
            H1,
            "malformed JSON",
            "a missing comma between two fields",
            household(base, 1, l -> l.replaceFirst(",\"members\":", " \"members\":"))));
    out.add(
        book(
            "nesting-missing-comma-households",
            "unreadable",
            H1,
            "no comma after it",
            "a missing comma between two households",
            household(base, 1, l -> l.substring(0, l.length() - 1))));
    out.add(
        book(
            "nesting-household-number",
            "unreadable",
            "-",
            "must be an object",
            "a number where a household belongs",
            household(base, 1, l -> "42,")));
    out.add(
        book(
            "nesting-household-array",
            "unreadable",
            "-",
            "must be an object",
            "an array where a household belongs",
            household(base, 1, l -> "[1,2],")));
    out.add(
        book(
            "nesting-empty-element",
            "unreadable",
            "-",
            "no household between two commas",
            "two commas between households",
            household(base, 1, l -> l + ",")));
    out.add(
        book(
            "nesting-trailing-comma-households",
            "unreadable",
            "-",
            "a comma after the last household",
            "a comma after the last household",
            base.replace("\n]}", ",\n]}")));
    out.add(
        book(
            "nesting-accounts-object",
            "unreadable",
            H1,
            "accounts: must be an array",
            "an object where the accounts array belongs",
            household(
                base,
                1,
                l ->
                    l.replaceFirst("\"accounts\":\\[", "\"accounts\":{\"a\":[")
                        .replaceFirst("],\"lots\":", "]},\"lots\":"))));
  }

  private static void ids(String base, List<Case> out) {
    out.add(
        book(
            "id-duplicate",
            "unreadable",
            H0 + "," + H2,
            "not unique",
            "the third household has the first one's id",
            household(base, 2, l -> l.replace("\"id\":\"" + H2 + "\"", "\"id\":\"" + H0 + "\""))));
    out.add(
        book(
            "id-duplicate-case",
            "unreadable",
            H0 + "," + H0.toLowerCase(java.util.Locale.ROOT),
            "differs only in letter case",
            "the third household's id differs only in case",
            household(
                base,
                2,
                l ->
                    l.replace(
                        "\"id\":\"" + H2 + "\"",
                        "\"id\":\"" + H0.toLowerCase(java.util.Locale.ROOT) + "\""))));
    out.add(
        book(
            "id-file-name-characters",
            "ok",
            "-",
            "HH_2FX,HH_5FX",
            "ids HH/X and HH_X, which a replacing file name would merge",
            household(
                household(base, 0, l -> l.replace("\"id\":\"" + H0 + "\"", "\"id\":\"HH/X\"")),
                2,
                l -> l.replace("\"id\":\"" + H2 + "\"", "\"id\":\"HH_X\""))));
    out.add(
        book(
            "id-path-traversal",
            "ok",
            "-",
            "_2E._2F.._2Fetc",
            "an id that is a relative path",
            household(base, 0, l -> l.replace("\"id\":\"" + H0 + "\"", "\"id\":\"../../etc\""))));
    out.add(
        book(
            "id-missing",
            "unreadable",
            "-",
            "#1",
            "a household without an id",
            household(base, 1, l -> l.replace("\"id\":\"" + H1 + "\",", ""))));
    out.add(
        book(
            "id-number",
            "unreadable",
            "-",
            "$.households[1].id: must be a string",
            "a number as id",
            household(base, 1, l -> l.replace("\"id\":\"" + H1 + "\"", "\"id\":7"))));
    out.add(
        book(
            "id-null",
            "unreadable",
            "-",
            "$.households[1].id: is required",
            "a null id",
            household(base, 1, l -> l.replace("\"id\":\"" + H1 + "\"", "\"id\":null"))));
    out.add(
        book(
            "id-duplicate-lot",
            "hold",
            H1,
            "id.duplicate",
            "two lots with one id",
            household(base, 1, l -> l.replace("\"id\":\"L-2\"", "\"id\":\"L-1\""))));
  }

  private static void dates(String base, List<Case> out) {
    Object[][] bad = {
      {"feb-30", "2016-02-30", "unreadable", "must be an ISO date"},
      {"month-13", "2016-13-01", "unreadable", "must be an ISO date"},
      {"compact", "20161211", "unreadable", "must be an ISO date"},
      {"empty", "", "unreadable", "must be an ISO date"},
      {"year-huge", "999999999-01-01", "unreadable", "must be an ISO date"},
      {"time", "2016-12-11T00:00:00Z", "unreadable", "must be an ISO date"},
      {"future", "2030-01-01", "hold", "lots[L-1].acquired"},
    };
    for (Object[] b : bad) {
      out.add(
          book(
              "date-acquired-" + b[0],
              (String) b[2],
              H1,
              (String) b[3],
              "a lot acquired on '" + b[1] + "'",
              household(
                  base,
                  1,
                  l ->
                      l.replaceFirst(
                          "\"acquired\":\"[0-9-]+\"", "\"acquired\":\"" + b[1] + "\""))));
    }
    out.add(
        book(
            "date-acquired-number",
            "unreadable",
            H1,
            "acquired: must be a string",
            "a number as a date",
            household(
                base,
                1,
                l -> l.replaceFirst("\"acquired\":\"[0-9-]+\"", "\"acquired\":20161211"))));
    out.add(
        book(
            "date-goal-past",
            "hold",
            H1,
            "goals[G-1].targetDate",
            "a goal dated before the as-of date",
            household(
                base,
                1,
                l ->
                    l.replaceFirst(
                        "\"targetDate\":\"[0-9-]+\"", "\"targetDate\":\"2001-01-01\""))));
    out.add(
        book(
            "date-asof-bad",
            "file",
            "-",
            "$.asOf",
            "a book as-of date of 2026-06-31",
            base.replace("\"asOf\":\"2026-06-30\",\n", "\"asOf\":\"2026-06-31\",\n")));
    out.add(
        book(
            "date-asof-missing",
            "file",
            "-",
            "asOf and marketData must come before",
            "no as-of date",
            base.replace("\"asOf\":\"2026-06-30\",\n", "\n")));
  }

  private static void header(String base, List<Case> out) {
    out.add(
        book(
            "header-format-missing",
            "file",
            "-",
            "$.format: is missing",
            "no format field",
            base.replace("\"format\":\"rebal-book\",", "")));
    out.add(
        book(
            "header-version-missing",
            "file",
            "-",
            "$.version: is missing",
            "no version field",
            base.replace("\"version\":1,", "")));
    out.add(
        book(
            "header-format-wrong",
            "file",
            "-",
            "$.format: must be \"rebal-book\"",
            "another format",
            base.replace("\"format\":\"rebal-book\"", "\"format\":\"rebal-boo\"")));
    out.add(
        book(
            "header-version-2",
            "file",
            "-",
            "$.version: must be 1",
            "version 2",
            base.replace("\"version\":1,", "\"version\":2,")));
    out.add(
        book(
            "header-version-string",
            "file",
            "-",
            "$.version: must be 1",
            "version \"1\"",
            base.replace("\"version\":1,", "\"version\":\"1\",")));
    out.add(
        book(
            "header-unknown-field",
            "file",
            "-",
            "$.owner: unknown field",
            "an unknown header field",
            base.replace("\"version\":1,", "\"version\":1,\"owner\":1,")));
    out.add(
        book(
            "header-duplicate-field",
            "file",
            "-",
            "Duplicate field 'version'",
            "the version twice",
            base.replace("\"version\":1,", "\"version\":1,\"version\":1,")));
    out.add(
        book(
            "header-households-object",
            "file",
            "-",
            "households must be an array",
            "households is an object",
            base.replace("\"households\":[\n", "\"households\":{\n")));
    out.add(
        book(
            "header-book-array",
            "file",
            "-",
            "the book must be a JSON object",
            "the book is an array",
            "[" + base.substring(1)));
    out.add(
        book(
            "header-empty-file",
            "file",
            "-",
            "the book must be a JSON object",
            "an empty file",
            ""));
    out.add(
        book(
            "header-not-json", "file", "-", "malformed JSON", "a CSV file", "id,cash\nHH-1,100\n"));
    out.add(
        book(
            "header-truncated-in-market-data",
            "file",
            "-",
            "malformed JSON",
            "the file ends inside the market data",
            base.substring(0, base.indexOf("\"prices\""))));
    out.add(
        book(
            "header-truncated-in-household",
            "file",
            "-",
            "truncated",
            "the file ends inside the third household",
            base.substring(0, base.length() - 500)));
    out.add(
        book(
            "header-missing-closing-brace",
            "file",
            "-",
            "truncated",
            "the book's closing brace is missing",
            base.replace("\n]}", "\n]")));
    out.add(
        book(
            "header-trailing-content",
            "file",
            "-",
            "unexpected content after the " + "households array",
            "content after the book",
            base + "{\"more\":1}\n"));
    out.add(
        new Case(
            "header-utf16.json.gz",
            "file",
            "-",
            "the book must be UTF-8",
            "a UTF-16 book",
            gzip(base.getBytes(StandardCharsets.UTF_16LE))));
    byte[] gz = gzip(base.getBytes(StandardCharsets.UTF_8));
    byte[] corrupt = gz.clone();
    for (int i = 20; i < 60 && i < corrupt.length; i++) {
      corrupt[i] = (byte) (corrupt[i] ^ 0x5a);
    }
    out.add(
        new Case(
            "header-corrupt-gzip.json.gz",
            "file",
            "-",
            "header-corrupt-gzip.json.gz",
            "a gzip file with flipped bytes",
            corrupt));
    out.add(
        new Case(
            "header-truncated-gzip.json.gz",
            "file",
            "-",
            "header-truncated-gzip.json.gz",
            "a gzip file cut in half",
            java.util.Arrays.copyOf(gz, gz.length / 2)));
    String allBroken = base;
    for (int i = 0; i < 3; i++) {
      allBroken = household(allBroken, i, l -> l.replaceFirst("\"cash\":", "\"cash\":NaN,\"x\":"));
    }
    out.add(
        book(
            "all-households-broken",
            "none",
            String.join(",", IDS),
            "none of the 3 households",
            "every household has a NaN",
            allBroken));
  }

  // ---- helpers ----

  private interface Edit {
    String apply(String line);
  }

  /** Edits household {@code i} (lines 3 to 5 of the book). */
  static String household(String book, int i, Edit edit) {
    return line(book, 3 + i, edit);
  }

  static String line(String book, int n, Edit edit) {
    String[] lines = book.split("\n", -1);
    String edited = edit.apply(lines[n]);
    if (edited.equals(lines[n])) {
      throw new IllegalStateException("the edit changed nothing on line " + n);
    }
    lines[n] = edited;
    return String.join("\n", lines);
  }

  static String replaceFirstValue(String line, String key, String value) {
    return line.replaceFirst(
        Pattern.quote(key) + "[-0-9.Ee+]+", Matcher.quoteReplacement(key + value));
  }

  private static byte[] invalidUtf8(String base) {
    String marker = "\"custodian\":\"Rebal Custody\"";
    String text =
        household(
            base,
            1,
            l -> l.replaceFirst(Pattern.quote(marker), "\"custodian\":\"Rebal @@ Custody\""));
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    String s = new String(b, StandardCharsets.ISO_8859_1);
    int at = s.indexOf("@@");
    b[at] = (byte) 0xc3;
    b[at + 1] = (byte) 0x28;
    return b;
  }

  private static String abbreviate(String v) {
    return v.length() > 20 ? v.substring(0, 8) + "...(" + v.length() + " characters)" : v;
  }

  private static Case book(
      String name, String expect, String ids, String text, String about, String book) {
    return new Case(
        name + ".json.gz", expect, ids, text, about, gzip(book.getBytes(StandardCharsets.UTF_8)));
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return out.toByteArray();
  }

  /**
   * Writes the corpus to the folder given as the only argument.
   *
   * @throws IOException if a file cannot be written
   */
  public static void main(String[] args) throws IOException {
    Path dir = Path.of(args[0]);
    Files.createDirectories(dir);
    Files.write(dir.resolve("base.json.gz"), gzip(baseBook().getBytes(StandardCharsets.UTF_8)));
    StringBuilder manifest =
        new StringBuilder("# file\texpect\tids not released\tmessage contains\tfault\n");
    for (Case c : cases()) {
      Files.write(dir.resolve(c.file()), c.bytes());
      manifest.append(c.manifestLine()).append('\n');
    }
    Files.writeString(dir.resolve("manifest.tsv"), manifest.toString(), StandardCharsets.UTF_8);
  }
}
