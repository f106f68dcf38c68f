package dev.revokeearn.testing;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded generators of hostile input: one {@link Random}, so a seed replays a whole run. Plain Java
 * on purpose (see the README: why not jqwik).
 */
public final class Gen {
  public static final String LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  public static final String DIGITS = "0123456789";

  /** Everything a URL can hold, legal or not. */
  public static final String URL_CHARS = LETTERS + DIGITS + "-._~%/?#[]@!$&'()*+,;=:|{}<>\"^`\\ ";

  private final Random random;

  public Gen(long seed) {
    this.random = new Random(seed);
  }

  public int between(int min, int max) {
    return min + random.nextInt(max - min + 1);
  }

  public boolean chance(int percent) {
    return random.nextInt(100) < percent;
  }

  public <T> T pick(List<T> options) {
    return options.get(random.nextInt(options.size()));
  }

  @SafeVarargs
  public final <T> T pick(T... options) {
    return options[random.nextInt(options.length)];
  }

  public String from(String alphabet, int min, int max) {
    int length = between(min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(random.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  /** Any string, control characters and non-ASCII included. */
  public String anyText(int min, int max) {
    int length = between(min, max);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      int kind = random.nextInt(10);
      if (kind < 6) {
        out.append((char) between(0x20, 0x7e));
      } else if (kind < 8) {
        out.append((char) between(0, 0x1f));
      } else {
        out.appendCodePoint(pick(0xe9, 0x4e2d, 0x1f600, 0xfffd, 0x202e, 0xd800));
      }
    }
    return out.toString();
  }

  public byte[] bytes(int min, int max) {
    byte[] bytes = new byte[between(min, max)];
    random.nextBytes(bytes);
    return bytes;
  }

  public String percentEncoded() {
    return pick("%", "%2", "%zz", "%00", "%2F", "%25", "%C3%A9", "%FF%FE", "%E2%80%AE", "%0d%0a");
  }

  /** A JSON value as text: odd numbers, nulls, empty containers, long or escaped strings. */
  public String jsonValue() {
    return switch (random.nextInt(7)) {
      case 0 ->
          pick(
              "null",
              "true",
              "false",
              "[]",
              "{}",
              "-0",
              "1e999",
              "-1e-999",
              "99999999999999999999999999",
              "9223372036854775808",
              "\"9223372036854775808\"",
              "\"0062090013\"",
              "9223372036854775807",
              "0",
              "-1",
              "\"\"",
              "\"\\u0000\"",
              "\"\\ud800\"",
              "1.5",
              "\"62090013 \"",
              "[62090013]",
              "{\"$gt\":\"\"}");
      case 1 -> Long.toString(random.nextLong());
      case 2 -> "\"" + escape(anyText(0, 40)) + "\"";
      case 3 -> "\"" + "x".repeat(between(1000, 70_000)) + "\"";
      case 4 -> "[".repeat(between(1, 3000)) + "]".repeat(between(0, 3000));
      case 5 -> from(DIGITS, 1, 30);
      default -> "\"" + from("0123456789abcdefABCDEF", 20, 28) + "\"";
    };
  }

  public static String escape(String text) {
    StringBuilder out = new StringBuilder();
    for (char c : text.toCharArray()) {
      if (c == '"' || c == '\\') {
        out.append('\\').append(c);
      } else if (c < 0x20) {
        out.append(String.format("\\u%04x", (int) c));
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  public static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
