package dev.revokeearn.seed;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.ValueInstantiator;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.stream.Collectors;

/**
 * A value of the wrong shape in a seed, said in the seed format's words. Built from what Jackson
 * knows (the type it wanted, the token it found), never by rewriting its message: that message
 * quotes the user's text, which may itself look like Java.
 */
final class SeedMismatch extends MismatchedInputException {
  private static final String MISSING = "Missing required creator property";
  private static final int SHOWN = 60;

  private SeedMismatch(JsonParser parser, String message, Class<?> type) {
    super(parser, message, type);
  }

  /** Jackson's problem, in the seed format's words. */
  static String describe(JsonMappingException e) {
    if (e instanceof SeedMismatch) {
      return e.getOriginalMessage();
    }
    if (String.valueOf(e.getOriginalMessage()).startsWith(MISSING)) {
      return "this key is required but missing";
    }
    if (e instanceof InvalidFormatException invalid) {
      return "expected " + word(invalid.getTargetType()) + ", got " + shown(invalid.getValue());
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return "expected " + word(mismatch.getTargetType());
    }
    return "this value cannot be read here";
  }

  /**
   * Catches a mismatch while the parser still stands on the token that did not fit (by the time
   * Jackson's exception arrives, the parser is closed).
   */
  static final class Handler extends DeserializationProblemHandler {
    @Override
    public Object handleMissingInstantiator(
        DeserializationContext context,
        Class<?> type,
        ValueInstantiator instantiator,
        JsonParser parser,
        String message)
        throws IOException {
      throw at(parser, type);
    }

    @Override
    public Object handleUnexpectedToken(
        DeserializationContext context,
        JavaType type,
        JsonToken token,
        JsonParser parser,
        String message)
        throws IOException {
      throw at(parser, type.getRawClass());
    }

    private static SeedMismatch at(JsonParser parser, Class<?> type) throws IOException {
      return new SeedMismatch(parser, "expected " + word(type) + found(parser), type);
    }
  }

  /** What a seed author writes for a type the seed format uses. */
  private static String word(Class<?> type) {
    if (type == Long.class || type == long.class || type == Integer.class || type == int.class) {
      return "a whole number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (type == String.class) {
      return "text";
    }
    if (type == Instant.class) {
      return "a date-time such as 2026-01-01T00:00:00Z";
    }
    if (type.isEnum()) {
      return Arrays.stream(type.getEnumConstants())
          .map(String::valueOf)
          .collect(Collectors.joining(" or "));
    }
    if (Collection.class.isAssignableFrom(type) || type.isArray()) {
      return "a list";
    }
    return "key: value pairs";
  }

  private static String found(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      return "";
    }
    if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
      return ", got the alias *" + parser.getText() + " (the seed format takes no YAML aliases)";
    }
    return switch (token) {
      case START_ARRAY -> ", got a list";
      case START_OBJECT, FIELD_NAME -> ", got key: value pairs";
      case VALUE_STRING -> ", got the text " + shown(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> ", got the number " + parser.getText();
      case VALUE_TRUE, VALUE_FALSE -> ", got " + token.asString();
      case VALUE_NULL -> ", got nothing (null)";
      default -> "";
    };
  }

  private static String shown(Object value) {
    String text = String.valueOf(value);
    return '"' + (text.length() > SHOWN ? text.substring(0, SHOWN) + "..." : text) + '"';
  }
}
