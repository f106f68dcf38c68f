package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.DOC_REVOKE;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.revokeearn.conformance.Trust;
import dev.revokeearn.testing.Credentials;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS with real TLS clients: Java's HttpClient and curl, trusting the mock's certificate. */
class HttpsTest {
  @TempDir Path dir;

  @Test
  void aSelfSignedCertificateServesTheRevokePairToAClientThatTrustsIt() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).httpsPort(0).build().start()) {
      Path pem =
          Files.writeString(dir.resolve("mock.pem"), mock.httpsCertificatePem().orElseThrow());
      HttpClient client =
          HttpClient.newBuilder().sslContext(Trust.withCaFile(pem).sslContext()).build();

      assertThat(revoke(client, mock.httpsBaseUrl()).statusCode()).isEqualTo(200);
      HttpResponse<String> again = revoke(client, mock.httpsBaseUrl());
      assertThat(again.statusCode()).isEqualTo(409);
      assertThat(again.body()).contains("\"code\":814");
      assertThat(again.headers().firstValue("X-CAP-REQUEST-ID")).isPresent();
      // Plain HTTP still serves beside it, the same state.
      assertThat(revoke(HttpClient.newHttpClient(), mock.baseUrl()).statusCode()).isEqualTo(409);
    }
  }

  @Test
  void curlWithTheCertificateAsItsCaGetsTheAnswer() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).httpsPort(0).build().start()) {
      Path pem =
          Files.writeString(dir.resolve("mock.pem"), mock.httpsCertificatePem().orElseThrow());
      Process curl =
          new ProcessBuilder(
                  "curl",
                  "-s",
                  "-o",
                  "/dev/null",
                  "-w",
                  "%{http_code}",
                  "--cacert",
                  pem.toString(),
                  "-X",
                  "POST",
                  mock.httpsBaseUrl() + REVOKE,
                  "-H",
                  "Authorization: " + Credentials.demo(),
                  "-H",
                  "Content-Type: application/json",
                  "-d",
                  DOC_REVOKE)
              .redirectErrorStream(true)
              .start();
      String status = new String(curl.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(curl.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(status).isEqualTo("200");
    }
  }

  @Test
  void aClientThatDoesNotTrustItIsRefusedAtTheHandshake() throws Exception {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).httpsPort(0).build().start()) {
      assertThatThrownBy(() -> revoke(HttpClient.newHttpClient(), mock.httpsBaseUrl()))
          .isInstanceOf(SSLHandshakeException.class);
    }
  }

  @Test
  void httpsOnlyServesNoPlainPort() throws Exception {
    try (RevokeEarnMock mock =
        RevokeEarnMock.builder().httpsPort(0).httpDisabled(true).build().start()) {
      assertThat(mock.baseUrl()).startsWith("https://127.0.0.1:");
      Path pem =
          Files.writeString(dir.resolve("mock.pem"), mock.httpsCertificatePem().orElseThrow());
      HttpClient client =
          HttpClient.newBuilder().sslContext(Trust.withCaFile(pem).sslContext()).build();
      assertThat(revoke(client, mock.baseUrl()).statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aKeystoreOfTheUsersServesItsOwnCertificate() throws Exception {
    Path keystore = dir.resolve("own.p12");
    String pem;
    try (var made = dev.revokeearn.mock.tls.HttpsKeys.selfSigned(List.of("mock.internal"))) {
      Files.copy(made.keystore(), keystore);
      pem = made.certificatePem();
      try (RevokeEarnMock mock =
          RevokeEarnMock.builder()
              .port(0)
              .httpsPort(0)
              .httpsKeystore(keystore, made.password())
              .build()
              .start()) {
        assertThat(mock.httpsCertificatePem()).contains(pem);
        Path trusted = Files.writeString(dir.resolve("own.pem"), pem);
        HttpClient client =
            HttpClient.newBuilder().sslContext(Trust.withCaFile(trusted).sslContext()).build();
        assertThat(revoke(client, mock.httpsBaseUrl()).statusCode()).isEqualTo(200);
      }
    }
  }

  @Test
  void aKeystoreWithTheWrongPasswordIsRefusedSayingSo() throws Exception {
    Path keystore = dir.resolve("own.p12");
    try (var made = dev.revokeearn.mock.tls.HttpsKeys.selfSigned(List.of())) {
      Files.copy(made.keystore(), keystore);
    }
    assertThatThrownBy(
            () -> RevokeEarnMock.builder().httpsPort(0).httpsKeystore(keystore, "wrong").build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(keystore.toString())
        .hasMessageContaining("password");
  }

  @Test
  void aHostNameThatIsNoneIsRefused() {
    assertThatThrownBy(
            () -> RevokeEarnMock.builder().httpsPort(0).httpsHostNames(List.of("a,b=c")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("--https-host a,b=c");
  }

  private static HttpResponse<String> revoke(HttpClient client, String baseUrl) throws Exception {
    return client.send(
        HttpRequest.newBuilder(URI.create(baseUrl + REVOKE))
            .header("Authorization", Credentials.demo())
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(DOC_REVOKE))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
