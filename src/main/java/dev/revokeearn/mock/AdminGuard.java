package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.security.Authenticator;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Who may use {@code /__admin}: by default only clients on this machine (loopback), whatever
 * address the mock listens on; with a token, only requests sending {@code Authorization: Bearer
 * <token>} (the scheme in any case, as HTTP has it), but for {@code GET /__admin/health}, which a
 * readiness probe calls without one and which tells nothing of the state. WireMock answers 401 to
 * the others.
 */
final class AdminGuard implements Authenticator {
  private final boolean allowRemote;
  private final byte[] token;

  /**
   * @param allowRemote whether clients on other machines may use the admin API
   * @param token the bearer token the admin API requires, or null for none
   */
  AdminGuard(boolean allowRemote, String token) {
    this.allowRemote = allowRemote;
    this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean authenticate(Request request) {
    if (!allowRemote && !isLoopback(request.getClientIp())) {
      return false;
    }
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
    String path = ValidatorRequest.path(request.getUrl());
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
