package dev.revokeearn.mock.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.http.ImmutableRequest;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import org.junit.jupiter.api.Test;

/** Who the admin door lets in, judged by the connection's peer and the token. */
class AdminGuardTest {
  @Test
  void byDefaultOnlyLoopbackClientsMayUseTheAdminApi() {
    AdminGuard guard = new AdminGuard(false, null);
    assertThat(guard.allowsPeer("127.0.0.1")).isTrue();
    assertThat(guard.allowsPeer("::1")).isTrue();
    assertThat(guard.allowsPeer("10.1.2.3")).isFalse();
    assertThat(guard.allowsPeer("192.168.0.7")).isFalse();
    assertThat(guard.allowsPeer("not-an-address.example")).isFalse();
    assertThat(guard.allowsPeer(null)).isFalse();
    assertThat(new AdminGuard(true, null).allowsPeer("10.1.2.3")).isTrue();
    assertThat(new AdminGuard(true, "t").authenticate(request("10.1.2.3"))).isFalse();
  }

  private static ImmutableRequest request(String clientIp) {
    return ImmutableRequest.create()
        .withAbsoluteUrl("http://localhost/__admin/revoke-earn/state")
        .withMethod(RequestMethod.GET)
        .withClientIp(clientIp)
        .build();
  }
}
