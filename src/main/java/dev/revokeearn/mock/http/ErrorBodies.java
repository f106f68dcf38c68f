package dev.revokeearn.mock.http;

import dev.revokeearn.service.ApiProblem;
import dev.revokeearn.service.Envelopes;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;

/**
 * WireMock answers some admin errors (an unknown stub id, missing admin credentials) with a bare
 * status. This gives such an answer a body: the problem named in Capillary's envelope. (Only on the
 * admin API: on the API, a bare error status is a user's stub, and goes out as the stub says.)
 */
final class ErrorBodies extends HttpServletResponseWrapper {
  private final String target;
  private int status = 200;
  private long written;
  private ServletOutputStream stream;

  ErrorBodies(HttpServletResponse response, String target) {
    super(response);
    this.target = target;
  }

  @Override
  public void setStatus(int status) {
    this.status = status;
    super.setStatus(status);
  }

  @Override
  public ServletOutputStream getOutputStream() throws IOException {
    if (stream == null) {
      ServletOutputStream out = super.getOutputStream();
      stream =
          new ServletOutputStream() {
            @Override
            public void write(int b) throws IOException {
              written++;
              out.write(b);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
              written += length;
              out.write(bytes, offset, length);
            }

            @Override
            public void flush() throws IOException {
              fillIfEmpty(out);
              out.flush();
            }

            @Override
            public void close() throws IOException {
              fillIfEmpty(out);
              out.close();
            }

            @Override
            public boolean isReady() {
              return out.isReady();
            }

            @Override
            public void setWriteListener(WriteListener listener) {
              out.setWriteListener(listener);
            }
          };
    }
    return stream;
  }

  private void fillIfEmpty(ServletOutputStream out) throws IOException {
    if (written == 0 && status >= 400 && !isCommitted()) {
      byte[] body =
          Envelopes.bytes(new ApiProblem(status, status, target + ": " + reason(status), null));
      setContentType("application/json");
      setContentLength(body.length);
      written = body.length;
      out.write(body);
    }
  }

  private static String reason(int status) {
    return switch (status) {
      case 401 -> "the admin API needs credentials (Authorization: Bearer <admin token>)";
      case 403 -> "not allowed";
      case 404 -> "nothing found";
      case 405 -> "method not allowed";
      default -> "HTTP " + status;
    };
  }
}
