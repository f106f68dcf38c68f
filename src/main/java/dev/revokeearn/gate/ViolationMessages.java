package dev.revokeearn.gate;

import com.atlassian.oai.validator.report.ValidationReport;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Turns swagger-request-validator messages into violations a person can act on: the field or header
 * at fault, what was expected, what came. Values echoed back are cut short, so a huge input never
 * makes a huge answer.
 */
final class ViolationMessages {
  private static final int MAX_ECHO = 64;
  private static final Pattern PATH_PREFIX = Pattern.compile("^\\[Path '[^']*'\\] ");
  private static final Pattern MISSING = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
  private static final Pattern TYPE =
      Pattern.compile(
          "Instance type \\((\\w+)\\) does not match any allowed primitive type \\(allowed: \\[(.*)\\]\\)");
  private static final Pattern REGEX =
      Pattern.compile(
          "ECMA 262 regex \"(.*)\" does not match input string \"(.*)\"", Pattern.DOTALL);
  private static final Pattern ENUM =
      Pattern.compile(
          "Instance value \\((.*)\\) not found in enum \\(possible values: \\[(.*)\\]\\)",
          Pattern.DOTALL);
  private static final Pattern MINIMUM =
      Pattern.compile(
          "Numeric instance is lower than the required minimum \\(minimum: (\\S+), found: (\\S+)\\)");
  private static final Pattern JSON_SOURCE = Pattern.compile("\\s*at \\[Source: [^;]*; ");

  private ViolationMessages() {}

  static List<ContractViolation> translate(ValidationReport.Message message) {
    String key = message.getKey();
    if (key.equals("validation.request.body.schema.required")) {
      return missingProperties(message);
    }
    if (key.equals("validation.request.body.schema.additionalProperties")) {
      return unknownProperties(message);
    }
    if (key.startsWith("validation.request.parameter.")) {
      String header =
          message.getContext().flatMap(c -> c.getParameter()).map(p -> p.getName()).orElse(null);
      return List.of(new ContractViolation(header, header + " " + describe(message.getMessage())));
    }
    if (key.startsWith("validation.request.contentType")) {
      return List.of(
          new ContractViolation(
              "Content-Type", "Content-Type must be application/json; " + message.getMessage()));
    }
    if (key.equals("validation.request.body.schema.invalidJson")) {
      return List.of(
          new ContractViolation(
              null, "Request body is not valid JSON: " + cleanJsonError(message.getMessage())));
    }
    if (key.startsWith("validation.request.body.schema.")) {
      String field = field(message);
      String what = field.isEmpty() ? "Request body" : field;
      String detail =
          key.endsWith(".oneOf") || key.endsWith(".anyOf")
              ? alternatives(message)
              : describe(message.getMessage());
      return List.of(new ContractViolation(field.isEmpty() ? null : field, what + " " + detail));
    }
    return List.of(new ContractViolation(null, echo(message.getMessage(), 300)));
  }

  private static List<ContractViolation> missingProperties(ValidationReport.Message message) {
    String parent = field(message);
    List<ContractViolation> violations = new ArrayList<>();
    Matcher names = MISSING.matcher(message.getMessage());
    while (names.find()) {
      String field = parent.isEmpty() ? names.group(1) : parent + "." + names.group(1);
      violations.add(new ContractViolation(field, field + " is required but missing"));
    }
    return violations;
  }

  /** One violation per key the schema does not allow, naming it. */
  private static List<ContractViolation> unknownProperties(ValidationReport.Message message) {
    String parent = field(message);
    String what = parent.isEmpty() ? "the request body" : parent;
    List<ContractViolation> violations = new ArrayList<>();
    Matcher names = MISSING.matcher(PATH_PREFIX.matcher(message.getMessage()).replaceFirst(""));
    while (names.find()) {
      String name = echo(names.group(1), MAX_ECHO);
      String field = parent.isEmpty() ? name : parent + "." + name;
      violations.add(new ContractViolation(field, field + " is not a key of " + what));
    }
    return violations.isEmpty()
        ? List.of(
            new ContractViolation(parent.isEmpty() ? null : parent, describe(message.getMessage())))
        : violations;
  }

  /** A oneOf failed: say every form that was allowed, and what came. */
  private static String alternatives(ValidationReport.Message message) {
    List<String> types = new ArrayList<>();
    String actual = null;
    for (ValidationReport.Message nested : message.getNestedMessages()) {
      Matcher type = TYPE.matcher(nested.getMessage());
      if (type.find()) {
        types.add(type.group(2).replace("\"", ""));
        actual = type.group(1);
      }
    }
    if (types.size() == message.getNestedMessages().size() && actual != null) {
      return "must be " + String.join(" or ", types) + ", got " + actual;
    }
    return message.getNestedMessages().stream()
        .map(nested -> describe(nested.getMessage()))
        .filter(d -> !d.startsWith("must be integer, got") && !d.startsWith("must be string, got"))
        .collect(Collectors.joining("; or "));
  }

  private static String describe(String raw) {
    String text = PATH_PREFIX.matcher(raw).replaceFirst("");
    Matcher m = TYPE.matcher(text);
    if (m.find()) {
      return "must be " + m.group(2).replace("\"", "").replace(",", " or ") + ", got " + m.group(1);
    }
    m = REGEX.matcher(text);
    if (m.find()) {
      return "must match " + m.group(1) + ", got \"" + echo(m.group(2), MAX_ECHO) + "\"";
    }
    m = ENUM.matcher(text);
    if (m.find()) {
      return "must be one of "
          + m.group(2).replace("\"", "")
          + ", got "
          + echo(m.group(1), MAX_ECHO);
    }
    m = MINIMUM.matcher(text);
    if (m.find()) {
      return "must be at least " + m.group(1) + ", got " + m.group(2);
    }
    return "is invalid: " + echo(text, 300);
  }

  /** The JSON pointer of the message as a dotted field path; empty for the body itself. */
  private static String field(ValidationReport.Message message) {
    String pointer =
        message.getContext().flatMap(c -> c.getPointers()).map(p -> p.getInstance()).orElse("");
    if (pointer.isEmpty() || pointer.equals("/")) {
      return "";
    }
    return pointer.substring(1).replace("/", ".").replace("~1", "/").replace("~0", "~");
  }

  private static String cleanJsonError(String raw) {
    String text = raw.replaceFirst("^Unable to parse JSON - ", "");
    return JSON_SOURCE.matcher(text).replaceFirst(" at ").replaceAll("\\s+", " ").trim();
  }

  private static String echo(String value, int max) {
    return value.length() <= max ? value : value.substring(0, max) + "...";
  }
}
