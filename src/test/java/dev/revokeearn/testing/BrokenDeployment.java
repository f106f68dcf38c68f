package dev.revokeearn.testing;

import static dev.revokeearn.testing.Fixtures.REVOKE;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.revokeearn.auth.BasicCredentials;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A deployment that breaks the contract in one way: a proxy on a free loopback port in front of a
 * correct server (the reference mock), changing one thing of what passes through. The conformance
 * suite must fail against each.
 *
 * <pre>{@code
 * try (BrokenDeployment broken = BrokenDeployment.start(mock.baseUrl(), Breakage.NEVER_814)) {
 *   run the suite against broken.baseUrl()
 * }
 * }</pre>
 */
public final class BrokenDeployment implements AutoCloseable {
  /** The one thing a deployment gets wrong. */
  public enum Breakage {
    /** A revoke that should be 814 answers 200 with a success body instead. */
    NEVER_814,
    /** Successful revokes answer customerId as a string. */
    CUSTOMER_ID_AS_STRING,
    /** No answer carries X-CAP-REQUEST-ID. */
    NO_REQUEST_ID,
    /** Requests without credentials are let through as if the demo till had sent them. */
    ACCEPTS_NO_CREDENTIALS,
    /** Successful revokes answer isActive true. */
    STILL_ACTIVE,
    /** Every JSON answer has text after it. */
    TRAILING_GARBAGE,
    /** Successful revokes name isActive twice, false last. */
    DUPLICATE_KEY,
    /**
     * X-CAP-CUSTOMER-IDENTIFIER is ignored: whatever customer it names, the doc customer is meant.
     */
    IGNORES_IDENTIFIER,
    /** Basic credentials with any username and the right password hash are accepted. */
    ANY_USERNAME,
    /** Every answer carries the same X-CAP-REQUEST-ID. */
    CONSTANT_REQUEST_ID,
    /** Successful revokes name another earn instance than the one revoked. */
    OTHER_EARNED_BADGE_ID,
    /** Every earn is refused with 401: each scenario's set-up fails the same way. */
    REFUSES_EARNS
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Not forwarded; Accept-Encoding too, so that answers arrive as plain JSON to change. */
  private static final Set<String> HOP_BY_HOP =
      Set.of(
          "host",
          "connection",
          "content-length",
          "transfer-encoding",
          "keep-alive",
          "upgrade",
          "accept-encoding");

  private final HttpServer server;
  private final HttpClient client = HttpClient.newHttpClient();
  private final String upstream;
  private final Breakage breakage;

  private BrokenDeployment(String upstream, Breakage breakage) throws IOException {
    this.upstream = upstream;
    this.breakage = breakage;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::forward);
    server.start();
  }

