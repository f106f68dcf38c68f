package dev.revokeearn.mock.direct;

import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.store.Stores;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.api.RequestIds;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.mock.http.BufferedBody;
import dev.revokeearn.mock.journal.BoundedJournalStore;
import dev.revokeearn.service.Answer;
import dev.revokeearn.wiremock.api.HandedOver;
import dev.revokeearn.wiremock.api.ReferenceApi;
import dev.revokeearn.wiremock.api.Routes;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * Answers the API before WireMock whenever WireMock would add nothing to the answer; its off
 * position is plain WireMock routing. WireMock adds something when a user stub matches the request
 * ({@link UserStubs}: it wins over the reference implementation), a global delay, request logging,
 * or a form or multipart body (which WireMock journals parsed); {@code DirectRouteAssumptionsTest}
 * pins what is looked at, for the WireMock version it was written for. WireMock's stub handling
 * copies each request into its journal model four times and renders the answer through its
 * transformer chain, which under load cost more CPU than the reference implementation itself; this
 * keeps what it would have kept: the journal entry (built when read) and the org's request log. A
 * delay or a transport fault is handed to WireMock, which delivers those. It runs as a filter in
 * the API's servlet context, and ahead of that context too ({@code mock.http.FrontDoor}) for a
 * request whose body came whole: what it hands on from there reaches the filter marked, and passes.
 */
public final class DirectRoute implements Filter {
  private final ReferenceApi api;
  private final Routes routes;
  private final HandedOver handedOver;
  private final Stores stores;
  private final UserStubs userStubs;
  private final boolean logRequests;

  /** Null when the journal is off. */
  private final BoundedJournalStore journal;

  /**
   * @param handedOver where an answer WireMock must deliver is left for the standalone's fallback
   * @param logRequests whether WireMock logs every request (--verbose): then WireMock serves all
   */
  public DirectRoute(
      ReferenceApi api, Routes routes, HandedOver handedOver, Stores stores, boolean logRequests) {
    this.api = api;
    this.routes = routes;
    this.handedOver = handedOver;
    this.stores = stores;
    this.userStubs = new UserStubs(stores.getStubStore());
    this.logRequests = logRequests;
    this.journal =
        stores.getRequestJournalStore() instanceof BoundedJournalStore bounded ? bounded : null;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    if (!(request instanceof BufferedBody withBody) || withBody.passedOn()) {
      // Seen ahead of the servlet context already and handed on (or unread, which the boundary
      // never lets through): WireMock's.
      chain.doFilter(request, response);
      return;
    }
    Optional<Operation> routed = routed(withBody);
    if (routed.isEmpty()) {
      chain.doFilter(request, response);
      return;
    }
    long receivedAt = System.nanoTime();
    ApiCall call = ServletCalls.of(withBody);
    Answer answer = api.answer(call, routed);
    if (deliveredByWireMock(answer.fault())) {
      handedOver.hold(call, answer);
      try {
        chain.doFilter(request, response);
      } finally {
        handedOver.clear();
      }
      return;
    }
    api.record(call, routed, answer);
    String requestId = RequestIds.next();
    DirectServeEvent event = null;
    if (journal != null) {
      // Journaled before the answer goes out, as WireMock does: a client that got its answer finds
      // its request in the journal.
      event = new DirectServeEvent(call, withBody, answer, requestId, receivedAt);
      journal.addDeferred(event.id(), event, call.body().length + answer.json().length());
    }
    send((HttpServletResponse) response, answer, requestId);
    if (event != null) {
      event.sent();
    }
  }

  /**
   * Whether this route may answer a request, by its method and path alone (the rest is decided once
   * its body is read): what may come to it ahead of the servlet context.
   */
  public boolean serves(HttpServletRequest request) {
    return request.getMethod().equals("POST") && routes.at(request.getRequestURI()).isPresent();
  }

  /** The operation, when this route answers the request; empty when WireMock should. */
  private Optional<Operation> routed(HttpServletRequest request) {
    if (!request.getMethod().equals("POST")
        || formOrMultipart(request.getContentType())
        || logRequests
        || !noDelay(stores.getSettingsStore().get())) {
      return Optional.empty();
    }
    Optional<Operation> operation = routes.at(request.getRequestURI());
    return operation.isPresent() && userStubs.mayAnswer(request) ? Optional.empty() : operation;
  }

  private static boolean formOrMultipart(String contentType) {
    if (contentType == null) {
      return false;
    }
    String type = contentType.strip().toLowerCase(Locale.ROOT);
    return type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/");
  }

  private static boolean noDelay(GlobalSettings settings) {
    Integer fixed = settings.getFixedDelay();
    return (fixed == null || fixed == 0) && settings.getDelayDistribution() == null;
  }

  private static boolean deliveredByWireMock(Fault fault) {
    return fault != null && !(fault instanceof Fault.Error);
  }

  private static void send(HttpServletResponse response, Answer answer, String requestId)
      throws IOException {
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    DirectServeEvent.responseHeaders(answer, requestId)
        .forEach(header -> response.addHeader(header.key(), header.firstValue()));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }
}
