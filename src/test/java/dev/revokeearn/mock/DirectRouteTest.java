package dev.revokeearn.mock;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.status;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static dev.revokeearn.testing.Gen.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Gzip;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import dev.revokeearn.testing.RawHttp;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link DirectRoute} answers API requests before WireMock; whatever it answers must be what
 * WireMock's own route answers, and must leave the same traces. Two mocks with the same seed and
 * clock get the same requests in the same order: one as it comes (the direct route serves it), one
 * with a user stub that matches every request but never answers, its scenario never being in the
 * state it needs (so every request takes WireMock's route, and is the reference's). Their answers,
 * WireMock's request journals and the orgs' request logs must be the same, but for what differs by
 * nature (request ids, generated ids and tokens, times).
 */
class DirectRouteTest {
  static final String BASIC = "Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5";
  static final String DOC_REVOKE =
      "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
          + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
  static final ObjectMapper JSON = new ObjectMapper();
  static final Pattern VOLATILE =
      Pattern.compile(
          "[0-9a-f]{32}|[0-9a-f]{24}"
              // a JWT; whole tokens only, so a long run of letters costs no backtracking
              + "|(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+\\.[A-Za-z0-9_-]{8,}+"
              + "|\\d{4}-\\d\\d-\\d\\dT[0-9:.]+Z?");

  /** The corpus's first request after the faults are declared. */
  static final String FIRST_FAULTED = "fault 0";

  static RevokeEarnMock direct;
  static RevokeEarnMock viaWireMock;

  /** One request of the corpus: name, method, target, headers (repeats allowed), body. */
  record Call(String name, String method, String target, List<String[]> headers, byte[] body) {}

  @BeforeAll
  static void start() {
    Clock clock = Clock.fixed(Instant.parse("2026-11-26T10:00:00Z"), ZoneOffset.UTC);
    direct = RevokeEarnMock.builder().port(0).clock(clock).build().start();
    viaWireMock = RevokeEarnMock.builder().port(0).clock(clock).build().start();
    viaWireMock
        .wireMock()
        .stubFor(
            any(anyUrl())
                .inScenario("never")
                .whenScenarioStateIs("a state the scenario never reaches")
                .willReturn(ok()));
  }

  @AfterAll
  static void stop() {
    direct.close();
    viaWireMock.close();
  }

  @Test
  void bothRoutesAnswerAlikeAndLeaveTheSameTraces() throws Exception {
    List<String> outcomes = new ArrayList<>();
    for (Call call : corpus()) {
      if (call.name().equals(FIRST_FAULTED)) {
        declareFaults(direct);
        declareFaults(viaWireMock);
      }
      String onDirect = outcome(direct, call);
      assertThat(onDirect).as(call.name()).isEqualTo(outcome(viaWireMock, call));
      outcomes.add(onDirect);
    }
    assertThat(outcomes)
        .as("what the corpus reached")
        .anyMatch(o -> o.startsWith("200 "))
        .anyMatch(o -> o.contains("\"code\":814"))
        .anyMatch(o -> o.startsWith("503 ")) // an error fault: answered directly
        .anyMatch(o -> o.startsWith("no answer")); // a transport fault: handed to WireMock

    List<JsonNode> directJournal = journal(direct);
    List<JsonNode> wireMockJournal = journal(viaWireMock);
    // Every request is journaled but the two whose body the edge refuses before either route sees
    // it: the one whose gzip does not decode, and the one over 64 KiB (413 at once).
    assertThat(directJournal).hasSameSizeAs(wireMockJournal).hasSize(outcomes.size() - 2);
    for (int i = 0; i < directJournal.size(); i++) {
      assertThat(directJournal.get(i)).as("journal entry %d", i).isEqualTo(wireMockJournal.get(i));
    }
    assertThat(requestLog(direct)).isEqualTo(requestLog(viaWireMock)).isNotEmpty();
  }

