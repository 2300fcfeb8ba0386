package dev.rebal.examples.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.rebal.core.household.Household;
import dev.rebal.engine.Decision;
import dev.rebal.engine.Rebalancer;
import dev.rebal.examples.DecisionJson;
import dev.rebal.examples.SampleBook;
import dev.rebal.json.BookWriter;
import dev.rebal.sample.BookGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RebalanceServiceTest {
  static final BookGenerator BOOK = BookGenerator.of(SampleBook.config());
  static RebalanceService service;
  static HttpClient client;

  @BeforeAll
  static void start() throws IOException {
    service = RebalanceService.start(Rebalancer.standard(), 0);
    client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  static byte[] book(long... indexes) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (BookWriter w = BookWriter.open(out, BOOK.asOf(), BOOK.marketData())) {
      LongStream.of(indexes).mapToObj(BOOK::household).forEach(w::write);
    }
    return out.toByteArray();
  }

  static HttpResponse<String> post(URI uri, byte[] body) throws IOException, InterruptedException {
    return client.send(
        HttpRequest.newBuilder(uri)
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build(),
        HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
  }

  @Test
  void post_bookOfTwoHouseholds_answersWithTheEnginesDecisions() throws Exception {
    // given
    List<Decision> expected =
        List.of(0L, 1L).stream()
            .map(
                i -> {
                  Household h = BOOK.household(i);
                  return Rebalancer.standard().rebalance(h, BOOK.marketData(), BOOK.asOf());
                })
            .toList();

    // when
    HttpResponse<String> r = post(service.endpoint(), book(0, 1));

    // then
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
    assertThat(r.body()).isEqualTo(DecisionJson.toJson(expected));
    assertThat(service.endpoint().getHost()).isEqualTo("127.0.0.1");
  }

  @Test
  void post_withAsOf_decidesOnThatDate() throws Exception {
    // when
    HttpResponse<String> r = post(URI.create(service.endpoint() + "?asOf=2026-07-01"), book(2));

    // then
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body()).contains("\"asOf\" : \"2026-07-01\"");
  }

  @Test
  void post_malformedBook_answers400WithTheReason() throws Exception {
    // when
    HttpResponse<String> r =
        post(service.endpoint(), "{\"format\":".getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).startsWith("{\"error\": \"not a valid book: ");
  }

  @Test
  void post_badAsOf_answers400() throws Exception {
    HttpResponse<String> r = post(URI.create(service.endpoint() + "?asOf=2026-13-01"), book(2));
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body()).contains("asOf: not a date");
  }

  @Test
  void get_rebalance_answers405() throws Exception {
    // when
    HttpResponse<String> r =
        client.send(
            HttpRequest.newBuilder(service.endpoint())
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());

    // then
    assertThat(r.statusCode()).isEqualTo(405);
    assertThat(r.headers().firstValue("Allow")).hasValue("POST");
  }

  @Test
  void handle_tooManyHouseholds_answers413WithoutRebalancingThemAll() throws IOException {
    // given
    long[] many = LongStream.range(0, RebalanceService.MAX_HOUSEHOLDS + 1).toArray();
    byte[] body = book(many);

    // when: the book is read whole before any household is rebalanced
    RebalanceService.Response r = service.handle(body, Optional.of(LocalDate.of(2026, 6, 30)));

    // then
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.body()).contains("more than " + RebalanceService.MAX_HOUSEHOLDS);
  }

  @ParameterizedTest
  @ValueSource(strings = {"1e999999999", "1e10000000", "1e-999999999"})
  void post_hugeExponent_answers400NamingThePathAtOnce(String number) throws Exception {
    // given
    String text =
        new String(book(2), StandardCharsets.UTF_8)
            .replaceFirst("\"cash\":[0-9.]+", "\"cash\":" + number);

    // when
    HttpResponse<String> r = post(service.endpoint(), text.getBytes(StandardCharsets.UTF_8));

    // then
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.body())
        .contains("$.households[0].accounts[0].cash")
        .contains(new java.math.BigDecimal(number).toString())
        .hasSizeLessThan(400);
  }
}
