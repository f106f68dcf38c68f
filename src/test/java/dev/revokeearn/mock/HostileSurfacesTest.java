package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Gen;
import dev.revokeearn.testing.RawHttp;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile requests on every surface a client reaches over HTTP: paths and their
 * encodings, query strings, methods, headers (duplicated, conflicting, malformed), bodies and the
 * admin API. Every answer is a 4xx (or a 2xx) in JSON, never a 5xx, an HTML page or an exception
 * name, and the mock keeps serving. The run's seed is printed; {@code -Dhostile.seed=N} replays it.
 */
class HostileSurfacesTest {
  static final long SEED = Long.getLong("hostile.seed", System.nanoTime());
  static final List<String> API = List.of(REVOKE, EARN, TOKEN);
  static final String VALID_REVOKE =
      "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
  static final ObjectMapper JSON = new ObjectMapper();

  static RevokeEarnMock mock;
  static RawHttp raw;
  static int cases;

  @BeforeAll
  static void start() {
    System.out.printf(
        "Hostile input seed %d (replay: mvn test -Dtest=HostileSurfacesTest -Dhostile.seed=%d)%n",
        SEED, SEED);
    mock = RevokeEarnMock.builder().port(0).build().start();
    raw = new RawHttp("127.0.0.1", mock.port());
  }

  @AfterAll
  static void stop() {
    mock.close();
    System.out.printf("Hostile input: %d generated HTTP cases, seed %d%n", cases, SEED);
  }

  @AfterEach
  void theMockStillServes() throws Exception {
    RawHttp.Answer reset =
        raw.send(RawHttp.request("POST", "/__admin/revoke-earn/reset", Map.of(), new byte[0]));
    assertThat(reset.status()).isEqualTo(200);
    RawHttp.Answer revoke =
        raw.send(RawHttp.request("POST", REVOKE, validHeaders(), utf8(VALID_REVOKE)));
    assertThat(revoke.status()).as(revoke.text()).isEqualTo(200);
  }

  @Test
  void paths() throws Exception {
    Gen gen = new Gen(SEED + 1);
    for (int i = 0; i < 1500; i++) {
      String path =
          switch (gen.between(0, 3)) {
            case 0 -> "/" + gen.from(Gen.URL_CHARS, 0, 80);
            case 1 ->
                gen.pick(API)
                    + gen.pick(
                        "/",
                        "//",
                        "/..",
                        "%2F",
                        ";x=1",
                        gen.percentEncoded(),
                        "/" + gen.anyText(1, 20));
            case 2 ->
                "/"
                    + gen.pick("api_gateway", "v3", "__admin", "..", "%2e%2e")
                    + "/"
                    + gen.percentEncoded()
                    + gen.from(Gen.URL_CHARS, 0, 30);
            default -> "/" + "a/".repeat(gen.between(100, 1500));
          };
      byte[] request = RawHttp.request("POST", path, validHeaders(), utf8(VALID_REVOKE));
      if (path.startsWith("/__admin")) {
        expectJsonAnswer("admin path", i, request);
      } else {
        expectEnvelope("path", i, request);
      }
    }
  }

  @Test
  void queryStrings() throws Exception {
    Gen gen = new Gen(SEED + 2);
    for (int i = 0; i < 1500; i++) {
      String query =
          switch (gen.between(0, 3)) {
            case 0 -> gen.from(Gen.URL_CHARS.replace(" ", "").replace("#", ""), 0, 60);
            case 1 ->
                "a="
                    + gen.pick("|", "{", "}", "^", "`", "<>", "\\", "\"", "[]")
                    + "&b="
                    + gen.percentEncoded();
            case 2 ->
                gen.from(Gen.LETTERS, 1, 10)
                    + "="
                    + gen.from(Gen.URL_CHARS.replace(" ", "").replace("#", ""), 0, 2000);
            default -> "x".repeat(gen.between(1, 3)) + "&&&==&" + gen.percentEncoded();
          };
      expectEnvelope(
          "query",
          i,
          RawHttp.request("POST", gen.pick(API) + "?" + query, validHeaders(), utf8(VALID_REVOKE)));
    }
  }

