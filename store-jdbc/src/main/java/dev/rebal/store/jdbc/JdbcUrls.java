package dev.rebal.store.jdbc;

import java.util.Locale;
import java.util.Set;

/**
 * The JDBC URLs a store may be opened at: H2's and PostgreSQL's forms, without the settings that
 * make a driver run code or write files. A URL is configuration that reaches the driver as is, and
 * both drivers can be told in it to do more than connect: H2's {@code INIT} runs any SQL (and so,
 * with {@code CREATE ALIAS} or {@code RUNSCRIPT FROM}, any Java code or a remote script), and
 * PostgreSQL's driver instantiates the classes named by {@code socketFactory}, {@code sslfactory},
 * {@code sslhostnameverifier}, {@code sslpasswordcallback} and {@code
 * authenticationPluginClassName} and writes the file named by {@code loggerFile}. So H2 settings
 * are allowed from a list of harmless ones, and those PostgreSQL parameters are refused.
 */
final class JdbcUrls {
  /** H2 URL settings a store accepts (upper case). */
  static final Set<String> H2_SETTINGS =
      Set.of(
          "LOCK_TIMEOUT",
          "IFEXISTS",
          "AUTO_SERVER",
          "AUTO_SERVER_PORT",
          "DB_CLOSE_DELAY",
          "DB_CLOSE_ON_EXIT",
          "ACCESS_MODE_DATA",
          "CIPHER",
          "USER",
          "PASSWORD",
          "FILE_LOCK",
          "CACHE_SIZE",
          "MODE",
          "TRACE_LEVEL_FILE",
          "TRACE_LEVEL_SYSTEM_OUT",
          "MAX_COMPACT_TIME",
          "DEFRAG_ALWAYS",
          "NON_KEYWORDS");

  /**
   * PostgreSQL driver parameters a store refuses (lower case): they load classes or write files.
   */
  static final Set<String> POSTGRESQL_REFUSED =
      Set.of(
          "socketfactory",
          "socketfactoryarg",
          "sslfactory",
          "sslfactoryarg",
          "sslhostnameverifier",
          "sslpasswordcallback",
          "authenticationpluginclassname",
          "loggerfile",
          "loggerlevel");

  private JdbcUrls() {}

  /**
   * Returns {@code url} if it is an H2 or PostgreSQL URL without refused settings.
   *
   * @throws IllegalArgumentException naming the URL (password hidden) and the refused part
   */
  static String check(String url) {
    String shown = JdbcStore.redacted(url);
    if (url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
      throw new IllegalArgumentException(
          "state URL: must not contain control characters: " + shown.replaceAll("\\p{Cntrl}", "?"));
    }
    String lower = url.toLowerCase(Locale.ROOT);
    if (lower.startsWith("jdbc:h2:")) {
      String[] parts = url.split(";", -1);
      for (int i = 1; i < parts.length; i++) {
        String setting = parts[i].strip();
        if (setting.isEmpty()) {
          continue;
        }
        int eq = setting.indexOf('=');
        String name =
            (eq < 0 ? setting : setting.substring(0, eq)).strip().toUpperCase(Locale.ROOT);
        if (!H2_SETTINGS.contains(name)) {
          throw new IllegalArgumentException(
              "state URL: the H2 setting '"
                  + name
                  + "' is not "
                  + "accepted (accepted: "
                  + String.join(", ", new java.util.TreeSet<>(H2_SETTINGS))
                  + "): "
                  + shown);
        }
      }
      return url;
    }
    if (lower.startsWith("jdbc:postgresql:")) {
      int q = url.indexOf('?');
      if (q >= 0) {
        for (String param : url.substring(q + 1).split("&")) {
          int eq = param.indexOf('=');
          String name = (eq < 0 ? param : param.substring(0, eq)).strip().toLowerCase(Locale.ROOT);
          if (POSTGRESQL_REFUSED.contains(name)) {
            throw new IllegalArgumentException(
                "state URL: the PostgreSQL parameter '"
                    + name
                    + "' is refused (it has the driver load a class or write a file): "
                    + shown);
          }
        }
      }
      return url;
    }
    throw new IllegalArgumentException(
        "state URL: only H2 (jdbc:h2:...) and PostgreSQL "
            + "(jdbc:postgresql://host/database) URLs are accepted: "
            + shown);
  }
}
