package dev.revokeearn.mock.direct;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.common.Timing;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.HttpHeaders;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.service.Answer;
import dev.revokeearn.wiremock.api.Answers;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import org.eclipse.jetty.util.URIUtil;

/**
 * The request journal's entry for an answer {@link DirectRoute} gave: the serve event WireMock
 * would have journaled for it (the request as WireMock reads it, our response definition, the
 * response as sent), built only when the journal is read. WireMock builds its own on every request,
 * copying the request several times over.
 */
final class DirectServeEvent implements Supplier<ServeEvent> {
  private final UUID id;
  private final ApiCall call;
  private final String scheme;
  private final String host;
  private final int port;
  private final String remoteAddress;
  private final String protocol;
  private final Map<String, List<String>> cookies;
  private final long loggedAt;
  private final Answer answer;
  private final String requestId;
  private final long processNanos;
  private final long decidedAt = System.nanoTime();
  private volatile long sentAt;

  /**
   * @param receivedAt {@link System#nanoTime()} when the request came in
   */
  DirectServeEvent(
      ApiCall call, HttpServletRequest request, Answer answer, String requestId, long receivedAt) {
    this.processNanos = decidedAt - receivedAt;
    ThreadLocalRandom random = ThreadLocalRandom.current();
    // A version-4 UUID without SecureRandom (UUID.randomUUID), which is slow under load: the id
    // only names the entry in the journal.
    this.id =
        new UUID(
            (random.nextLong() & ~0xF000L) | 0x4000L,
            (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L);
    this.call = call;
    this.scheme = request.getScheme();
    this.host = request.getServerName();
    this.port = request.getServerPort();
    this.remoteAddress = request.getRemoteAddr();
    this.protocol = request.getProtocol();
    this.cookies = cookies(request.getCookies());
    this.loggedAt = System.currentTimeMillis();
    this.answer = answer;
    this.requestId = requestId;
  }

  UUID id() {
    return id;
  }

  /** The answer is out. */
  void sent() {
    sentAt = System.nanoTime();
  }

  /** The answer's headers as sent, in the order WireMock's path sends them. */
  static List<HttpHeader> responseHeaders(Answer answer, String requestId) {
    List<HttpHeader> headers = new ArrayList<>();
    headers.add(new HttpHeader("Content-Type", "application/json"));
    answer.headers().forEach((name, value) -> headers.add(new HttpHeader(name, value)));
    headers.add(new HttpHeader(RequestIds.HEADER, requestId));
    return headers;
  }

  @Override
  public ServeEvent get() {
    ObjectMapper json = Json.getObjectMapper();
    ObjectNode request = json.createObjectNode();
    StringBuilder absoluteUrl = new StringBuilder();
    URIUtil.appendSchemeHostPort(absoluteUrl, scheme, host, port);
    request.put("url", call.url());
    request.put("absoluteUrl", absoluteUrl.append(call.url()).toString());
    request.put("method", call.method());
    request.put("clientIp", clientIp());
    request.set("headers", multiValues(json, call.headers()));
    request.set("cookies", multiValues(json, cookies));
    request.put("browserProxyRequest", false);
    request.put("loggedDate", loggedAt);
    request.put("bodyAsBase64", Base64.getEncoder().encodeToString(call.body()));
    request.put("protocol", protocol);
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    return new ServeEvent(
        id,
        json.convertValue(request, LoggedRequest.class),
        StubMapping.NOT_CONFIGURED,
        Answers.definition(answer, requestId),
        new LoggedResponse(
            answer.status(),
            new HttpHeaders(responseHeaders(answer, requestId)),
            Base64.getEncoder().encodeToString(body),
            null,
            null),
        false,
        timing(json),
        null);
  }

  private Timing timing(ObjectMapper json) {
    ObjectNode timing = json.createObjectNode();
    timing.put("addedDelay", 0);
    timing.put("processTime", processNanos / 1_000_000);
    timing.put("responseSendTime", sentAt == 0 ? 0 : (sentAt - decidedAt) / 1_000_000);
    return json.convertValue(timing, Timing.class);
  }

  /** As WireMock's request adapter has it: X-Forwarded-For when sent, else the peer. */
  private String clientIp() {
    for (Map.Entry<String, List<String>> header : call.headers().entrySet()) {
      if (header.getKey().equalsIgnoreCase("X-Forwarded-For")
          && !header.getValue().get(0).isEmpty()) {
        return header.getValue().get(0);
      }
    }
    return remoteAddress;
  }

  private static Map<String, List<String>> cookies(Cookie[] cookies) {
    Map<String, List<String>> byName = new LinkedHashMap<>();
    if (cookies != null) {
      for (Cookie cookie : cookies) {
        byName.computeIfAbsent(cookie.getName(), name -> new ArrayList<>()).add(cookie.getValue());
      }
    }
    return byName;
  }

  /** WireMock's JSON of headers and cookies: one value as a string, several as an array. */
  private static ObjectNode multiValues(ObjectMapper json, Map<String, List<String>> values) {
    ObjectNode node = json.createObjectNode();
    values.forEach(
        (name, list) -> {
          if (list.size() == 1) {
            node.put(name, list.get(0));
          } else {
            list.forEach(node.withArray(name)::add);
          }
        });
    return node;
  }
}
