package dev.revokeearn.mock.http;

import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.CapillaryErrors;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;

/**
 * Reads a request's body before anything else sees it, bounded by bytes and by time, whoever the
 * client is: at most {@code maxBytes} (and one more, to know it is over) are ever read or inflated,
 * whatever Content-Length, chunking or Content-Encoding say; over that, 413 at once and the
 * connection closed. A body that has not arrived whole is read without holding a thread (a client
 * trickling bytes costs a connection, not one of the server's threads), and one that is not whole
 * within {@code deadline} gets 408. Then the rest of the request's handling runs, with the body in
 * memory ({@link BufferedBody}).
 */
final class BodyReader {
  /** What runs once the body is in. */
  interface Next {
    void handle(BufferedBody request) throws IOException, ServletException;
  }

  private static final byte[] NONE = new byte[0];

  private final int maxBytes;
  private final Duration deadline;
  private final ScheduledExecutorService timer;

  BodyReader(int maxBytes, Duration deadline, ScheduledExecutorService timer) {
    this.maxBytes = maxBytes;
    this.deadline = deadline;
    this.timer = timer;
  }

  /**
   * Whether the request's body, if any, has come whole with its headers: then {@link #read} hands
   * it on at once, on this thread, without an async context (which needs a servlet context).
   */
  static boolean whole(HttpServletRequest request) throws IOException {
    long length = request.getContentLengthLong();
    if (length <= 0) {
      return !chunked(request);
    }
    return request.getInputStream().available() >= length;
  }

  void read(HttpServletRequest request, HttpServletResponse response, Next next)
      throws IOException, ServletException {
    if (request.getAttribute(BufferedBody.PASSED_ON) instanceof BufferedBody read) {
      next.handle(read); // read already, before the servlet context: see FrontDoor
      return;
    }
    long length = request.getContentLengthLong();
    if (length <= 0 && !chunked(request)) {
      next.handle(new BufferedBody(request, NONE, false, null));
      return;
    }
    if (length > maxBytes) {
      EnvelopeResponses.closing(response, CapillaryErrors.payloadTooLarge(maxBytes));
      return;
    }
    ServletInputStream in = request.getInputStream();
    if (length > 0 && in.available() >= length) {
      // The usual case: the whole body came with the headers; reading it does not wait.
      proceed(request, response, in.readNBytes((int) length), null, next);
      return;
    }
    AsyncContext async = request.startAsync(request, response);
    async.setTimeout(0); // the deadline below bounds the body; a delayed answer may take longer
    Reading reading = new Reading(request, response, in, async, next);
    reading.expiry = timer.schedule(reading::expired, deadline.toMillis(), TimeUnit.MILLISECONDS);
    in.setReadListener(reading);
  }

  private static boolean chunked(HttpServletRequest request) {
    String transfer = request.getHeader("Transfer-Encoding");
    return transfer != null && transfer.toLowerCase(Locale.ROOT).contains("chunked");
  }

  /** Decodes the body and hands the request on; a problem with the body is answered here. */
  private void proceed(
      HttpServletRequest request,
      HttpServletResponse response,
      byte[] raw,
      AsyncContext async,
      Next next)
      throws IOException, ServletException {
    byte[] body;
    boolean decoded;
    try {
      String encoding = request.getHeader("Content-Encoding");
      decoded =
          (encoding != null && encoding.toLowerCase(Locale.ROOT).contains("gzip")) || gzipped(raw);
      body = decoded ? inflated(raw) : raw;
    } catch (ApiProblem problem) {
      EnvelopeResponses.closing(response, problem);
      return;
    }
    next.handle(new BufferedBody(request, body, decoded, async));
  }

