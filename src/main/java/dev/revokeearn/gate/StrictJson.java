package dev.revokeearn.gate;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Optional;

/**
 * What the schema validator lets through in a body that parses: a key given twice (the last one
 * would win and hide the first) and content after the JSON value ({@code {...}xyz}). Syntax errors
 * are the validator's to report.
 */
final class StrictJson {
  private static final ObjectMapper LENIENT = new ObjectMapper();
  private static final ObjectMapper STRICT =
      JsonMapper.builder()
          .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();

  private StrictJson() {}

  /** The problem, when the body parses leniently but not strictly; empty otherwise. */
  static Optional<String> problem(String body) {
    if (body.isBlank()) {
      return Optional.empty();
    }
    try {
      STRICT.readTree(body);
      return Optional.empty();
    } catch (JacksonException strict) {
      try {
        LENIENT.readTree(body);
      } catch (JacksonException syntax) {
        return Optional.empty();
      }
      return Optional.of(firstLine(strict.getOriginalMessage()));
    }
  }

  private static String firstLine(String message) {
    String line = message.lines().findFirst().orElse(message);
    return line.startsWith("Trailing token")
        ? "there is more after the JSON value"
        : line.replace("Duplicate field", "the key").replaceFirst("'$", "' appears twice");
  }
}