  public static BrokenDeployment start(String upstream, Breakage breakage) throws IOException {
    return new BrokenDeployment(upstream, breakage);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] requestBody = exchange.getRequestBody().readAllBytes();
      boolean revokeRequest = exchange.getRequestURI().getPath().equals(REVOKE);
      if (breakage == Breakage.IGNORES_IDENTIFIER
          && revokeRequest
          && exchange.getRequestHeaders().containsKey("X-CAP-CUSTOMER-IDENTIFIER")) {
        exchange.getRequestHeaders().remove("X-CAP-CUSTOMER-IDENTIFIER");
        ObjectNode body = (ObjectNode) JSON.readTree(requestBody);
        body.put("customerId", 62090013L);
        requestBody = JSON.writeValueAsBytes(body);
      }
      if (breakage == Breakage.ANY_USERNAME) {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (auth != null && auth.startsWith("Basic ")) {
          String decoded =
              new String(
                  java.util.Base64.getDecoder().decode(auth.substring(6)),
                  java.nio.charset.StandardCharsets.UTF_8);
          String hash = decoded.substring(decoded.indexOf(':') + 1);
          exchange
              .getRequestHeaders()
              .put(
                  "Authorization",
                  List.of(
                      "Basic "
                          + java.util.Base64.getEncoder()
                              .encodeToString(
                                  (Credentials.DEMO_TILL + ":" + hash)
                                      .getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        }
      }
      if (breakage == Breakage.REFUSES_EARNS
          && exchange.getRequestURI().getPath().endsWith("/customer/earn")) {
        byte[] refused =
            ("{\"data\":null,\"errors\":[{\"code\":401,\"message\":\"Authentication failed.\","
                    + "\"reference\":null}],\"warnings\":null}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        exchange.getResponseHeaders().put("Content-Type", List.of("application/json"));
        exchange
            .getResponseHeaders()
            .put(
                "X-CAP-REQUEST-ID",
                List.of(java.util.UUID.randomUUID().toString().replace("-", "")));
        exchange.sendResponseHeaders(401, refused.length);
        exchange.getResponseBody().write(refused);
        return;
      }
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(upstream + exchange.getRequestURI()))
              .method(
                  exchange.getRequestMethod(), HttpRequest.BodyPublishers.ofByteArray(requestBody));
      exchange
          .getRequestHeaders()
          .forEach(
              (name, values) -> {
                if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
                  values.forEach(value -> request.header(name, value));
                }
              });
      if (breakage == Breakage.ACCEPTS_NO_CREDENTIALS
          && !exchange.getRequestHeaders().containsKey("Authorization")
          && !exchange.getRequestHeaders().containsKey("X-CAP-API-OAUTH-TOKEN")) {
        request.header(
            "Authorization",
            BasicCredentials.header(Credentials.DEMO_TILL, Credentials.DEMO_PASSWORD));
      }
      HttpResponse<byte[]> answer =
          client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
      int status = answer.statusCode();
      byte[] body = answer.body();
      Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      headers.putAll(answer.headers().map());
      boolean revoke = revokeRequest;
      if (breakage == Breakage.NEVER_814 && revoke && status == 409) {
        status = 200;
        body = successFor(requestBody);
      }
      if (revoke && status == 200) {
        body = breakSuccess(body);
      }
      if (breakage == Breakage.NO_REQUEST_ID) {
        headers.remove("X-CAP-REQUEST-ID");
      }
      if (breakage == Breakage.CONSTANT_REQUEST_ID) {
        headers.put("X-CAP-REQUEST-ID", List.of("0123456789abcdef0123456789abcdef"));
      }
      if (breakage == Breakage.TRAILING_GARBAGE && body.length > 0) {
        body =
            (new String(body, java.nio.charset.StandardCharsets.UTF_8) + "}}<html>")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      headers.forEach(
          (name, values) -> {
            if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
              exchange.getResponseHeaders().put(name, values);
            }
          });
      exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
      exchange.getResponseBody().write(body);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** The success body a correct server would send for this revoke request. */
  private static byte[] successFor(byte[] revokeRequest) throws IOException {
    JsonNode request = JSON.readTree(revokeRequest);
    ObjectNode body = JSON.createObjectNode();
    ObjectNode data = body.putObject("data");
    data.set("badgeMetaId", request.path("badgeMetaId"));
    data.put("customerId", 62090013L);
    data.set("earnedBadgeId", request.path("earnedBadgeId"));
    data.put("isActive", false);
    body.putArray("errors");
    body.putArray("warnings");
    return JSON.writeValueAsBytes(body);
  }

  private byte[] breakSuccess(byte[] body) throws IOException {
    ObjectNode answer = (ObjectNode) JSON.readTree(body);
    ObjectNode data = (ObjectNode) answer.path("data");
    switch (breakage) {
      case CUSTOMER_ID_AS_STRING -> data.put("customerId", data.path("customerId").asText());
      case STILL_ACTIVE -> data.put("isActive", true);
      case OTHER_EARNED_BADGE_ID -> data.put("earnedBadgeId", "0123456789abcdef01234567");
      case DUPLICATE_KEY -> {
        return new String(body, java.nio.charset.StandardCharsets.UTF_8)
            .replace("\"isActive\":false", "\"isActive\":true,\"isActive\":false")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
      }
      default -> {
        return body;
      }
    }
    return JSON.writeValueAsBytes(answer);
  }
}