  /**
   * Inflated, again while it still looks gzipped (WireMock would inflate what looks so), never past
   * {@code maxBytes}.
   */
  private byte[] inflated(byte[] raw) {
    byte[] body = raw;
    for (int round = 0; round == 0 || gzipped(body); round++) {
      if (round == 4) {
        throw CapillaryErrors.badRequest(null, "The body is gzip data inside gzip, four deep");
      }
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
        body = in.readNBytes(maxBytes + 1);
      } catch (IOException e) {
        throw CapillaryErrors.badRequest(
            "Content-Encoding", "The body is not valid gzip data, though it says or looks gzip");
      }
      if (body.length > maxBytes) {
        throw CapillaryErrors.payloadTooLarge(maxBytes);
      }
    }
    return body;
  }

  private static boolean gzipped(byte[] body) {
    return body.length >= 2 && body[0] == (byte) 0x1f && body[1] == (byte) 0x8b;
  }

  /**
   * The request as it is while the filter runs. Once its body has been read asynchronously, the
   * request is handed on from a callback, outside the context's scope, where Jetty answers no
   * context path: WireMock would then see {@code /__admin/__admin/...}.
   */
  private static HttpServletRequest inScope(HttpServletRequest request) {
    String contextPath = request.getContextPath();
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return new jakarta.servlet.http.HttpServletRequestWrapper(request) {
      @Override
      public String getContextPath() {
        return contextPath;
      }

      @Override
      public String getServletPath() {
        return servletPath;
      }

      @Override
      public String getPathInfo() {
        return pathInfo;
      }
    };
  }

  /** A body read as its bytes come, on whichever of the server's threads they come on. */
  private final class Reading implements ReadListener {
    private final HttpServletRequest request;
    private final HttpServletResponse response;
    private final ServletInputStream in;
    private final AsyncContext async;
    private final Next next;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private final byte[] chunk = new byte[8192];

    /** Set once: by the body's end, its excess, its failure, or the deadline. */
    private final AtomicBoolean settled = new AtomicBoolean();

    private ScheduledFuture<?> expiry;

    Reading(
        HttpServletRequest request,
        HttpServletResponse response,
        ServletInputStream in,
        AsyncContext async,
        Next next) {
      this.request = inScope(request);
      this.response = response;
      this.in = in;
      this.async = async;
      this.next = next;
    }

    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady() && !in.isFinished()) {
        int read = in.read(chunk);
        if (read < 0) {
          return;
        }
        if (settled.get()) {
          continue; // answered already: what still comes is dropped
        }
        body.write(chunk, 0, read);
        if (body.size() > maxBytes && settle()) {
          answer(CapillaryErrors.payloadTooLarge(maxBytes));
        }
      }
    }

    @Override
    public void onAllDataRead() throws IOException {
      if (!settle()) {
        return;
      }
      BufferedBody[] handedOn = new BufferedBody[1];
      try {
        proceed(
            request,
            response,
            body.toByteArray(),
            async,
            withBody -> {
              handedOn[0] = withBody;
              next.handle(withBody);
            });
      } catch (ServletException e) {
        throw new IOException(e);
      } finally {
        if (handedOn[0] == null || !handedOn[0].asyncTaken()) {
          async.complete();
        }
      }
    }

    @Override
    public void onError(Throwable failure) {
      if (settle()) {
        // The client went away, or sent what is no HTTP body (Jetty said why).
        answer(
            CapillaryErrors.badRequest(
                null, "The request body could not be read: " + failure.getMessage()));
      }
    }

    void expired() {
      if (settle()) {
        answer(
            new ApiProblem(
                408,
                408,
                "The request body did not arrive within "
                    + deadline.toSeconds()
                    + " s: send it whole, at once",
                null));
      }
    }

    private boolean settle() {
      boolean first = settled.compareAndSet(false, true);
      if (first && expiry != null) {
        expiry.cancel(false);
      }
      return first;
    }

    private void answer(ApiProblem problem) {
      try {
        EnvelopeResponses.closing(response, problem);
      } catch (IOException | RuntimeException e) {
        // the client is gone: nothing to answer
      } finally {
        async.complete();
      }
    }
  }
}
