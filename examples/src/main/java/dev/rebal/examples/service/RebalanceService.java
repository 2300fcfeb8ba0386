package dev.rebal.examples.service;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rebal.core.RebalException;
import dev.rebal.core.household.Household;
import dev.rebal.core.internal.Checks;
import dev.rebal.core.market.MarketData;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.examples.DecisionJson;
import dev.rebal.json.BookReader;
import dev.rebal.json.HouseholdRead;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An example of a firm service wrapping Rebal, in plain Java: an HTTP endpoint on the JDK's own
 * {@code com.sun.net.httpserver} that rebalances the households posted to it and answers with their
 * decisions as JSON. No framework; the whole integration is {@link #handle}.
 *
 * <pre>
 * POST /rebalance[?asOf=yyyy-mm-dd]   body: a Rebal book (JSON: asOf, marketData, households)
 *   200 {"decisions": [ ...one per household, as DecisionJson writes it... ]}
 *   400 {"error": "..."}  malformed book, unreadable household, bad date
 *   413 {"error": "..."}  more than {@value #MAX_BYTES} bytes or {@value #MAX_HOUSEHOLDS} households
 * GET /health                         200 ok
 * </pre>
 *
 * <p>Run it with {@code java -cp examples/target/rebal-examples-0.1.0-SNAPSHOT-all.jar
 * dev.rebal.examples.service.RebalanceService [port]}; it listens on the loopback address only. A
 * real deployment adds authentication, TLS and the firm's audit sink and review queue; the {@link
 * Rebalancer} is immutable and thread-safe, so one instance serves every request. The as-of date
 * comes from the request (the {@code asOf} parameter, else the book's own), never from a clock.
 */
public final class RebalanceService implements AutoCloseable {
  /** The largest request body accepted, in bytes. */
  public static final int MAX_BYTES = 8 << 20;

  /** The most households one request may hold. */
  public static final int MAX_HOUSEHOLDS = 100;

  private final Rebalancer rebalancer;
  private final HttpServer server;
  private final ExecutorService executor;

  private RebalanceService(Rebalancer rebalancer, HttpServer server, ExecutorService executor) {
    this.rebalancer = rebalancer;
    this.server = server;
    this.executor = executor;
  }

  /**
   * Starts a service on {@code port} of the loopback address (0 picks a free port), with two worker
   * threads.
   *
   * @throws IOException if the port cannot be bound
   */
  public static RebalanceService start(Rebalancer rebalancer, int port) throws IOException {
    Checks.notNull(rebalancer, "rebalancer");
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
    ExecutorService executor = Executors.newFixedThreadPool(2);
    RebalanceService service = new RebalanceService(rebalancer, server, executor);
    server.createContext("/rebalance", service::exchange);
    server.createContext("/health", ex -> reply(ex, new Response(200, "ok\n")));
    server.setExecutor(executor);
    server.start();
    return service;
  }

  /** Returns the port it listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /**
   * Returns the address of the rebalance endpoint, e.g. {@code http://127.0.0.1:8080/rebalance}.
   */
  public URI endpoint() {
    return URI.create(
        "http://"
            + server.getAddress().getAddress().getHostAddress()
            + ":"
            + port()
            + "/rebalance");
  }

  /** Stops the service, letting requests in progress finish for up to one second. */
  @Override
  public void close() {
    server.stop(1);
    executor.shutdownNow();
  }

  /**
   * A response: HTTP status and JSON (or text) body.
   *
   * @param status the HTTP status
   * @param body the body
   */
  public record Response(int status, String body) {}

  /**
   * Rebalances the households of a posted book: the service without HTTP, for a firm's own
   * transport (a queue, gRPC, a batch file).
   *
   * @param book the request body, a Rebal book in JSON
   * @param asOf the as-of date, or empty for the book's own
   */
  public Response handle(byte[] book, Optional<LocalDate> asOf) {
    Checks.notNull(book, "book");
    Checks.notNull(asOf, "asOf");
    if (book.length > MAX_BYTES) {
      return error(413, "the book is larger than " + MAX_BYTES + " bytes");
    }
    List<Household> households = new ArrayList<>();
    LocalDate date;
    MarketData market;
    try (BookReader reader = BookReader.open(new ByteArrayInputStream(book))) {
      date = asOf.orElse(reader.asOf());
      market = reader.marketData();
      Optional<HouseholdRead> next;
      while ((next = reader.next()).isPresent()) {
        HouseholdRead read = next.get();
        if (read.household().isEmpty()) {
          return error(400, "household " + read.failure().orElseThrow() + " cannot be read");
        }
        if (households.size() == MAX_HOUSEHOLDS) {
          return error(413, "more than " + MAX_HOUSEHOLDS + " households in one request");
        }
        households.add(read.household().get());
      }
    } catch (RebalException | IOException | UncheckedIOException e) {
      return error(400, "not a valid book: " + e.getMessage());
    }
    List<Decision> decisions = new ArrayList<>();
    for (Household h : households) {
      decisions.add(rebalancer.rebalance(h, market, date));
    }
    return new Response(200, DecisionJson.toJson(decisions));
  }

  private void exchange(HttpExchange ex) throws IOException {
    try (ex) {
      if (!ex.getRequestMethod().equals("POST")) {
        ex.getResponseHeaders().add("Allow", "POST");
        reply(ex, error(405, "use POST with a Rebal book as the body"));
        return;
      }
      Optional<LocalDate> asOf;
      try {
        asOf = asOf(ex.getRequestURI().getRawQuery());
      } catch (IllegalArgumentException e) {
        reply(ex, error(400, e.getMessage()));
        return;
      }
      byte[] body;
      try (InputStream in = ex.getRequestBody()) {
        body = in.readNBytes(MAX_BYTES + 1);
      }
      reply(ex, handle(body, asOf));
    }
  }

  private static Optional<LocalDate> asOf(String query) {
    if (query == null || query.isEmpty()) {
      return Optional.empty();
    }
    for (String p : query.split("&")) {
      if (p.startsWith("asOf=")) {
        String v = p.substring(5);
        try {
          return Optional.of(LocalDate.parse(v));
        } catch (DateTimeParseException e) {
          throw new IllegalArgumentException("asOf: not a date (yyyy-mm-dd): " + v);
        }
      }
    }
    return Optional.empty();
  }

  private static Response error(int status, String message) {
    String text = new String(JsonStringEncoder.getInstance().quoteAsString(message));
    return new Response(status, "{\"error\": \"" + text + "\"}\n");
  }

  private static void reply(HttpExchange ex, Response r) throws IOException {
    byte[] bytes = r.body().getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders()
        .add(
            "Content-Type",
            r.body().startsWith("{")
                ? "application/json; charset=utf-8"
                : "text/plain; charset=utf-8");
    ex.sendResponseHeaders(r.status(), bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  /**
   * Starts the service on the loopback address, on the port given (default 8080), until stopped.
   *
   * @throws IOException if the port cannot be bound
   */
  public static void main(String[] args) throws IOException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8080;
    RebalanceService service = start(Rebalancer.standard(), port);
    System.out.println("Rebal service listening on " + service.endpoint());
    System.out.println(
        "try: curl -s --data-binary @book.json -H 'Content-Type: application/json' "
            + service.endpoint());
  }
}
