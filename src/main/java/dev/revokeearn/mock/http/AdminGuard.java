package dev.revokeearn.mock.http;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use {@code /__admin}: by default only clients on this machine (loopback), whatever
 * address the mock listens on, and no web page; with a token, only requests sending {@code
 * Authorization: Bearer <token>} (the scheme in any case, as HTTP has it), but for {@code GET
 * /__admin/health}, which a readiness probe calls without one and which tells nothing of the state.
 * WireMock answers 401 to those without the token; {@link AdminDoor} answers 403 to the others,
 * judging the connection's own peer (WireMock's client IP is whatever X-Forwarded-For says).
 */
public final class AdminGuard implements Authenticator {
  private final boolean allowRemote;
  private final byte[] token;

  /**
   * @param allowRemote whether clients on other machines may use the admin API
   * @param token the bearer token the admin API requires, or null for none
   */
  public AdminGuard(boolean allowRemote, String token) {
    this.allowRemote = allowRemote;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  /** Whether a client at this address (the connection's peer) may use the admin API. */
  boolean allowsPeer(String remoteAddress) {
    return allowRemote || isLoopback(remoteAddress);
  }

  /**
   * Whether a request a browser marked with this {@code Origin} may use the admin API: only with a
   * token, which a page cannot know. Without one, any page open in a browser on this machine could
   * reset the mock or remove orgs (a form POST needs no CORS permission).
   */
  boolean allowsOrigin(String origin) {
    return origin == null || token != null;
  }

  @Override
  public boolean authenticate(Request request) {
    if (token == null || isHealth(request)) {
      return true;
    }
    String sent = request.getHeader("Authorization");
    if (sent == null) {
      return false;
    }
    String[] parts = sent.strip().split("\\s+", 2);
    return parts.length == 2
        && parts[0].equalsIgnoreCase("Bearer")
        && MessageDigest.isEqual(token, parts[1].getBytes(StandardCharsets.UTF_8));
  }

  private static boolean isHealth(Request request) {
    String path = request.getUrl().split("\\?", 2)[0];
    return request.getMethod().getName().equals("GET")
        && (path.equals("/__admin/health") || path.equals("/health"));
  }

  private static boolean isLoopback(String clientIp) {
    if (clientIp == null) {
      return false;
    }
    try {
      // A literal address: no lookup happens.
      return InetAddress.getByName(clientIp).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
