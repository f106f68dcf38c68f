package dev.revokeearn.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.testing.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Generated hostile requests against the running mock: every answer is a 4xx (or a 200 for the rare
 * valid one) in Capillary's envelope, within seconds, and the next valid request still works.
 */
class HostileInputProperties {
  record Attack(
      String path, byte[] body, String contentType, String identifier, String authorization) {
    @Override
    public String toString() {
      String shown = new String(body, 0, Math.min(body.length, 160), StandardCharsets.UTF_8);
      return "POST "
          + path
          + " ct="
          + contentType
          + " id="
          + identifier
          + " auth="
          + (authorization != null)
          + " body["
          + body.length
          + "]="
          + shown;
    }
  }

  static final List<String> PATHS =
      List.of(
          "/api_gateway/v1/badges/customer/revokeEarn",
          "/api_gateway/v1/badges/customer/earn",
          "/v3/oauth/token/generate");
  static final String VALID_REVOKE =
      "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
  static RevokeEarnMock mock;
  static final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  final ObjectMapper json = new ObjectMapper();

  @BeforeContainer
  static void start() {
    mock = RevokeEarnMock.builder().port(0).build().start();
  }

  @AfterContainer
  static void stop() {
    mock.close();
  }

  @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
  void everyHostileRequestGetsAnEnvelopeAndTheServerKeepsServing(@ForAll("attacks") Attack attack)
      throws Exception {
    HttpResponse<String> answer = send(attack);

    assertThat(answer.statusCode()).as(attack.toString()).isBetween(200, 499);
    assertThat(answer.headers().firstValue("Content-Type"))
        .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/json"));
    assertThat(answer.headers().firstValue("X-CAP-REQUEST-ID")).isPresent();
    JsonNode envelope = json.readTree(answer.body());
    if (answer.statusCode() >= 400) {
      assertThat(envelope.get("data").isNull()).as(answer.body()).isTrue();
      assertThat(envelope.get("warnings").isNull()).isTrue();
      assertThat(envelope.get("errors").size()).isPositive();
      for (JsonNode error : envelope.get("errors")) {
        assertThat(error.get("code").isIntegralNumber()).isTrue();
        assertThat(error.get("message").isTextual()).isTrue();
        assertThat(error.has("reference")).isTrue();
      }
      if (attack.body().length > RevokeEarnMock.DEFAULT_MAX_BODY_BYTES) {
        assertThat(answer.statusCode()).isEqualTo(413);
      }
    } else {
      assertThat(envelope.get("data").isObject()).as(answer.body()).isTrue();
    }
    assertThat(validTokenRequest().statusCode()).as("a valid request right after").isEqualTo(200);
  }

  /** Near-valid revokes: one body field replaced, any identifier header; they reach the service. */
  @Property(tries = 500, edgeCases = EdgeCasesMode.MIXIN)
  void everyRevokeWithAnOddFieldGetsAnEnvelope(
      @ForAll("revokeFields") String field,
      @ForAll("fieldValues") String value,
      @ForAll("mostlyNoIdentifier") String identifier)
      throws Exception {
    everyHostileRequestGetsAnEnvelopeAndTheServerKeepsServing(
        new Attack(
            PATHS.get(0),
            utf8(validRevokeWith(field, value)),
            "application/json",
            identifier,
            Credentials.demo()));
  }

  @Provide
  Arbitrary<String> revokeFields() {
    return Arbitraries.of("badgeMetaId", "customerId", "earnedBadgeId");
  }

  @Provide
  Arbitrary<String> mostlyNoIdentifier() {
    return Arbitraries.frequencyOf(
        Tuple.of(6, Arbitraries.just((String) null)), Tuple.of(4, identifiers()));
  }

  @Provide
  Arbitrary<String> fieldValues() {
    Arbitrary<String> digits = Arbitraries.strings().numeric().ofMaxLength(25);
    return Arbitraries.oneOf(
        digits.filter(d -> !d.isEmpty()),
        digits.map(d -> "\"" + d + "\""),
        Arbitraries.bigIntegers()
            .between(java.math.BigInteger.TEN.pow(30).negate(), java.math.BigInteger.TEN.pow(30))
            .map(String::valueOf),
        jsonValues());
  }