  @Test
  void theDirectRouteServesOnlyWhileWireMockHasNothingToAdd() throws Exception {
    // A direct answer carries its length; WireMock's route streams its answers without one.
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
      assertThat(route(mock)).isEqualTo("direct");
      mock.wireMock().stubFor(get("/anything").willReturn(ok()));
      assertThat(route(mock)).as("with a user stub that cannot match").isEqualTo("direct");
      mock.wireMock()
          .stubFor(
              post(urlPathEqualTo(REVOKE))
                  .withHeader("X-Pick", equalTo("stub"))
                  .willReturn(status(418)));
      assertThat(route(mock)).as("a stub that does not match this request").isEqualTo("direct");
      RawHttp.Answer picked =
          send(
              mock,
              "POST",
              REVOKE,
              List.of(basic(), json(), new String[] {"x-pick", "stub"}),
              utf8(DOC_REVOKE));
      assertThat(picked.status()).as("a stub that matches wins").isEqualTo(418);
      mock.wireMock()
          .stubFor(
              post(urlPathEqualTo(REVOKE))
                  .inScenario("s")
                  .whenScenarioStateIs("never")
                  .willReturn(status(418)));
      assertThat(route(mock)).as("a matching stub, whatever its state").isEqualTo("WireMock");
      mock.wireMock().resetMappings();
      assertThat(route(mock)).as("stubs gone").isEqualTo("direct");

      mock.wireMock().setGlobalFixedDelay(300);
      long started = System.nanoTime();
      assertThat(route(mock)).as("with a global delay").isEqualTo("WireMock");
      assertThat(System.nanoTime() - started).as("delayed").isGreaterThan(300_000_000L);
      mock.wireMock().setGlobalFixedDelay(0);
      assertThat(route(mock)).isEqualTo("direct");
    }
    try (RevokeEarnMock verbose = RevokeEarnMock.builder().port(0).verbose(true).build().start()) {
      assertThat(route(verbose)).as("logging every request").isEqualTo("WireMock");
    }
  }

  @Test
  void aClientThatAcceptsGzipGetsItsAnswerGzippedAsWireMockWould() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
      RawHttp.Answer gzipped =
          send(
              mock,
              "POST",
              REVOKE,
              List.of(basic(), json(), new String[] {"Accept-Encoding", "gzip"}),
              utf8(DOC_REVOKE));
      assertThat(gzipped.status()).isEqualTo(200);
      assertThat(gzipped.header("Content-Encoding")).isEqualTo("gzip");
      try (var in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzipped.body()))) {
        assertThat(JSON.readTree(in).at("/data/earnedBadgeId").asText())
            .isEqualTo("654cbea06bccde1274b6d3a2");
      }
      assertThat(route(mock)).as("the same revoke again, without gzip").isEqualTo("direct");
    }
  }

  @Test
  void wireMocksVerificationsSeeDirectAnswers() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).journalEntries(3).build().start()) {
      for (int i = 0; i < 5; i++) {
        assertThat(route(mock)).isEqualTo("direct");
      }
      WireMockServer wireMock = mock.wireMock();
      wireMock.verify(
          3, postRequestedFor(urlEqualTo(REVOKE)).withHeader("Authorization", equalTo(BASIC)));
      List<ServeEvent> events = wireMock.getAllServeEvents();
      assertThat(events).hasSize(3);
      assertThat(events.get(0).getResponse().getStatus()).isEqualTo(409);
      assertThat(wireMock.getServeEvents().getServeEvents()).hasSize(3);

      wireMock.removeServeEvent(events.get(1).getId());
      assertThat(wireMock.getAllServeEvents())
          .extracting(ServeEvent::getId)
          .containsExactly(events.get(0).getId(), events.get(2).getId());
      assertThat(route(mock)).isEqualTo("direct");
      assertThat(wireMock.getAllServeEvents()).as("still bounded").hasSize(3);
      wireMock.resetRequests();
      assertThat(wireMock.getAllServeEvents()).isEmpty();
    }
  }

  @Test
  void theRequestLogKeepsHeadersInTheOrderSent() throws Exception {
    List<String[]> headers =
        List.of(
            new String[] {"X-Zeta", "1"},
            basic(),
            new String[] {"X-Alpha", "2"},
            json(),
            new String[] {"X-Mid", "3"},
            new String[] {"x-alpha", "4"});
    send(direct, "POST", REVOKE, headers, utf8("{}"));
    JsonNode log =
        JSON.readTree(
            send(direct, "GET", "/__admin/revoke-earn/orgs/100737/requests", List.of(), new byte[0])
                .body());
    JsonNode last = log.get("requests").get(log.get("requests").size() - 1).get("headers");
    List<String> names = new ArrayList<>();
    last.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly(
            "Host",
            "X-Zeta",
            "Authorization",
            "X-Alpha",
            "Content-Type",
            "X-Mid",
            "Connection",
            "Content-Length");
    assertThat(last.get("X-Alpha")).hasSize(2);
  }

  @Test
  void withoutAJournalReadingItSaysSo() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).journalEntries(0).build().start()) {
      RawHttp.Answer answer = send(mock, "GET", "/__admin/requests", List.of(), new byte[0]);
      assertThat(answer.status()).isEqualTo(409);
      assertThat(JSON.readTree(answer.body()).at("/errors/0/message").asText())
          .contains("--journal-entries 0");
    }
  }

  private static String route(RevokeEarnMock mock) throws IOException {
    RawHttp.Answer answer = send(mock, "POST", REVOKE, List.of(basic(), json()), utf8(DOC_REVOKE));
    assertThat(answer.status()).isIn(200, 409);
    return answer.header("Content-Length") != null ? "direct" : "WireMock";
  }

  private static List<Call> corpus() throws IOException {
    List<Call> calls = new ArrayList<>();
    calls.add(new Call("doc revoke", "POST", REVOKE, List.of(basic(), json()), utf8(DOC_REVOKE)));
    calls.add(
        new Call("doc revoke again", "POST", REVOKE, List.of(basic(), json()), utf8(DOC_REVOKE)));
    calls.add(new Call("no auth", "POST", REVOKE, List.<String[]>of(json()), utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "wrong password",
            "POST",
            REVOKE,
            List.of(new String[] {"Authorization", "Basic ZGVtby50aWxsOndyb25n"}, json()),
            utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "token",
            "POST",
            TOKEN,
            List.<String[]>of(json()),
            utf8("{\"key\":\"demo-key\",\"secret\":\"demo-secret\"}")));
    calls.add(
        new Call("token refused", "POST", TOKEN, List.<String[]>of(json()), utf8("{\"key\":1}")));
    calls.add(
        new Call(
            "earn",
            "POST",
            EARN,
            List.of(basic(), json()),
            utf8(
                "{\"badgeMetaId\":\"66276dc68fe258516a88ff8e\",\"customerId\":62090013,"
                    + "\"requestId\":\"req-1\"}")));
    calls.add(new Call("not json", "POST", REVOKE, List.of(basic(), json()), utf8("{nope")));
    calls.add(new Call("empty body", "POST", REVOKE, List.of(basic(), json()), new byte[0]));
    calls.add(
        new Call("no content type", "POST", REVOKE, List.<String[]>of(basic()), utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "text/plain",
            "POST",
            REVOKE,
            List.of(basic(), new String[] {"Content-Type", "text/plain"}),
            utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "form (WireMock's on both)",
            "POST",
            REVOKE,
            List.of(basic(), new String[] {"Content-Type", "application/x-www-form-urlencoded"}),
            utf8("a=1&b=2")));
    calls.add(
        new Call(
            "charset",
            "POST",
            REVOKE,
            List.of(basic(), new String[] {"Content-Type", "application/json; charset=ISO-8859-1"}),
            "{\"badgeMetaId\":\"é\"}".getBytes(StandardCharsets.ISO_8859_1)));
    calls.add(
        new Call(
            "repeated headers in several cases, cookies, forwarded",
            "POST",
            REVOKE,
            List.of(
                basic(),
                json(),
                new String[] {"X-Dup", "1"},
                new String[] {"x-dup", "2"},
                new String[] {"Cookie", "a=1; b=2; a=3"},
                new String[] {"X-Forwarded-For", "10.1.2.3, 10.4.5.6"}),
            utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "two Authorization headers",
            "POST",
            REVOKE,
            List.of(basic(), new String[] {"authorization", "Basic eDp5"}, json()),
            utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "query", "POST", REVOKE + "?a=1&b=%7C&c", List.of(basic(), json()), utf8(DOC_REVOKE)));
    calls.add(
        new Call(
            "trailing slash", "POST", REVOKE + "/", List.of(basic(), json()), utf8(DOC_REVOKE)));
    calls.add(new Call("GET", "GET", REVOKE, List.<String[]>of(basic()), new byte[0]));
    calls.add(
        new Call(
            "gzip",
            "POST",
            REVOKE,
            List.of(basic(), json(), new String[] {"Content-Encoding", "gzip"}),
            Gzip.gzip(DOC_REVOKE)));
    calls.add(
        new Call(
            "gzip without saying so", "POST", REVOKE, List.of(basic(), json()), Gzip.gzip("{}")));
    calls.add(
        new Call(
            "broken gzip",
            "POST",
            REVOKE,
            List.of(basic(), json(), new String[] {"Content-Encoding", "gzip"}),
            new byte[] {0x1f, (byte) 0x8b, 8, 0, 1, 2}));
    calls.add(new Call("too large", "POST", REVOKE, List.of(basic(), json()), large()));
    calls.add(
        new Call(
            "customer by email",
            "POST",
            REVOKE + "?identifierName=email&identifierValue=tom.sawyer%40example.com",
            List.of(basic(), json()),
            utf8(
                "{\"badgeMetaId\":\"653de84db3cda7078c7c68ed\",\"earnedBadgeId\":\"654cbea06bccde1274b6d3a3\"}")));
    // The faults declared before these fire on them in turn: error, delay, reset, empty,
    // malformed, applied-then-reset; the last finds none left.
    for (int i = 0; i < 7; i++) {
      calls.add(new Call("fault " + i, "POST", REVOKE, List.of(basic(), json()), utf8(DOC_REVOKE)));
    }
    return calls;
  }

  /** The same six faults, firing once each, in declaration order. */
  private static void declareFaults(RevokeEarnMock mock) throws IOException {
    for (String fault :
        List.of(
            "{\"type\":\"error\",\"status\":503}",
            "{\"type\":\"delay\",\"millis\":20}",
            "{\"type\":\"reset\"}",
            "{\"type\":\"empty-response\"}",
            "{\"type\":\"malformed-response\"}",
            "{\"type\":\"applied-then-reset\"}")) {
      RawHttp.Answer declared =
          send(
              mock,
              "POST",
              "/__admin/revoke-earn/faults",
              List.<String[]>of(json()),
              utf8(
                  "{\"orgId\":100737,\"operation\":\"revokeEarn\",\"times\":1,\"fault\":"
                      + fault
                      + "}"));
      assertThat(declared.status()).as(declared.text()).isEqualTo(201);
    }
  }

  /** What a client saw: the status, the headers that are not about framing, the body. */
  private static String outcome(RevokeEarnMock mock, Call call) {
    RawHttp.Answer answer;
    try {
      answer = send(mock, call.method(), call.target(), call.headers(), call.body());
    } catch (IOException e) {
      return "no answer (" + e.getClass().getSimpleName() + ")";
    } catch (AssertionError e) {
      return "no answer in time";
    }
    Map<String, String> headers = new java.util.TreeMap<>(answer.headers());
    headers.keySet().removeAll(Set.of("content-length", "transfer-encoding", "date", "connection"));
    String requestId = headers.remove("x-cap-request-id");
    return answer.status()
        + " "
        + headers
        + " request id "
        + (requestId != null && requestId.matches("[0-9a-f]{32}"))
        + " "
        + VOLATILE.matcher(answer.text()).replaceAll("<volatile>");
  }

  private static RawHttp.Answer send(
      RevokeEarnMock mock, String method, String target, List<String[]> headers, byte[] body)
      throws IOException {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Connection: close\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    ByteArrayOutputStream request = new ByteArrayOutputStream();
    request.write(head.toString().getBytes(StandardCharsets.UTF_8));
    request.write(body);
    return new RawHttp("127.0.0.1", mock.port()).send(request.toByteArray());
  }

  /** WireMock's journal, oldest first, without what differs by nature between two servers. */
  private static List<JsonNode> journal(RevokeEarnMock mock) throws IOException {
    JsonNode requests =
        JSON.readTree(send(mock, "GET", "/__admin/requests", List.of(), new byte[0]).body())
            .get("requests");
    List<JsonNode> entries = new ArrayList<>();
    for (JsonNode entry : requests) {
      ObjectNode normal =
          (ObjectNode) JSON.readTree(VOLATILE.matcher(entry.toString()).replaceAll("<volatile>"));
      normal.remove(List.of("id", "timing"));
      ((ObjectNode) normal.get("request")).remove(List.of("loggedDate", "loggedDateString"));
      ((ObjectNode) normal.get("stubMapping")).remove(List.of("id", "uuid"));
      // What it encodes is compared as "body", with the generated ids and tokens masked.
      ((ObjectNode) normal.get("response")).remove("bodyAsBase64");
      entries.add(0, normal);
    }
    return entries;
  }

  /** The demo org's request log, without its times. */
  private static List<JsonNode> requestLog(RevokeEarnMock mock) throws IOException {
    JsonNode log =
        JSON.readTree(
            send(mock, "GET", "/__admin/revoke-earn/orgs/100737/requests", List.of(), new byte[0])
                .body());
    List<JsonNode> exchanges = new ArrayList<>();
    for (Iterator<JsonNode> it = log.get("requests").elements(); it.hasNext(); ) {
      ObjectNode exchange =
          (ObjectNode)
              JSON.readTree(VOLATILE.matcher(it.next().toString()).replaceAll("<volatile>"));
      exchange.remove("at");
      exchanges.add(exchange);
    }
    return exchanges;
  }

  private static byte[] large() {
    StringBuilder body = new StringBuilder("{\"badgeMetaId\":\"");
    body.append("a".repeat(70 * 1024)).append("\"}");
    return utf8(body.toString());
  }

  private static String[] basic() {
    return new String[] {"Authorization", BASIC};
  }

  private static String[] json() {
    return new String[] {"Content-Type", "application/json"};
  }
}
