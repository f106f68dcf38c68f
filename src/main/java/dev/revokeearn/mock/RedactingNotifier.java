package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of the logs: WireMock's verbose request logging prints headers, URLs and
 * bodies, so Authorization, OAuth token and cookie headers, query parameters named like a secret
 * (token, password, secret, key), and password, secret and accessToken values (JSON or YAML) are
 * replaced before a message reaches the real notifier.
 */
final class RedactingNotifier implements Notifier {
  private static final String REDACTED = "[redacted]";
  private static final Pattern HEADERS =
      Pattern.compile(
          "(?im)^(\\s*(?:Authorization|X-CAP-API-OAUTH-TOKEN|Proxy-Authorization|Cookie|Set-Cookie)"
              + "\\s*:\\s*).*$");

  /** access_token=..., password=..., apiKey=... in a URL's query. */
  private static final Pattern QUERY_SECRETS =
      Pattern.compile(
          // The name is looked at once from each ? or &: a long hostile query costs linear time.
          "(?i)([?&](?=[^=&\\s#]*(?:token|password|secret|key))[^=&\\s#]*+=)[^&\\s#\"]*+");

  private static final Pattern JSON_SECRETS =
      Pattern.compile("(?i)(\"(?:password|secret|accessToken)\"\\s*:\\s*)\"(?:[^\"\\\\]|\\\\.)*\"");

  /** The same inside a JSON string, as WireMock logs a response definition's body. */
  private static final Pattern ESCAPED_JSON_SECRETS =
      Pattern.compile("(?i)(\\\\\"(?:password|secret|accessToken)\\\\\"\\s*:\\s*\\\\\")[^\"\\\\]*");

  private static final Pattern YAML_SECRETS =
      Pattern.compile(
          "(?im)(\\b(?:password|secret|accessToken)\\s*:\\s*)(?![\\s\"]*\\[redacted)[^\\s,}\\]]+");

  private final Notifier delegate;

  /** What WireMock says while it starts (its server's name) would come before the banner. */
  private volatile boolean started;

  RedactingNotifier(Notifier delegate) {
    this.delegate = delegate;
  }

  /** From now on, information is passed on too (errors always are). */
  void started() {
    started = true;
  }

  static String redact(String message) {
    if (message == null) {
      return null;
    }
    String text = HEADERS.matcher(message).replaceAll("$1" + REDACTED);
    text = JSON_SECRETS.matcher(text).replaceAll("$1\"" + REDACTED + "\"");
    text = ESCAPED_JSON_SECRETS.matcher(text).replaceAll("$1" + REDACTED);
    text = QUERY_SECRETS.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(REDACTED));
    return YAML_SECRETS.matcher(text).replaceAll("$1" + REDACTED);
  }

  @Override
  public void info(String message) {
    if (started) {
      delegate.info(redact(message));
    }
  }

  @Override
  public void error(String message) {
    delegate.error(redact(message));
  }

  /**
   * One line, never a stack trace: WireMock reports here what a client's request made it trip over
   * (an import without "mappings" throws a NullPointerException), which the error boundary answers
   * and logs too; a log that looks broken hides the problems that are real.
   */
  @Override
  public void error(String message, Throwable t) {
    if (t instanceof RequestJournalDisabledException) {
      // Not an error of the mock: a client read requests from a mock that keeps none.
      delegate.info(redact(message) + ": the request journal is off (--journal-entries 0)");
      return;
    }
    delegate.error(redact(message + (t == null ? "" : ": " + t)).replace('\n', ' '));
  }
}
