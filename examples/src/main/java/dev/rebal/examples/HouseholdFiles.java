package dev.rebal.examples;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Household ids and the output files named after them.
 *
 * <p><b>File names</b> ({@link #fileName}) are unique and reversible ({@link #householdId}):
 * letters, digits, {@code -} and {@code .} are kept; every other byte of the id's UTF-8 form,
 * {@code _} included, becomes {@code _XX} (two upper-case hex digits), and so does a leading dot.
 * So {@code HH/X} is {@code HH_2FX} and {@code HH_X} is {@code HH_5FX}: ids that differ only in
 * characters a file name cannot hold no longer share a file. An encoded name longer than {@value
 * #MAX_NAME} characters (only ids of many non-ASCII characters) is cut and given a digest suffix
 * instead; such a name is unique but not reversible (the file holds its id).
 *
 * <p><b>Duplicates</b> ({@link #rejected}): a book that lists one id twice has two households that
 * would share a proposal file and whose trades would both be released under one id; ids that differ
 * only in letter case would share a file on a case-insensitive file system. Both are data errors
 * for every household involved: none of them is released.
 */
final class HouseholdFiles {
  /** The longest file name written, without its extension (file systems allow 255 bytes). */
  static final int MAX_NAME = 200;

  private HouseholdFiles() {}

  /** Returns the file name (without extension) for a household id; see the class doc. */
  static String fileName(String householdId) {
    StringBuilder sb = new StringBuilder(householdId.length() + 8);
    byte[] bytes = householdId.getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < bytes.length; i++) {
      int b = bytes[i] & 0xff;
      boolean plain =
          b >= 'a' && b <= 'z'
              || b >= 'A' && b <= 'Z'
              || b >= '0' && b <= '9'
              || b == '-'
              || b == '.' && i > 0;
      if (plain) {
        sb.append((char) b);
      } else {
        sb.append('_').append(HexFormat.of().withUpperCase().toHexDigits((byte) b));
      }
    }
    if (sb.length() <= MAX_NAME) {
      return sb.toString();
    }
    String digest = dev.rebal.core.audit.AuditRecord.sha256Hex(householdId).substring(0, 16);
    return sb.substring(0, MAX_NAME - 17) + "~" + digest;
  }

  /**
   * Returns the household id a {@link #fileName} came from.
   *
   * @throws IllegalArgumentException if the name is not one {@link #fileName} writes, or is a
   *     digest-suffixed name
   */
  static String householdId(String fileName) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(fileName.length());
    for (int i = 0; i < fileName.length(); i++) {
      char c = fileName.charAt(i);
      if (c == '_' && i + 2 < fileName.length()) {
        out.write(HexFormat.fromHexDigits(fileName, i + 1, i + 3));
        i += 2;
      } else if (c < 128 && c != '_' && c != '~') {
        out.write(c);
      } else {
        throw new IllegalArgumentException("fileName: not a household file name, was " + fileName);
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /**
   * Returns, for each id of {@code ids} (in book order; empty strings are households without an id
   * and are ignored) that must not be released, why: listed twice, or differing from another only
   * in letter case.
   */
  static Map<String, String> rejected(List<String> ids) {
    Map<String, List<Integer>> byKey = new TreeMap<>();
    for (int i = 0; i < ids.size(); i++) {
      if (!ids.get(i).isEmpty()) {
        byKey.computeIfAbsent(ids.get(i).toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(i);
      }
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (List<Integer> at : byKey.values()) {
      if (at.size() < 2) {
        continue;
      }
      for (int i : at) {
        String id = ids.get(i);
        List<String> others = new ArrayList<>();
        for (int j : at) {
          if (j != i) {
            others.add(
                ids.get(j).equals(id)
                    ? "index " + j
                    : "'" + ids.get(j) + "' at index " + j + " (differs only in letter case)");
          }
        }
        out.merge(
            id,
            "the household id is not unique in the book: also "
                + String.join(", ", others)
                + "; none of them is rebalanced",
            (a, b) -> a);
      }
    }
    return out;
  }
}
