package dev.revokeearn.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.gate.ContractStatuses;
import java.security.SecureRandom;
import java.util.Iterator;
import java.util.Set;
import java.util.function.BiPredicate;

/**
 * Fault declarations in JSON (the admin API's body, a seed file's {@code faults:} entry, the
 * listing), read with every field checked: an unknown key, a missing or mistyped value, or an error
 * status the contract does not declare for the operation is a {@link FaultSpecException} naming the
 * field.
 *
 * <pre>{@code
 * {"orgId": 100737, "operation": "revokeEarn", "match": {"earnedBadgeId": "..."},
 *  "times": 1, "fault": {"type": "applied-then-reset"}}
 * }</pre>
 */
public final class FaultSpecs {
  /** The longest delay a fault may hold an answer for: ten minutes. */
  public static final long MAX_DELAY_MILLIS = 600_000;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final SecureRandom SEEDS = new SecureRandom();

  private final BiPredicate<FaultOperation, Integer> declared;

  /**
   * @param declared whether the contract declares a status for an operation
   */
  public FaultSpecs(BiPredicate<FaultOperation, Integer> declared) {
    this.declared = declared;
  }

  /** Declarations checked against the contract packed in the jar. */
  public static FaultSpecs ofContract() {
    ContractStatuses statuses = ContractStatuses.shared();
    return new FaultSpecs(
        (operation, status) -> statuses.declares(operation.operationId(), status));
  }

  /**
   * Reads a declaration.
   *
   * @param orgId the org it belongs to when the context names it (a seed file's org); null when the
   *     declaration must name it ({@code orgId})
   * @param at where the declaration is, for messages ("" at the top of a request body)
   */
  public FaultSpec read(JsonNode node, Long orgId, String at) {
    ObjectNode fields = object(node, at);
    known(
        fields,
        at,
        orgId == null
            ? Set.of("orgId", "operation", "match", "times", "probability", "seed", "fault")
            : Set.of("operation", "match", "times", "probability", "seed", "fault"));
    long org = orgId != null ? orgId : positive(fields.get("orgId"), place(at, "orgId"));
    String operationName = text(fields.get("operation"), place(at, "operation"), true);
    FaultOperation operation =
        FaultOperation.of(operationName)
            .orElseThrow(
                () ->
                    new FaultSpecException(
                        place(at, "operation"),
                        "must be revokeEarn, earn or token (or the operationIds earnBadge,"
                            + " generateOAuthToken), got "
                            + operationName));
    return new FaultSpec(
        org,
        operation,
        match(fields.get("match"), operation, place(at, "match")),
        trigger(fields, at, orgId != null),
        fault(fields.get("fault"), operation, place(at, "fault")));
  }

  /** The body fields a request of the operation can be matched on: what its body carries. */
  private static FaultMatch match(JsonNode node, FaultOperation operation, String at) {
    if (node == null || node.isNull()) {
      return FaultMatch.ANY;
    }
    ObjectNode fields = object(node, at);
    switch (operation) {
      case REVOKE_EARN -> known(fields, at, Set.of("customerId", "earnedBadgeId", "badgeMetaId"));
      case EARN -> known(fields, at, Set.of("customerId", "badgeMetaId"));
      case TOKEN -> {
        if (fields.size() > 0) {
          throw new FaultSpecException(
              at, "a token request names no customer or badge: leave match out for token");
        }
      }
    }
    JsonNode customer = fields.get("customerId");
    String customerId = null;
    if (customer != null && !customer.isNull()) {
      if (!(customer.isIntegralNumber() || customer.isTextual()) || customer.asText().isEmpty()) {
        throw new FaultSpecException(
            place(at, "customerId"), "must be the customerId requests send (a number or text)");
      }
      customerId = customer.asText();
    }
    return new FaultMatch(
        customerId,
        text(fields.get("earnedBadgeId"), place(at, "earnedBadgeId"), false),
        text(fields.get("badgeMetaId"), place(at, "badgeMetaId"), false));
  }

