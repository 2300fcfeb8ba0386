package dev.rebal.core.audit;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A strict codec for one flat JSON object whose values are all strings: the audit log's line
 * format. Kept here, rather than using a JSON library, so that {@code core} stays free of I/O
 * frameworks; it reads only what it writes (and rejects anything else with the column).
 */
final class FlatJson {
  private FlatJson() {}

  static String encode(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      quote(sb, e.getKey());
      sb.append(':');
      quote(sb, e.getValue());
    }
    return sb.append('}').toString();
  }

  private static void quote(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"':
          sb.append("\\\"");
          break;
        case '\\':
          sb.append("\\\\");
          break;
        case '\n':
          sb.append("\\n");
          break;
        case '\r':
          sb.append("\\r");
          break;
        case '\t':
          sb.append("\\t");
          break;
        default:
          if (c < 0x20) {
            sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            sb.append(c);
          }
      }
    }
    sb.append('"');
  }

  static Map<String, String> decode(String line) {
    Map<String, String> out = new LinkedHashMap<>();
    int[] pos = {0};
    expect(line, pos, '{');
    if (peek(line, pos) == '}') {
      pos[0]++;
    } else {
      while (true) {
        String key = string(line, pos);
        expect(line, pos, ':');
        String value = string(line, pos);
        if (out.put(key, value) != null) {
          throw new IllegalArgumentException(
              "column " + pos[0] + ": duplicate field '" + key + "'");
        }
        char c = next(line, pos);
        if (c == '}') {
          break;
        }
        if (c != ',') {
          throw new IllegalArgumentException(
              "column " + pos[0] + ": expected ',' or '}', was '" + c + "'");
        }
      }
    }
    if (pos[0] != line.length()) {
      throw new IllegalArgumentException("column " + pos[0] + ": trailing characters");
    }
    return out;
  }

  private static char peek(String s, int[] pos) {
    if (pos[0] >= s.length()) {
      throw new IllegalArgumentException("column " + pos[0] + ": unexpected end of line");
    }
    return s.charAt(pos[0]);
  }

  private static char next(String s, int[] pos) {
    char c = peek(s, pos);
    pos[0]++;
    return c;
  }

  private static void expect(String s, int[] pos, char want) {
    char c = next(s, pos);
    if (c != want) {
      throw new IllegalArgumentException(
          "column " + pos[0] + ": expected '" + want + "', was '" + c + "'");
    }
  }

  private static String string(String s, int[] pos) {
    expect(s, pos, '"');
    StringBuilder sb = new StringBuilder();
    while (true) {
      char c = next(s, pos);
      if (c == '"') {
        return sb.toString();
      }
      if (c != '\\') {
        sb.append(c);
        continue;
      }
      char e = next(s, pos);
      switch (e) {
        case '"':
        case '\\':
        case '/':
          sb.append(e);
          break;
        case 'n':
          sb.append('\n');
          break;
        case 'r':
          sb.append('\r');
          break;
        case 't':
          sb.append('\t');
          break;
        case 'u':
          if (pos[0] + 4 > s.length()) {
            throw new IllegalArgumentException("column " + pos[0] + ": short \\u escape");
          }
          sb.append((char) Integer.parseInt(s.substring(pos[0], pos[0] + 4), 16));
          pos[0] += 4;
          break;
        default:
          throw new IllegalArgumentException("column " + pos[0] + ": bad escape '\\" + e + "'");
      }
    }
  }
}