  @Provide
  Arbitrary<Attack> attacks() {
    return Combinators.combine(
            Arbitraries.of(PATHS),
            bodies(),
            Arbitraries.of(
                "application/json",
                null,
                "text/plain",
                "application/json; charset=ISO-8859-1",
                "x/y;;=",
                "application/xml"),
            identifiers(),
            Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(Credentials.demo())),
                Tuple.of(1, Arbitraries.just((String) null)),
                Tuple.of(1, printable(0, 300).map(s -> "Basic " + s)),
                Tuple.of(1, printable(0, 300))))
        .as(Attack::new);
  }

  private Arbitrary<byte[]> bodies() {
    return Arbitraries.oneOf(
        Arbitraries.strings().ofMaxLength(300).map(this::utf8),
        Arbitraries.strings()
            .withChars("{}[]\":,0123456789.eE-+truefalsn \\u")
            .ofMaxLength(200)
            .map(this::utf8),
        Arbitraries.integers()
            .between(0, VALID_REVOKE.length())
            .map(n -> utf8(VALID_REVOKE.substring(0, n))),
        Combinators.combine(
                Arbitraries.of(
                    "badgeMetaId",
                    "customerId",
                    "earnedBadgeId",
                    "requestId",
                    "triggeredBy",
                    "key",
                    "secret"),
                jsonValues())
            .as((field, value) -> utf8(validRevokeWith(field, value))),
        Arbitraries.integers()
            .between(900, 20_000)
            .map(depth -> utf8("{\"customerId\":" + "[".repeat(depth) + "]".repeat(depth) + "}")),
        Arbitraries.bytes().array(byte[].class).ofMaxSize(300),
        Arbitraries.integers()
            .between(
                RevokeEarnMock.DEFAULT_MAX_BODY_BYTES - 100,
                RevokeEarnMock.DEFAULT_MAX_BODY_BYTES * 4)
            .map(n -> utf8("{\"badgeMetaId\":\"" + "a".repeat(n) + "\"}")),
        Arbitraries.just(new byte[0]));
  }

  /** The valid revoke body with one field set (or added) to a raw JSON value. */
  private static String validRevokeWith(String field, String rawValue) {
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

  private Arbitrary<String> jsonValues() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "null",
            "true",
            "false",
            "[]",
            "{}",
            "-0",
            "1e999",
            "-1e-999",
            "99999999999999999999999999",
            "9223372036854775808",
            "\"9223372036854775808\"",
            "\"0062090013\"",
            "9223372036854775807",
            "0",
            "-1",
            "\"\"",
            "\"\\u0000\"",
            "\"\\ud800\""),
        Arbitraries.longs().map(String::valueOf),
        Arbitraries.strings()
            .ofMaxLength(50)
            .map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""),
        Arbitraries.integers().between(1000, 60_000).map(n -> "\"" + "x".repeat(n) + "\""));
  }

  @Provide
  Arbitrary<String> identifiers() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            null, "email", "mobile", "externalId", "cardNumber", "", "EMAIL", "phone", " email"),
        printable(0, 2000));
  }

  private static Arbitrary<String> printable(int min, int max) {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(min).ofMaxLength(max);
  }

  private byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static HttpResponse<String> send(Attack attack) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + attack.path()))
            .timeout(Duration.ofSeconds(10))
            .POST(HttpRequest.BodyPublishers.ofByteArray(attack.body()));
    if (attack.contentType() != null) {
      request.header("Content-Type", attack.contentType());
    }
    if (attack.identifier() != null && !attack.identifier().isBlank()) {
      request.header("X-CAP-CUSTOMER-IDENTIFIER", attack.identifier().strip());
    }
    if (attack.authorization() != null && !attack.authorization().isBlank()) {
      request.header("Authorization", attack.authorization().strip());
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static HttpResponse<String> validTokenRequest() throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/v3/oauth/token/generate"))
            .timeout(Duration.ofSeconds(10))
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"key\":\"demo-key\",\"secret\":\"demo-secret\"}"))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
