package dev.rebal.store.jdbc;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster for the tests: {@code initdb} in a temp folder, {@code pg_ctl
 * start} on a free port (TCP on 127.0.0.1 only, its socket in the folder), {@code pg_ctl -m
 * immediate stop} and the folder deleted after. It uses the newest {@code
 * /usr/lib/postgresql/<n>/bin} (the Debian {@code postgresql} package). initdb refuses to run as
 * root, so as root the tools run as the {@code postgres} user via {@code runuser}, with the folder
 * handed to that user. A shutdown hook stops the server if the test JVM ends without {@link
 * #stop()}. Public, in the test jar, so that other modules' tests can run against a real PostgreSQL
 * too.
 */
public final class PostgresServer {
  public static final String SKIPPED =
      "PostgreSQL not installed (no /usr/lib/postgresql/*/bin/initdb): "
          + "PostgreSQL store tests skipped";
  public static final String USER = "rebal";

  private static boolean skipNoticePrinted;

  private final Path bin;
  private final Path dir;
  private final int port;
  private final boolean asPostgresUser;
  private final Thread hook;

  private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
    this.asPostgresUser = asPostgresUser;
    this.hook = new Thread(this::stopQuietly, "rebal-test-postgres-stop");
  }

  /** The newest installed PostgreSQL bin folder with initdb and pg_ctl, if any. */
  public static Optional<Path> installedBin() {
    // the property lets a developer check the skip path on a machine that has PostgreSQL
    Path root = Path.of(System.getProperty("rebal.test.postgresql.root", "/usr/lib/postgresql"));
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    List<Path> bins = new ArrayList<>();
    try (DirectoryStream<Path> versions = Files.newDirectoryStream(root)) {
      for (Path v : versions) {
        Path b = v.resolve("bin");
        if (Files.isExecutable(b.resolve("initdb"))
            && Files.isExecutable(b.resolve("pg_ctl"))
            && v.getFileName().toString().matches("[0-9]+")) {
          bins.add(b);
        }
      }
    } catch (IOException e) {
      return Optional.empty();
    }
    return bins.stream()
        .max(
            Comparator.comparingInt(b -> Integer.parseInt(b.getParent().getFileName().toString())));
  }

  /** Prints the skip notice to stderr once per JVM. */
  public static synchronized void printSkipNotice() {
    if (!skipNoticePrinted) {
      System.err.println(SKIPPED);
      skipNoticePrinted = true;
    }
  }

  /** Creates and starts a cluster. */
  public static PostgresServer start(Path bin) throws IOException, InterruptedException {
    boolean root = "root".equals(System.getProperty("user.name"));
    Path dir = Files.createTempDirectory("rebal-pg-");
    if (root) {
      run(List.of("chown", "postgres", dir.toString()), dir, false);
    }
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    PostgresServer server = new PostgresServer(bin, dir, port, root);
    Runtime.getRuntime().addShutdownHook(server.hook);
    try {
      server.tool(
          "initdb",
          "-D",
          dir.resolve("data").toString(),
          "-U",
          USER,
          "--auth=trust",
          "-E",
          "UTF8",
          "--locale=C",
          "--no-sync");
      // fsync off: a throwaway cluster; immediate stop and the folder is deleted
      server.tool(
          "pg_ctl",
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off",
          "-w",
          "start");
    } catch (IOException | RuntimeException e) {
      server.stopQuietly();
      throw e;
    }
    return server;
  }

  /** The JDBC URL of database {@code postgres} with {@code schema} as its current schema. */
  public String url(String schema) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?currentSchema=" + schema;
  }

  /** A connection as the superuser to database {@code postgres}. */
  Connection admin() throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/postgres", USER, "");
  }

  /** Creates an empty schema: each test gets its own. */
  public void createSchema(String schema) throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + schema);
    }
  }

  /** The server's version, as it reports it. */
  String version() throws SQLException {
    try (Connection c = admin();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Stops the server (immediate mode) and deletes its folder. */
  public void stop() throws IOException, InterruptedException {
    try {
      tool("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } finally {
      deleteTree(dir);
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down: the hook is what is running
      }
    }
  }

  private void stopQuietly() {
    if (!Files.exists(dir)) {
      return;
    }
    try {
      tool("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
    } catch (IOException | RuntimeException e) {
      // best effort: the server may not have started
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    deleteTree(dir);
  }

  private void tool(String name, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    if (asPostgresUser) {
      cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    cmd.add(bin.resolve(name).toString());
    cmd.addAll(List.of(args));
    run(cmd, dir, true);
  }

  private static void run(List<String> cmd, Path dir, boolean logToDir)
      throws IOException, InterruptedException {
    File log = dir.resolve("tool.log").toFile();
    ProcessBuilder pb =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(
                logToDir ? ProcessBuilder.Redirect.appendTo(log) : ProcessBuilder.Redirect.DISCARD);
    // pg_ctl starts the server in the background; it must not hold the tests' stdin
    pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Process p = pb.start();
    int status = p.waitFor();
    if (status != 0) {
      String out = log.exists() ? Files.readString(log.toPath(), StandardCharsets.UTF_8) : "";
      throw new IllegalStateException(String.join(" ", cmd) + ": exit " + status + "\n" + out);
    }
  }

  private static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths
          .sorted(Comparator.reverseOrder())
          .forEach(
              p -> {
                try {
                  Files.delete(p);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    } catch (IOException | UncheckedIOException e) {
      // a leftover temp folder is harmless; the server is stopped
    }
  }
}
