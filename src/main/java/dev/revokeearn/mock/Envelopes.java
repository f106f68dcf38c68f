package dev.revokeearn.mock;

import java.nio.charset.StandardCharsets;

/** Capillary's error envelope as bytes, for answers written below the service (Jetty, filters). */
final class Envelopes {
  private Envelopes() {}

  static byte[] error(int code, String message) {
    return error(code, message, null);
  }

  static byte[] error(int code, String message, String reference) {
    return ("{\"data\":null,\"errors\":[{\"code\":"
            + code
            + ",\"message\":\""
            + escape(message)
            + "\",\"reference\":"
            + (reference == null ? "null" : "\"" + escape(reference) + "\"")
            + "}],\"warnings\":null}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }
}
