package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.Gzip;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.store.Stores;
import dev.revokeearn.faults.Fault;
import dev.revokeearn.service.ApiPipeline;
import dev.revokeearn.service.Operation;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Answers the API before WireMock whenever WireMock would add nothing to the answer: no user stubs
 * (any of which could win over the reference implementation), no global delay, no request logging,
 * and no form or multipart body (which WireMock journals parsed). WireMock's stub handling copies
 * each request into its journal model four times and renders the answer through its transformer
 * chain, which under load cost more CPU than the reference implementation itself; this keeps what
 * it would have kept: the journal entry (built when read) and the org's request log. A delay or a
 * transport fault is handed to WireMock, which delivers those. Everything else goes to WireMock as
 * before.
 */
final class DirectRoute implements Filter {
  private final ReferenceApi api;
  private final HandedOver handedOver;
  private final Stores stores;
  private final boolean logRequests;

  /** Null when the journal is off. */
  private final BoundedJournalStore journal;

  DirectRoute(ReferenceApi api, HandedOver handedOver, Stores stores, boolean logRequests) {
    this.api = api;
    this.handedOver = handedOver;
    this.stores = stores;
    this.logRequests = logRequests;
    this.journal =
        stores.getRequestJournalStore() instanceof BoundedJournalStore bounded ? bounded : null;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) request;
    if (!direct(http)) {
      chain.doFilter(request, response);
      return;
    }
    long receivedAt = System.nanoTime();
    byte[] sent = http.getInputStream().readAllBytes();
    ApiCall call = ApiCall.of(http, decoded(http, sent));
    ApiPipeline.Answer answer = api.answer(call);
    if (deliveredByWireMock(answer.fault())) {
      handedOver.hold(call, answer);
      try {
        chain.doFilter(new SentBody(http, sent), response);
      } finally {
        handedOver.clear();
      }
      return;
    }
    api.record(call, answer);
    String requestId = RequestIdStamp.newRequestId();
    DirectServeEvent event = null;
    if (journal != null) {
      // Journaled before the answer goes out, as WireMock does: a client that got its answer finds
      // its request in the journal.
      event = new DirectServeEvent(call, http, answer, requestId, receivedAt);
      journal.addDeferred(event.id(), event);
    }
    send((HttpServletResponse) response, answer, requestId);
    if (event != null) {
      event.sent();
    }
  }

  private boolean direct(HttpServletRequest request) {
    return request instanceof org.eclipse.jetty.server.Request // its header fields, as WireMock's
        && request.getMethod().equals("POST")
        && ReferenceApi.operation("POST", request.getRequestURI()) != Operation.UNMATCHED
        && !formOrMultipart(request.getContentType())
        && !logRequests
        && stores.getStubStore().getAll().findAny().isEmpty()
        && noDelay(stores.getSettingsStore().get());
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

  /** The body as WireMock reads it: gunzipped when it says or looks gzipped. */
  private static byte[] decoded(HttpServletRequest request, byte[] body) {
    String encoding = request.getHeader("Content-Encoding");
    boolean gzipped = (encoding != null && encoding.contains("gzip")) || Gzip.isGzipped(body);
    return gzipped ? Gzip.unGzip(body) : body;
  }

  private static boolean deliveredByWireMock(Fault fault) {
    return fault != null && !(fault instanceof Fault.Error);
  }

  private static void send(
      HttpServletResponse response, ApiPipeline.Answer answer, String requestId)
      throws IOException {
    byte[] body = answer.json().getBytes(StandardCharsets.UTF_8);
    response.setStatus(answer.status());
    DirectServeEvent.responseHeaders(answer, requestId)
        .forEach(header -> response.addHeader(header.key(), header.firstValue()));
    response.setContentLength(body.length);
    response.getOutputStream().write(body);
  }

  /** The request with its body to read again, for WireMock, as it was sent. */
  private static final class SentBody extends HttpServletRequestWrapper {
    private final byte[] body;

    SentBody(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      ByteArrayInputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() {
          return in.read();
        }

        @Override
        public int read(byte[] bytes, int offset, int length) {
          return in.read(bytes, offset, length);
        }

        @Override
        public boolean isFinished() {
          return in.available() == 0;
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("the body is already read");
        }
      };
    }
  }
}
