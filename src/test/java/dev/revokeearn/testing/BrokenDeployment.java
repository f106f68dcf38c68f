package dev.revokeearn.testing;

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
    STILL_ACTIVE
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

  private static final String REVOKE = "/api_gateway/v1/badges/customer/revokeEarn";

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
      boolean revoke = exchange.getRequestURI().getPath().equals(REVOKE);
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
      default -> {
        return body;
      }
    }
    return JSON.writeValueAsBytes(answer);
  }
}
