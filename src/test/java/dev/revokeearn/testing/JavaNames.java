package dev.revokeearn.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds Java's words (qualified class names, which a stack trace is full of too) in a message meant
 * for a person, unless the person wrote them.
 */
public final class JavaNames {
  // Rooted in a package family a JVM stack is made of, so a user's "a.B" is not taken for Java.
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "\\b(?:java|javax|jdk|sun|com|org|dev|net|io)\\.(?:[a-z][a-z0-9_]*\\.)*[A-Z][A-Za-z0-9_$]*");

  private JavaNames() {}

  /** The qualified class names in the message that the user did not write in the input. */
  public static List<String> notFromInput(String message, String input) {
    List<String> names = new ArrayList<>();
    Matcher matcher = QUALIFIED.matcher(message);
    while (matcher.find()) {
      if (!input.contains(matcher.group())) {
        names.add(matcher.group());
      }
    }
    return names;
  }
}