  @Test
  void methods() throws Exception {
    Gen gen = new Gen(SEED + 3);
    for (int i = 0; i < 1000; i++) {
      String method =
          gen.chance(50)
              ? gen.pick(
                  "GET",
                  "PUT",
                  "DELETE",
                  "PATCH",
                  "OPTIONS",
                  "TRACE",
                  "HEAD",
                  "post",
                  "Post",
                  "PROPFIND",
                  "LINK",
                  "CONNECT",
                  "QUERY")
              : gen.from(Gen.LETTERS + "-_!#$%&'*+.^`|~", 1, 20);
      String target = gen.chance(70) ? gen.pick(API) : "/" + gen.from(Gen.LETTERS + "/", 0, 30);
      byte[] body = gen.chance(50) ? utf8(VALID_REVOKE) : new byte[0];
      expectEnvelope(
          "method " + method,
          i,
          RawHttp.request(method, target, validHeaders(), body),
          method.equals("HEAD"));
    }
  }

  @Test
  void headers() throws Exception {
    Gen gen = new Gen(SEED + 4);
    for (int i = 0; i < 1500; i++) {
      Map<String, String> headers = new LinkedHashMap<>();
      List<String[]> extra = new ArrayList<>();
      switch (gen.between(0, 9)) {
        case 0 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(
              new String[] {
                "Content-Type", gen.pick("text/plain", "application/xml", "", "application/json")
              });
          extra.add(new String[] {"Authorization", Credentials.demo()});
        }
        case 1 -> {
          extra.add(
              new String[] {
                "Content-Type",
                gen.pick(
                    "application/json; charset=utf-16",
                    "application/json;charset=",
                    "*/*",
                    "application/json, text/plain",
                    "application/JSON",
                    "json",
                    gen.anyText(0, 40).replaceAll("[\\r\\n]", ""))
              });
          extra.add(new String[] {"Authorization", Credentials.demo()});
        }
        case 2 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(
              new String[] {
                "Authorization",
                gen.pick(
                    "Basic",
                    "Basic ",
                    "basic " + Credentials.demo().substring(6),
                    "Bearer x",
                    "Basic " + gen.from(Gen.LETTERS + Gen.DIGITS + "+/=", 0, 200),
                    "Basic !!!")
              });
          extra.add(new String[] {"Authorization", Credentials.demo()});
        }
        case 3 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(
              new String[] {
                "X-CAP-API-OAUTH-TOKEN",
                gen.pick(
                    "a.b.c",
                    "..",
                    "",
                    gen.from(Gen.LETTERS + ".-_", 0, 4000),
                    "eyJhbGciOiJub25lIn0.eyJzdWIiOiJkZW1vLWtleSJ9.")
              });
          extra.add(new String[] {"Authorization", Credentials.demo()});
        }
        case 4 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(new String[] {"Authorization", Credentials.demo()});
          extra.add(
              new String[] {
                "X-CAP-CUSTOMER-IDENTIFIER",
                gen.pick("email, mobile", "", "EMAIL", "email\t", gen.from(Gen.LETTERS, 0, 300))
              });
          extra.add(
              new String[] {
                "X-CAP-CUSTOMER-IDENTIFIER", gen.pick("email", "mobile", "cardNumber")
              });
        }
        case 5 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(new String[] {"Authorization", Credentials.demo()});
          extra.add(
              new String[] {
                gen.pick(
                    "Content-Encoding", "Transfer-Encoding", "Expect", "Accept-Encoding", "Range"),
                gen.pick(
                    "gzip", "deflate", "chunked", "100-continue", "br", "identity", "bytes=0-1")
              });
        }
        case 6 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(new String[] {"Authorization", Credentials.demo()});
          extra.add(
              new String[] {
                gen.from(Gen.LETTERS + "-!#$%&'*+.^_`|~", 1, 30),
                gen.anyText(0, 200).replaceAll("[\\r\\n]", " ")
              });
        }
        case 7 -> {
          // Malformed below the application: control characters, folded lines, no colon.
          extra.add(
              new String[] {"X-Odd", gen.pick("a\u0000b", "a\u0007b", "\r\n folded", "x\ny")});
          extra.add(new String[] {"Content-Type", "application/json"});
        }
        case 8 -> {
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(new String[] {"X-Big", "x".repeat(gen.between(4000, 9000))});
        }
        default -> {
          for (int h = 0; h < gen.between(1, 60); h++) {
            extra.add(new String[] {"X-" + h, gen.from(Gen.LETTERS, 0, 100)});
          }
          extra.add(new String[] {"Content-Type", "application/json"});
          extra.add(new String[] {"Authorization", Credentials.demo()});
        }
      }
      expectEnvelope("headers", i, requestWithRepeats(gen.pick(API), extra, utf8(VALID_REVOKE)));
    }
  }

  @Test
  void bodies() throws Exception {
    Gen gen = new Gen(SEED + 5);
    for (int i = 0; i < 3000; i++) {
      byte[] body =
          switch (gen.between(0, 7)) {
            case 0 -> utf8(gen.anyText(0, 300));
            case 1 -> utf8(gen.from("{}[]\":,0123456789.eE-+truefalsn \\u", 0, 200));
            case 2 -> utf8(VALID_REVOKE.substring(0, gen.between(0, VALID_REVOKE.length())));
            case 3 ->
                utf8(
                    validRevokeWith(
                        gen.pick(
                            "badgeMetaId",
                            "customerId",
                            "earnedBadgeId",
                            "requestId",
                            "triggeredBy",
                            "key",
                            "secret",
                            "earnEventDate"),
                        gen.jsonValue()));
            case 4 -> gen.bytes(0, 300);
            case 5 ->
                utf8("{\"badgeMetaId\":\"" + "a".repeat(gen.between(60_000, 200_000)) + "\"}");
            case 6 -> utf8("{\"customerId\":" + "[".repeat(gen.between(500, 20_000)) + "]}");
            default -> new byte[0];
          };
      Map<String, String> headers = new LinkedHashMap<>();
      if (gen.chance(85)) {
        headers.put(
            "Content-Type",
            gen.pick(
                "application/json",
                "application/json",
                "text/plain",
                "application/json; charset=ISO-8859-1"));
      }
      headers.put("Authorization", Credentials.demo());
      if (gen.chance(30)) {
        headers.put(
            "X-CAP-CUSTOMER-IDENTIFIER",
            gen.pick("email", "mobile", "externalId", "cardNumber", "phone", ""));
      }
      expectEnvelope("body", i, RawHttp.request("POST", gen.pick(API), headers, body));
    }
  }

  @Test
  void adminApi() throws Exception {
    Gen gen = new Gen(SEED + 6);
    List<String> paths =
        List.of(
            "/__admin/",
            "/__admin/mappings",
            "/__admin/mappings/reset",
            "/__admin/mappings/import",
            "/__admin/mappings/" + gen.from(Gen.LETTERS, 1, 36),
            "/__admin/requests",
            "/__admin/requests/find",
            "/__admin/requests/count",
            "/__admin/near-misses/request",
            "/__admin/reset",
            "/__admin/health",
            "/__admin/scenarios",
            "/__admin/files/" + gen.from(Gen.LETTERS, 1, 10),
            "/__admin/revoke-earn/state",
            "/__admin/revoke-earn/seed",
            "/__admin/revoke-earn/orgs",
            "/__admin/revoke-earn/reset",
            "/__admin/revoke-earn/orgs/"
                + gen.from(Gen.URL_CHARS.replace(" ", "").replace("#", "").replace("?", ""), 1, 25),
            "/__admin/revoke-earn/earn-instances/" + gen.from(Gen.LETTERS + "%", 0, 30),
            "/__admin/" + gen.from(Gen.URL_CHARS.replace(" ", "").replace("#", ""), 0, 40));
    for (int i = 0; i < 1000; i++) {
      String method = gen.pick("GET", "POST", "PUT", "DELETE", "PATCH", "POST", "POST");
      String path =
          gen.pick(paths)
              + (gen.chance(15) ? "?" + gen.pick("a=|", "limit=-1", "since=x", "{") : "");
      byte[] body =
          switch (gen.between(0, 4)) {
            case 0 -> utf8(gen.anyText(0, 200));
            case 1 ->
                utf8(
                    "{\"request\":"
                        + gen.jsonValue()
                        + ",\"response\":{\"status\":"
                        + gen.pick("200", "-1", "999", "\"x\"", "null")
                        + "}}");
            case 2 ->
                utf8(
                    "orgs:\n  - orgId: "
                        + gen.jsonValue()
                        + "\n    tills: [{username: "
                        + gen.from(Gen.LETTERS, 0, 5)
                        + ", password: "
                        + gen.pick("", "x", "~")
                        + "}]\n");
            case 3 -> utf8(gen.jsonValue());
            default -> new byte[0];
          };
      Map<String, String> headers = new LinkedHashMap<>();
      if (gen.chance(70)) {
        headers.put("Content-Type", gen.pick("application/json", "text/plain", "application/yaml"));
      }
      expectJsonAnswer("admin " + method, i, RawHttp.request(method, path, headers, body));
    }
  }

  private static Map<String, String> validHeaders() {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Content-Type", "application/json");
    headers.put("Authorization", Credentials.demo());
    return headers;
  }

  private static byte[] requestWithRepeats(String target, List<String[]> headers, byte[] body) {
    StringBuilder head = new StringBuilder("POST " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n");
    for (String[] header : headers) {
      head.append(header[0]).append(": ").append(header[1]).append("\r\n");
    }
    head.append("Connection: close\r\nContent-Length: ").append(body.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  private static void expectEnvelope(String surface, int index, byte[] request) throws IOException {
    expectEnvelope(surface, index, request, false);
  }

  /** A 2xx or 4xx, in Capillary's envelope for a 4xx, with the request id; nothing Java-ish. */
  private static void expectEnvelope(String surface, int index, byte[] request, boolean head)
      throws IOException {
    RawHttp.Answer answer = send(surface, index, request);
    String what = describe(surface, index, request, answer);
    assertThat(answer.status()).as(what).isBetween(200, 499);
    assertThat(answer.header("X-CAP-REQUEST-ID")).as(what).matches("[0-9a-f]{32}");
    if (head) {
      return;
    }
    JsonNode json = json(answer, what);
    if (answer.status() >= 400) {
      assertThat(json.path("data").isNull()).as(what).isTrue();
      assertThat(json.path("warnings").isNull()).as(what).isTrue();
      assertThat(json.path("errors").size()).as(what).isPositive();
      for (JsonNode error : json.path("errors")) {
        assertThat(error.path("code").isIntegralNumber()).as(what).isTrue();
        assertThat(error.path("message").isTextual()).as(what).isTrue();
        assertThat(error.has("reference")).as(what).isTrue();
      }
    }
  }

  /** The admin API: a 2xx or 4xx in JSON with the problem named; nothing Java-ish. */
  private static void expectJsonAnswer(String surface, int index, byte[] request)
      throws IOException {
    RawHttp.Answer answer = send(surface, index, request);
    String what = describe(surface, index, request, answer);
    assertThat(answer.status()).as(what).isBetween(200, 499);
    if (answer.status() >= 400) {
      json(answer, what); // a 2xx is whatever WireMock serves, its files API included
    }
  }

  private static RawHttp.Answer send(String surface, int index, byte[] request) throws IOException {
    cases++;
    try {
      return raw.send(request);
    } catch (AssertionError e) {
      throw new AssertionError(describe(surface, index, request, null) + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode json(RawHttp.Answer answer, String what) {
    assertThat(answer.header("Content-Type")).as(what).startsWith("application/json");
    assertThat(answer.text()).as(what).doesNotContain("<html", "Exception", "\tat ", "java.");
    // The error boundary's last resort: the input was refused, but no code path knew it was bad.
    assertThat(answer.text()).as(what).doesNotContain("could not process");
    try {
      return JSON.readTree(answer.body());
    } catch (IOException e) {
      return fail(what + ": the body is not JSON");
    }
  }

  private static String describe(String surface, int index, byte[] request, RawHttp.Answer answer) {
    String sent = new String(request, 0, Math.min(request.length, 400), StandardCharsets.UTF_8);
    return surface
        + " case "
        + index
        + " (seed "
        + SEED
        + ") sent:\n"
        + sent
        + (answer == null ? "" : "\ngot " + answer.status() + ": " + abbreviate(answer.text()));
  }

  private static String abbreviate(String text) {
    return text.length() < 400 ? text : text.substring(0, 400) + "...";
  }

  /** The valid revoke body with one field set (or added) to a raw JSON value. */
  static String validRevokeWith(String field, String rawValue) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("badgeMetaId", "\"653ddb33b3cda7078c7c68e9\"");
    fields.put("customerId", "62090013");
    fields.put("earnedBadgeId", "\"654cbea06bccde1274b6d3a2\"");
    fields.put(field, rawValue);
    StringBuilder body = new StringBuilder();
    fields.forEach(
        (name, value) ->
            body.append(body.length() == 0 ? "{" : ",")
                .append('"')
                .append(name)
                .append("\":")
                .append(value));
    return body.append('}').toString();
  }

  private static byte[] utf8(String text) {
    return Gen.utf8(text);
  }
}
