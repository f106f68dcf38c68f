package dev.revokeearn.conformance;

import java.util.Map;
import java.util.Optional;

/**
 * What a conformance run checks, given explicitly to the runner: the base URL, the credentials to
 * use there, the test data, and, for the embedded mock only, the controls that mock-only scenarios
 * need.
 *
 * <pre>{@code
 * ConformanceTarget target =
 *     ConformanceTarget.live("https://eu.api.capillarytech.com", System.getenv(), TestData.defaultData());
 * }</pre>
 *
 * @param basic a till's username and plain password (the suite sends its MD5)
 * @param oauth an OAuth client's key and secret; without it the OAuth scenarios are skipped
 * @param trust whom to trust on an https:// base URL
 */
public record ConformanceTarget(
    String baseUrl,
    Optional<Login> basic,
    Optional<Login> oauth,
    TestData data,
    Optional<MockControls> mock,
    Trust trust) {

  public static final String USERNAME = "CAP_USERNAME";
  public static final String PASSWORD = "CAP_PASSWORD";
  public static final String OAUTH_KEY = "CAP_OAUTH_KEY";
  public static final String OAUTH_SECRET = "CAP_OAUTH_SECRET";

  public ConformanceTarget {
    baseUrl = baseUrl.strip().replaceAll("/+$", "");
  }

  /** A deployment: credentials from the environment's CAP_* variables. */
  public static ConformanceTarget live(String baseUrl, Map<String, String> env, TestData data) {
    return new ConformanceTarget(
        baseUrl,
        login(env, USERNAME, PASSWORD),
        login(env, OAUTH_KEY, OAUTH_SECRET),
        data,
        Optional.empty(),
        Trust.system());
  }

  /** This target, trusting these certificates on https://. */
  public ConformanceTarget trusting(Trust trust) {
    return new ConformanceTarget(baseUrl, basic, oauth, data, mock, trust);
  }

  /**
   * Whether this is a deployment (mock-only scenarios are skipped) rather than the embedded mock.
   */
  public boolean live() {
    return mock.isEmpty();
  }

  private static Optional<Login> login(Map<String, String> env, String userVar, String secretVar) {
    String user = env.get(userVar);
    String secret = env.get(secretVar);
    return user == null || user.isBlank() || secret == null
        ? Optional.empty()
        : Optional.of(new Login(user, secret));
  }
}
