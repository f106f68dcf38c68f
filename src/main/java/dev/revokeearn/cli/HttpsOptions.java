package dev.revokeearn.cli;

import dev.revokeearn.mock.RevokeEarnMock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Option;

/** The standalone mock's HTTPS flags, and what they make of the mock's builder. */
final class HttpsOptions {
  /** Where the keystore's password comes from: never a flag, so it stays out of ps. */
  static final String PASSWORD_VARIABLE = "REVOKE_EARN_KEYSTORE_PASSWORD";

  @Option(
      names = "--https-port",
      paramLabel = "PORT",
      description =
          "Serve HTTPS too, on PORT (0 picks a free one, printed). Without --https-keystore the"
              + " certificate is self-signed, made at start for localhost, 127.0.0.1, ::1 and"
              + " each --https-host; --https-cert-out writes it for clients to trust. Default:"
              + " REVOKE_EARN_HTTPS_PORT, else no HTTPS.")
  Integer port;

  @Option(
      names = "--https-keystore",
      paramLabel = "FILE",
      description =
          "The key and certificate HTTPS serves: a PKCS12 or JKS keystore, its password in the "
              + PASSWORD_VARIABLE
              + " environment variable.")
  Path keystore;

  @Option(
      names = "--https-host",
      paramLabel = "NAME",
      description =
          "A host name or address clients reach the mock by (a container's service name), which"
              + " the self-signed certificate then covers too; repeatable.")
  List<String> hosts = new ArrayList<>();

  @Option(
      names = "--https-cert-out",
      paramLabel = "FILE",
      description =
          "Write the certificate HTTPS serves (PEM) to FILE once the mock serves: what a client"
              + " trusts (curl --cacert FILE). Default: REVOKE_EARN_HTTPS_CERT_OUT.")
  Path certificateOut;

  @Option(names = "--https-only", description = "Serve HTTPS only, no plain HTTP port.")
  boolean only;

  /** Sets the builder's HTTPS settings from these flags. */
  void applyTo(RevokeEarnMock.Builder builder, Map<String, String> env) {
    if (port != null) {
      builder.httpsPort(port);
    }
    if (keystore != null) {
      if (!env.containsKey(PASSWORD_VARIABLE)) {
        throw new IllegalArgumentException(
            "--https-keystore "
                + keystore
                + ": its password goes in the environment variable "
                + PASSWORD_VARIABLE
                + ", which is not set");
      }
      builder.httpsKeystore(keystore, env.get(PASSWORD_VARIABLE));
    }
    builder.httpsHostNames(hosts).httpDisabled(only);
    if (port == null && certificateOut != null) {
      throw new IllegalArgumentException("--https-cert-out goes with --https-port");
    }
  }

  /** Writes the certificate where --https-cert-out says, if it says. */
  void writeCertificate(RevokeEarnMock mock) throws IOException {
    if (certificateOut != null && mock.httpsCertificatePem().isPresent()) {
      ReadyFile.whole(certificateOut, mock.httpsCertificatePem().get());
    }
  }

  /** Takes the certificate back when the mock could not start after all: it serves nothing. */
  void removeCertificate() {
    if (certificateOut != null) {
      try {
        Files.deleteIfExists(certificateOut);
      } catch (IOException e) {
        // Nothing more can be done: the start failure is what the user is told about.
      }
    }
  }

  /** The banner's line on HTTPS; null without it. */
  String bannerLine(RevokeEarnMock mock) {
    if (port == null) {
      return null;
    }
    String trust =
        certificateOut != null
            ? "clients trust " + certificateOut
            : keystore != null
                ? "the certificate of " + keystore
                : "self-signed: --https-cert-out FILE writes it";
    return (only ? "HTTPS only" : "HTTPS at " + mock.httpsBaseUrl()) + " (" + trust + ")";
  }
}
