package dev.revokeearn.mock;

import com.github.tomakehurst.wiremock.common.Notifier;
import com.github.tomakehurst.wiremock.verification.RequestJournalDisabledException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps credentials out of the logs: WireMock's verbose request logging prints headers, URLs and
 * bodies. Whatever is named like a secret ({@link #secretName}) has its value replaced before a
 * message reaches the real notifier: headers (Authorization, Cookie, X-CAP-API-OAUTH-TOKEN,
 * X-Api-Key, X-Auth-Token, ...), query parameters (names percent-decoded first: {@code pass%77ord}
 * is {@code password}), and JSON or YAML fields.
 */
final class RedactingNotifier implements Notifier {
  private static final String REDACTED = "[redacted]";

  /** What a name holds when it names a secret, compared without case, dashes or underscores. */
  private static final Pattern SECRET_WORDS =
      Pattern.compile(
          "password|passwd|pwd|secret|token|auth|cookie|session|credential|signature|apikey|"
              + "privatekey|accesskey");

  /** A header line: its name, then its value to the end of the line. */
  private static final Pattern HEADERS =
      Pattern.compile("(?m)^(\\s*)([A-Za-z0-9_-]++)(\\s*:\\s*)(.*)$");

  /**
   * A query parameter: from each ? or &, a name and its value (each looked at once: a long hostile
   * query costs linear time).
   */
  private static final Pattern QUERY = Pattern.compile("([?&])([^=&\\s#?]++)=([^&\\s#\"]*+)");

  /** A JSON field with a string value. */
  private static final Pattern JSON_FIELDS =
      Pattern.compile("(\")([A-Za-z0-9_-]++)(\"\\s*:\\s*\")((?:[^\"\\\\]|\\\\.)*+)");

  /** The same inside a JSON string, as WireMock logs a response definition's body. */
  private static final Pattern ESCAPED_JSON_FIELDS =
      Pattern.compile(
          "(\\\\\")([A-Za-z0-9_-]++)(\\\\\"\\s*:\\s*\\\\\")((?:[^\"\\\\]|\\\\[^\"])*+)");

  /** A YAML (or YAML-ish) field: a name, a colon, a bare value. */
  private static final Pattern YAML_FIELDS =
      Pattern.compile(
          "(?m)(\\b)([A-Za-z][A-Za-z0-9_-]*+)(\\s*:\\s+)([^\\s,}\\]\"\\[][^\\s,}\\]]*+)");

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

  /** Whether a header, parameter or field of this name holds a secret. */
  static boolean secretName(String name) {
    String plain = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    return SECRET_WORDS.matcher(plain).find();
  }

  static String redact(String message) {
    if (message == null) {
      return null;
    }
    String text = replace(HEADERS, message, false);
    text = replace(JSON_FIELDS, text, false);
    text = replace(ESCAPED_JSON_FIELDS, text, false);
    text = replace(QUERY, text, true);
    return replace(YAML_FIELDS, text, false);
  }

  /** Each match's value (its 4th group, or 3rd for a query) replaced when its name is a secret. */
  private static String replace(Pattern pattern, String text, boolean query) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    while (m.find()) {
      String name = query ? decoded(m.group(2)) : m.group(2);
      String value = query ? m.group(3) : m.group(4);
      String kept =
          secretName(name) && !value.startsWith(REDACTED)
              ? m.group(0).substring(0, m.group(0).length() - value.length()) + REDACTED
              : m.group(0);
      m.appendReplacement(out, Matcher.quoteReplacement(kept));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decoded(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return name;
    }
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
