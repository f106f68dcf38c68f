package dev.revokeearn.cli;

import dev.revokeearn.api.Operation;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.conformance.ConformanceTarget;
import dev.revokeearn.conformance.Login;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

/**
 * Before a run: do the deployment's credentials work at all? A till the deployment refuses would
 * fail every scenario, and read as "does not conform" when the fix is CAP_USERNAME/CAP_PASSWORD.
 * One revoke of an earn instance that cannot exist: anything but 401 and 403 means they work.
 */
final class CredentialsProbe {
  private CredentialsProbe() {}

  /**
   * Why the credentials cannot run the suite; empty when they can (or the probe learnt nothing).
   */
  static Optional<String> problem(ConformanceTarget target, Login till, Duration timeout) {
    String basic =
        "Basic "
            + Base64.getEncoder()
                .encodeToString(
                    (till.user() + ":" + Md5.hex(till.secret())).getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"badgeMetaId\":\""
            + target.data().badgeMetaId()
            + "\",\"customerId\":"
            + target.data().customerId()
            + ",\"earnedBadgeId\":\"000000000000000000000000\"}";
    try {
      // The status is all it needs: the body is not read, so a slow one cannot hold this up.
      HttpResponse<InputStream> answer =
          HttpClient.newBuilder()
              .connectTimeout(Duration.ofSeconds(10))
              .sslContext(target.trust().sslContext())
              .build()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(target.baseUrl() + Operation.REVOKE_EARN.path()))
                      .timeout(timeout)
                      .header("Authorization", basic)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofInputStream());
      answer.body().close();
      if (answer.statusCode() == 401) {
        return Optional.of(
            "the deployment refuses "
                + ConformanceTarget.USERNAME
                + " and "
                + ConformanceTarget.PASSWORD
                + " (401); check them (the password in plain text: the suite sends its MD5)");
      }
      if (answer.statusCode() == 403) {
        return Optional.of(
            ConformanceTarget.USERNAME
                + " "
                + till.user()
                + " has no access to badges (403); the suite needs a till whose access group includes them");
      }
      return Optional.empty();
    } catch (IOException e) {
      return Optional.empty(); // the run itself says what is wrong with the connection
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }
}
