package dev.revokeearn.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A deployment that answers every request with a status line and headers at once, then sends the
 * body one byte at a time, slower than any client waits: no per-read timeout ever fires.
 */
public final class TricklingServer implements AutoCloseable {
  private final ServerSocket server;

  public TricklingServer() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accept = new Thread(this::acceptAll, "trickling-server");
    accept.setDaemon(true);
    accept.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getLocalPort();
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  private void acceptAll() {
    while (!server.isClosed()) {
      try {
        Socket socket = server.accept();
        Thread trickle = new Thread(() -> trickle(socket), "trickle");
        trickle.setDaemon(true);
        trickle.start();
      } catch (IOException e) {
        return;
      }
    }
  }

  private static void trickle(Socket socket) {
    try (socket) {
      InputStream in = socket.getInputStream();
      int matched = 0;
      while (matched < 4) {
        int b = in.read();
        if (b < 0) {
          return;
        }
        matched = (b == "\r\n\r\n".charAt(matched)) ? matched + 1 : (b == '\r' ? 1 : 0);
      }
      OutputStream out = socket.getOutputStream();
      out.write(
          "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      for (int i = 0; i < 999; i++) {
        Thread.sleep(400);
        out.write(' ');
        out.flush();
      }
    } catch (IOException e) {
      // the client gave up: as it should
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
