package dev.revokeearn.conformance;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * Whom a run trusts on an {@code https://} target: this Java's own certificate authorities, and
 * those of a PEM file ({@code check --ca-file}), e.g. the mock's self-signed certificate or a
 * company's CA. Given with the target, never set JVM-wide.
 */
public final class Trust {
  private static final Trust SYSTEM = new Trust(null);

  private final KeyStore keyStore;

  private Trust(KeyStore keyStore) {
    this.keyStore = keyStore;
  }

  /** This Java's certificate authorities only. */
  public static Trust system() {
    return SYSTEM;
  }

  /**
   * This Java's certificate authorities and those in a PEM file.
   *
   * @throws IllegalArgumentException when the file does not read or holds no certificate
   */
  public static Trust withCaFile(Path pem) {
    try (InputStream in = Files.newInputStream(pem)) {
      Collection<? extends Certificate> given =
          CertificateFactory.getInstance("X.509").generateCertificates(in);
      if (given.isEmpty()) {
        throw new IllegalArgumentException(pem + " holds no PEM certificate");
      }
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(null, null);
      int n = 0;
      for (X509Certificate authority : systemAuthorities()) {
        store.setCertificateEntry("system-" + n++, authority);
      }
      for (Certificate certificate : given) {
        store.setCertificateEntry("given-" + n++, certificate);
      }
      return new Trust(store);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException(pem + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + pem + ": " + e.getMessage());
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(pem + " is not a PEM certificate: " + e.getMessage());
    }
  }

  /** The trust store to give an HTTP client; empty for this Java's own. */
  public Optional<KeyStore> keyStore() {
    return Optional.ofNullable(keyStore);
  }

  /** A TLS context that trusts these certificates. */
  public SSLContext sslContext() {
    try {
      if (keyStore == null) {
        return SSLContext.getDefault();
      }
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("this Java cannot make a TLS context", e);
    }
  }

  private static X509Certificate[] systemAuthorities() throws GeneralSecurityException {
    TrustManagerFactory system =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    system.init((KeyStore) null);
    for (var manager : system.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509.getAcceptedIssuers();
      }
    }
    return new X509Certificate[0];
  }
}
