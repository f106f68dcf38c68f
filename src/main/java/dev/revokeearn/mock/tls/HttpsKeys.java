package dev.revokeearn.mock.tls;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The key and certificate the HTTPS port serves: a keystore the user gives, or, without one, a
 * self-signed certificate made at start by the JDK's own {@code keytool} (the JDK has no public API
 * that makes certificates), for {@code localhost}, {@code 127.0.0.1}, {@code ::1} and the host
 * names given. Either way {@link #certificatePem()} is what a client trusts.
 */
public final class HttpsKeys implements AutoCloseable {
  private static final Pattern HOST_NAME = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]{0,252})");
  private static final String ALIAS = "revoke-earn";

  private final Path keystore;
  private final String password;
  private final String type;
  private final String certificatePem;

  /** The directory of a keystore made here, removed on close; null for the user's own. */
  private final Path made;

  private HttpsKeys(Path keystore, String password, Path made) {
    this.keystore = keystore;
    this.password = password;
    this.made = made;
    try {
      KeyStore store = KeyStore.getInstance(keystore.toFile(), password.toCharArray());
      this.type = store.getType();
      String alias =
          Collections.list(store.aliases()).stream()
              .filter(name -> isKey(store, name))
              .findFirst()
              .orElseThrow(
                  () -> new IllegalArgumentException(keystore + " holds no private key to serve"));
      try {
        store.getKey(alias, password.toCharArray());
      } catch (java.security.UnrecoverableKeyException e) {
        throw new IllegalArgumentException(
            "the key in "
                + keystore
                + " has a password other than the keystore's; HTTPS takes a keystore whose key"
                + " password is its own (keytool -keypasswd changes it)");
      }
      this.certificatePem = pem(store.getCertificate(alias));
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "cannot read "
              + keystore
              + " as a keystore (PKCS12 or JKS) with that password: "
              + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("cannot read " + keystore + ": " + e.getMessage());
    }
  }

  /**
   * The user's keystore (PKCS12 or JKS), whose key password is the store's.
   *
   * @throws IllegalArgumentException when it does not read with that password, or holds no key
   */
  public static HttpsKeys of(Path keystore, String password) {
    if (!Files.isReadable(keystore)) {
      throw new IllegalArgumentException(keystore + " is not a readable file");
    }
    return new HttpsKeys(keystore, password == null ? "" : password, null);
  }

  /**
   * A fresh key and self-signed certificate, valid for two years.
   *
   * @param hostNames names or addresses clients reach the mock by, beyond this machine's own
   * @throws IllegalArgumentException for a name that is neither a host name nor an IP address
   */
  public static HttpsKeys selfSigned(List<String> hostNames) {
    List<String> names = new ArrayList<>(List.of("dns:localhost", "ip:127.0.0.1", "ip:::1"));
    for (String name : hostNames) {
      names.add(subjectAlternativeName(name));
    }
    try {
      Path dir =
          Files.createTempDirectory(
              "revoke-earn-tls-",
              PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Path keystore = dir.resolve("keystore.p12");
      byte[] random = new byte[16];
      new SecureRandom().nextBytes(random);
      String password = HexFormat.of().formatHex(random);
      keytool(keystore, password, String.join(",", names));
      return new HttpsKeys(keystore, password, dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot make a certificate for HTTPS", e);
    }
  }

  public Path keystore() {
    return keystore;
  }

  public String password() {
    return password;
  }

  /** {@code PKCS12} or {@code JKS}. */
  public String type() {
    return type;
  }

  /** The served certificate, PEM-encoded: what a client trusts. */
  public String certificatePem() {
    return certificatePem;
  }

  @Override
  public void close() {
    if (made == null) {
      return;
    }
    try (var files = Files.list(made)) {
      for (Path file : files.toList()) {
        Files.deleteIfExists(file);
      }
      Files.deleteIfExists(made);
    } catch (IOException e) {
      // A temporary directory left behind holds a throwaway key: nothing to report.
    }
  }

  private static String subjectAlternativeName(String name) {
    if (name.matches("[0-9a-fA-F:.]+") && (name.contains(":") || name.matches("[0-9.]+"))) {
      try {
        return "ip:" + InetAddress.getByName(name).getHostAddress();
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("--https-host " + name + " is not an IP address");
      }
    }
    String host = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    if (!HOST_NAME.matcher(host).matches() || host.endsWith(".") || host.contains("..")) {
      throw new IllegalArgumentException(
          "--https-host "
              + name
              + " is neither a host name (letters, digits, dots and hyphens) nor an IP address");
    }
    return "dns:" + host;
  }

  private static void keytool(Path keystore, String password, String names) throws IOException {
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    ProcessBuilder builder =
        new ProcessBuilder(
                keytool.toString(),
                "-genkeypair",
                "-noprompt",
                "-alias",
                ALIAS,
                "-keyalg",
                "EC",
                "-groupname",
                "secp256r1",
                "-dname",
                "CN=revoke-earn mock",
                "-ext",
                "SAN=" + names,
                "-validity",
                "730",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                // From the environment, so the password never shows in ps.
                "-storepass:env",
                "REVOKE_EARN_KEYTOOL_PASSWORD")
            .redirectErrorStream(true);
    builder.environment().put("REVOKE_EARN_KEYTOOL_PASSWORD", password);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
        process.destroyForcibly();
        throw new IllegalStateException(
            "keytool could not make a certificate for HTTPS: " + output.strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while keytool made a certificate", e);
    }
  }

  private static boolean isKey(KeyStore store, String alias) {
    try {
      return store.isKeyEntry(alias);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String pem(Certificate certificate) throws GeneralSecurityException {
    return "-----BEGIN CERTIFICATE-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(certificate.getEncoded())
        + "\n-----END CERTIFICATE-----\n";
  }
}
