package dev.revokeearn.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Sends whatever bytes a test wants, as an HTTP/1.1 request on a socket of its own, and reads the
 * answer: what java.net.http refuses to send (a {@code |} in a query, a space in a path, odd
 * methods, duplicated headers) is what a server must survive. A server that answers nothing within
 * the timeout fails the test instead of hanging it.
 */
public final class RawHttp {
  /** An answer as it came: status, headers (names in lower case, last value wins), body. */
  public record Answer(int status, Map<String, String> headers, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }

    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  private final String host;
  private final int port;

  public RawHttp(String host, int port) {
    this.host = host;
    this.port = port;
  }

  /** Sends the request bytes as they are (they should ask for {@code Connection: close}). */
  public Answer send(byte[] request) throws IOException {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(host, port), 5_000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write(request);
      socket.getOutputStream().flush();
      try {
        socket.shutdownOutput();
      } catch (IOException e) {
        // the server may have closed already after a malformed request; read what it said
      }
      return read(socket.getInputStream());
    } catch (SocketTimeoutException e) {
      throw new AssertionError("no answer within 10 s", e);
    }
  }

  /** A request with the given pieces; {@code Connection: close} and Content-Length added. */
  public static byte[] request(
      String method, String target, Map<String, String> headers, byte[] body) {
    StringBuilder head = new StringBuilder();
    head.append(method).append(' ').append(target).append(" HTTP/1.1\r\n");
    head.append("Host: 127.0.0.1\r\n");
    headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
    head.append("Connection: close\r\n");
    head.append("Content-Length: ").append(body.length).append("\r\n\r\n");
    byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[start.length + body.length];
    System.arraycopy(start, 0, all, 0, start.length);
    System.arraycopy(body, 0, all, start.length, body.length);
    return all;
  }

  /** Reads one answer, to the end of the connection. */
  public static Answer read(InputStream in) throws IOException {
    byte[] all = in.readAllBytes();
    int end = indexOf(all, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
    if (end < 0) {
      throw new AssertionError(
          "not an HTTP answer ("
              + all.length
              + " bytes): "
              + new String(all, StandardCharsets.UTF_8));
    }
    String[] lines = new String(all, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
    String[] statusLine = lines[0].split(" ", 3);
    int status = Integer.parseInt(statusLine[1]);
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(
            lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
            lines[i].substring(colon + 1).trim());
      }
    }
    byte[] rest = java.util.Arrays.copyOfRange(all, end + 4, all.length);
    byte[] body =
        "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? dechunk(rest) : rest;
    return new Answer(status, headers, body);
  }

  private static byte[] dechunk(byte[] chunked) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int at = 0;
    while (at < chunked.length) {
      int lineEnd = indexOf(chunked, "\r\n".getBytes(StandardCharsets.US_ASCII), at);
      if (lineEnd < 0) {
        break;
      }
      String size =
          new String(chunked, at, lineEnd - at, StandardCharsets.US_ASCII).split(";")[0].trim();
      int length = Integer.parseInt(size, 16);
      if (length == 0) {
        break;
      }
      body.write(chunked, lineEnd + 2, Math.min(length, chunked.length - lineEnd - 2));
      at = lineEnd + 2 + length + 2;
    }
    return body.toByteArray();
  }

  private static int indexOf(byte[] data, byte[] pattern) {
    return indexOf(data, pattern, 0);
  }

  private static int indexOf(byte[] data, byte[] pattern, int from) {
    outer:
    for (int i = from; i <= data.length - pattern.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