  /**
   * @param fixedSeed a probability without a seed draws from seed 0 (a seed file's faults, read
   *     again at every reset, must replay the same outcomes); else from a random one, which the
   *     listing shows
   */
  private static FaultTrigger trigger(ObjectNode fields, String at, boolean fixedSeed) {
    JsonNode times = fields.get("times");
    JsonNode probability = fields.get("probability");
    JsonNode seed = fields.get("seed");
    boolean hasTimes = times != null && !times.isNull();
    boolean hasProbability = probability != null && !probability.isNull();
    if (hasTimes && hasProbability) {
      throw new FaultSpecException(place(at, "times"), "give times or probability, not both");
    }
    if (seed != null && !seed.isNull() && !hasProbability) {
      throw new FaultSpecException(place(at, "seed"), "a seed goes with a probability");
    }
    if (hasTimes) {
      if (!times.canConvertToInt() || !times.isIntegralNumber() || times.asInt() < 1) {
        throw new FaultSpecException(
            place(at, "times"), "must be a whole number of 1 or more, got " + times);
      }
      return FaultTrigger.times(times.asInt());
    }
    if (hasProbability) {
      if (!probability.isNumber() || !(probability.asDouble() > 0) || probability.asDouble() > 1) {
        throw new FaultSpecException(
            place(at, "probability"), "must be a number above 0 and at most 1, got " + probability);
      }
      long seedValue;
      if (seed == null || seed.isNull()) {
        seedValue = fixedSeed ? 0 : SEEDS.nextLong();
      } else if (seed.isIntegralNumber() && seed.canConvertToLong()) {
        seedValue = seed.asLong();
      } else {
        throw new FaultSpecException(place(at, "seed"), "must be a whole number, got " + seed);
      }
      return FaultTrigger.probability(probability.asDouble(), seedValue);
    }
    return FaultTrigger.always();
  }

  private Fault fault(JsonNode node, FaultOperation operation, String at) {
    if (node == null || node.isNull()) {
      throw new FaultSpecException(at, "is required: what the fault does ({\"type\": ...})");
    }
    ObjectNode fields = object(node, at);
    String type = text(fields.get("type"), place(at, "type"), true);
    switch (type) {
      case "error" -> {
        known(fields, at, Set.of("type", "status", "code", "message", "retryAfterSeconds"));
        JsonNode statusNode = fields.get("status");
        if (statusNode == null || statusNode.isNull()) {
          throw new FaultSpecException(
              place(at, "status"), "is required: an HTTP status the contract declares");
        }
        if (!statusNode.isIntegralNumber() || !statusNode.canConvertToInt()) {
          throw new FaultSpecException(
              place(at, "status"), "must be a whole number (an HTTP status), got " + statusNode);
        }
        int status = statusNode.asInt();
        if (status < 400 || !declared.test(operation, status)) {
          throw new FaultSpecException(
              place(at, "status"),
              "the contract declares no error "
                  + status
                  + " for "
                  + operation.id()
                  + "; an error fault answers only what the contract allows");
        }
        JsonNode code = fields.get("code");
        if (code != null && !(code.isIntegralNumber() && code.canConvertToLong())) {
          throw new FaultSpecException(place(at, "code"), "must be a whole number, got " + code);
        }
        String message = text(fields.get("message"), place(at, "message"), false);
        if (message != null && message.length() > 1000) {
          throw new FaultSpecException(place(at, "message"), "must be at most 1000 characters");
        }
        Integer retryAfter = retryAfter(fields.get("retryAfterSeconds"), status, at);
        return new Fault.Error(
            status,
            code == null ? FaultDefaults.code(operation, status) : code.asLong(),
            message == null ? FaultDefaults.message(operation, status) : message,
            retryAfter);
      }
      case "delay" -> {
        return new Fault.Delay(distribution(fields, at));
      }
      case "reset" -> {
        known(fields, at, Set.of("type"));
        return new Fault.Reset();
      }
      case "empty-response" -> {
        known(fields, at, Set.of("type"));
        return new Fault.EmptyResponse();
      }
      case "malformed-response" -> {
        known(fields, at, Set.of("type"));
        return new Fault.MalformedResponse();
      }
      case "applied-then-reset" -> {
        known(fields, at, Set.of("type"));
        return new Fault.AppliedThenReset();
      }
      default ->
          throw new FaultSpecException(
              place(at, "type"),
              "must be error, delay, reset, empty-response, malformed-response or"
                  + " applied-then-reset, got "
                  + type);
    }
  }

  /** 429 says when to come back (1 s unless given); 503 may; no other status carries it. */
  private static Integer retryAfter(JsonNode node, int status, String at) {
    if (node == null || node.isNull()) {
      return status == 429 ? 1 : null;
    }
    if (status != 429 && status != 503) {
      throw new FaultSpecException(
          place(at, "retryAfterSeconds"), "goes with status 429 or 503, not " + status);
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToInt()
        || node.asInt() < 0
        || node.asInt() > 86_400) {
      throw new FaultSpecException(
          place(at, "retryAfterSeconds"), "must be a whole number from 0 to 86400, got " + node);
    }
    return node.asInt();
  }

