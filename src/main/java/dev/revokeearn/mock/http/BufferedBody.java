package dev.revokeearn.mock.http;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.server.Request;

/**
 * The request with its body read already, bounded and decoded ({@link BodyReader}): whoever reads
 * it next (the direct route, WireMock) reads these bytes, as often as it likes. A body that came
 * gzipped is handed on inflated, without its {@code Content-Encoding}, so that nothing inflates it
 * again. When the body was read asynchronously, the request's async context is already started:
 * WireMock's own {@code startAsync()} (for a delayed answer) gets that one.
 */
public final class BufferedBody extends HttpServletRequestWrapper {
  /**
   * The request attribute under which {@link FrontDoor} leaves the body it read for the servlet
   * context, when the direct route has handed the request on to WireMock.
   */
  static final String PASSED_ON = BufferedBody.class.getName() + ".passedOn";

  private final byte[] body;
  private final boolean decoded;
  private final AsyncContext async;
  private volatile boolean asyncTaken;

  /**
   * @param decoded whether the body was inflated here (its Content-Encoding is then hidden)
   * @param async the async context the body was read in; null when it was read at once
   */
  BufferedBody(HttpServletRequest request, byte[] body, boolean decoded, AsyncContext async) {
    super(request);
    this.body = body;
    this.decoded = decoded;
    this.async = async;
  }

  /** The body, decoded. */
  public byte[] body() {
    return body;
  }

  /**
   * Whether the direct route has seen this request already, ahead of the servlet context, and
   * handed it on: it is WireMock's now.
   */
  public boolean passedOn() {
    return getAttribute(PASSED_ON) == this;
  }

  /** Whether the body was inflated at the edge (its Content-Encoding header is gone). */
  public boolean decoded() {
    return decoded;
  }

  /** Whether someone downstream took the async context to answer later. */
  boolean asyncTaken() {
    return asyncTaken;
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
        throw new UnsupportedOperationException("the body is read already");
      }
    };
  }

  @Override
  public BufferedReader getReader() {
    return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
  }

  @Override
  public int getContentLength() {
    return body.length;
  }

  @Override
  public long getContentLengthLong() {
    return body.length;
  }

  @Override
  public String getHeader(String name) {
    return hidden(name) ? null : super.getHeader(name);
  }

  @Override
  public Enumeration<String> getHeaders(String name) {
    return hidden(name) ? Collections.emptyEnumeration() : super.getHeaders(name);
  }

  /**
   * Each header name once, whatever its case, in the order the fields came, as WireMock reads
   * Jetty's own request (it reads a wrapped one name by name).
   */
  @Override
  public Enumeration<String> getHeaderNames() {
    Map<String, String> names = new LinkedHashMap<>();
    for (HttpField field : Request.getBaseRequest(this).getHttpFields()) {
      if (!hidden(field.getName())) {
        names.putIfAbsent(field.getName().toLowerCase(Locale.ROOT), field.getName());
      }
    }
    return Collections.enumeration(names.values());
  }

  private boolean hidden(String name) {
    return decoded && "Content-Encoding".equalsIgnoreCase(name);
  }

  @Override
  public AsyncContext startAsync() {
    if (async == null) {
      return super.startAsync();
    }
    asyncTaken = true;
    return async;
  }

  @Override
  public AsyncContext startAsync(ServletRequest request, ServletResponse response) {
    if (async == null) {
      return super.startAsync(request, response);
    }
    asyncTaken = true;
    return async;
  }

  @Override
  public boolean isAsyncStarted() {
    return async != null || super.isAsyncStarted();
  }
}