  private static Distribution distribution(ObjectNode fields, String at) {
    String kind = text(fields.get("distribution"), place(at, "distribution"), false);
    if (kind == null || kind.equals("fixed")) {
      known(fields, at, Set.of("type", "distribution", "millis"));
      return new Distribution.Fixed(millis(fields.get("millis"), place(at, "millis"), true));
    }
    switch (kind) {
      case "uniform" -> {
        known(fields, at, Set.of("type", "distribution", "min", "max"));
        long min = millis(fields.get("min"), place(at, "min"), true);
        long max = millis(fields.get("max"), place(at, "max"), true);
        if (max < min) {
          throw new FaultSpecException(place(at, "max"), "must not be below min (" + min + ")");
        }
        return new Distribution.Uniform(min, max);
      }
      case "lognormal" -> {
        known(fields, at, Set.of("type", "distribution", "median", "sigma"));
        long median = millis(fields.get("median"), place(at, "median"), true);
        JsonNode sigma = fields.get("sigma");
        if (sigma == null || sigma.isNull()) {
          throw new FaultSpecException(
              place(at, "sigma"), "is required: a number above 0 and at most 5");
        }
        if (!sigma.isNumber() || !(sigma.asDouble() > 0) || sigma.asDouble() > 5) {
          throw new FaultSpecException(
              place(at, "sigma"), "must be a number above 0 and at most 5, got " + sigma);
        }
        return new Distribution.LogNormal(median, sigma.asDouble());
      }
      default ->
          throw new FaultSpecException(
              place(at, "distribution"), "must be fixed, uniform or lognormal, got " + kind);
    }
  }

  private static long millis(JsonNode node, String at, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        throw new FaultSpecException(at, "is required: milliseconds");
      }
      return 0;
    }
    if (!node.isIntegralNumber()
        || !node.canConvertToLong()
        || node.asLong() < 0
        || node.asLong() > MAX_DELAY_MILLIS) {
      throw new FaultSpecException(
          at, "must be whole milliseconds from 0 to " + MAX_DELAY_MILLIS + ", got " + node);
    }
    return node.asLong();
  }

  /** The declaration as JSON, as it reads back (defaults filled in: seed, code, message). */
  public static ObjectNode write(FaultSpec spec) {
    ObjectNode node = JSON.createObjectNode();
    node.put("orgId", spec.orgId());
    node.put("operation", spec.operation().id());
    FaultMatch match = spec.match();
    if (!match.equals(FaultMatch.ANY)) {
      ObjectNode m = node.putObject("match");
      if (match.customerId() != null) {
        m.put("customerId", match.customerId());
      }
      if (match.earnedBadgeId() != null) {
        m.put("earnedBadgeId", match.earnedBadgeId());
      }
      if (match.badgeMetaId() != null) {
        m.put("badgeMetaId", match.badgeMetaId());
      }
    }
    FaultTrigger trigger = spec.trigger();
    if (trigger.times() != null) {
      node.put("times", trigger.times());
    }
    if (trigger.probability() != null) {
      node.put("probability", trigger.probability());
      node.put("seed", trigger.seed());
    }
    ObjectNode fault = node.putObject("fault");
    fault.put("type", spec.fault().type());
    if (spec.fault() instanceof Fault.Error error) {
      fault.put("status", error.status());
      fault.put("code", error.code());
      fault.put("message", error.message());
      if (error.retryAfterSeconds() != null) {
        fault.put("retryAfterSeconds", error.retryAfterSeconds());
      }
    } else if (spec.fault() instanceof Fault.Delay delay) {
      Distribution distribution = delay.distribution();
      if (distribution instanceof Distribution.Fixed fixed) {
        fault.put("distribution", "fixed");
        fault.put("millis", fixed.millis());
      } else if (distribution instanceof Distribution.Uniform uniform) {
        fault.put("distribution", "uniform");
        fault.put("min", uniform.min());
        fault.put("max", uniform.max());
      } else if (distribution instanceof Distribution.LogNormal logNormal) {
        fault.put("distribution", "lognormal");
        fault.put("median", (long) logNormal.median());
        fault.put("sigma", logNormal.sigma());
      }
    }
    return node;
  }

  private static ObjectNode object(JsonNode node, String at) {
    if (!(node instanceof ObjectNode object)) {
      throw new FaultSpecException(
          at.isEmpty() ? null : at, "must be an object ({\"key\": value, ...})");
    }
    return object;
  }

  private static void known(ObjectNode fields, String at, Set<String> names) {
    for (Iterator<String> it = fields.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (!names.contains(name)) {
        throw new FaultSpecException(
            place(at, name),
            "is no key of a fault here; the keys are " + names.stream().sorted().toList());
      }
    }
  }

  private static long positive(JsonNode node, String at) {
    if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.asLong() < 1) {
      throw new FaultSpecException(at, "is required: the id of an org of this mock");
    }
    return node.asLong();
  }

  private static String text(JsonNode node, String at, boolean required) {
    if (node == null || node.isNull()) {
      if (required) {
        throw new FaultSpecException(at, "is required");
      }
      return null;
    }
    if (!node.isTextual() || node.asText().isBlank()) {
      throw new FaultSpecException(at, "must be text, got " + node);
    }
    return node.asText();
  }

  private static String place(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }
}
