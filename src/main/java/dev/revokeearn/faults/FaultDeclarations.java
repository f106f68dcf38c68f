package dev.revokeearn.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.revokeearn.admin.model.DeclaredFault;
import dev.revokeearn.admin.model.FaultDeclaration;
import dev.revokeearn.admin.model.FaultMatch;
import dev.revokeearn.api.Operation;
import dev.revokeearn.gate.ContractStatuses;
import java.security.SecureRandom;

/**
 * Fault declarations as the admin API's contract models them ({@code FaultDeclaration}, generated
 * from {@code openapi/revoke-earn-admin.yaml}) and as the mock keeps them ({@link FaultSpec}),
 * mapped both ways. The contract checks each field's type and range before a declaration gets here;
 * what stays here is what a schema cannot say: which fields go together, and which error statuses
 * the API contract declares for the operation.
 *
 * <pre>{@code
 * FaultSpec spec = FaultDeclarations.spec(declaration, declaration.getOrgId(), "");
 * FaultDeclaration back = FaultDeclarations.declaration(spec);
 * }</pre>
 */
public final class FaultDeclarations {
  private static final SecureRandom SEEDS = new SecureRandom();

  private FaultDeclarations() {}

  /**
   * The declaration as the mock keeps it.
   *
   * @param orgId the org it belongs to (a seed file's declarations take their org's)
   * @param at where the declaration is, for messages ("" at the top of a request body)
   * @throws FaultSpecException naming the field that does not go with the others
   */
  public static FaultSpec spec(FaultDeclaration declaration, long orgId, String at) {
    Operation operation =
        Operation.named(declaration.getOperation().value())
            .orElseThrow(() -> new FaultSpecException(place(at, "operation"), "is unknown"));
    FaultSpec spec;
    try {
      spec =
          new FaultSpec(
              orgId,
              operation,
              match(declaration.getMatch()),
              trigger(declaration, at),
              fault(declaration.getFault(), operation, place(at, "fault")));
    } catch (FaultSpecException e) {
      if (at.isEmpty() || e.reference() == null || e.reference().startsWith(at)) {
        throw e;
      }
      throw new FaultSpecException(
          place(at, e.reference()), e.getMessage().substring(e.reference().length() + 2));
    }
    requireDeclaredStatus(spec, place(at, "fault"));
    return spec;
  }

  /**
   * An error fault answers only what the contract declares for the operation.
   *
   * @throws FaultSpecException naming {@code status} otherwise
   */
  public static void requireDeclaredStatus(FaultSpec spec, String at) {
    if (spec.fault() instanceof Fault.Error error
        && !ContractStatuses.shared().declares(spec.operation().operationId(), error.status())) {
      throw new FaultSpecException(
          place(at, "status"),
          "the contract declares no error "
              + error.status()
              + " for "
              + spec.operation().id()
              + "; an error fault answers only what the contract allows");
    }
  }

  /** The declaration as it reads back: defaults filled in (the seed, the code, the message). */
  public static FaultDeclaration declaration(FaultSpec spec) {
    FaultDeclaration declaration =
        new FaultDeclaration()
            .orgId(spec.orgId())
            .operation(FaultDeclaration.OperationEnum.fromValue(spec.operation().id()))
            .fault(model(spec.fault()));
    if (!spec.match().equals(dev.revokeearn.faults.FaultMatch.ANY)) {
      declaration.match(model(spec.match()));
    }
    FaultTrigger trigger = spec.trigger();
    declaration.times(trigger.times());
    if (trigger.probability() != null) {
      declaration.probability(trigger.probability()).seed(trigger.seed());
    }
    return declaration;
  }

  /** A declared fault as the listing shows it: the declaration, its id and its counts. */
  public static DeclaredFault view(dev.revokeearn.faults.DeclaredFault fault) {
    FaultDeclaration declaration = declaration(fault.spec());
    return new DeclaredFault()
        .id(fault.id())
        .orgId(declaration.getOrgId())
        .operation(declaration.getOperation().value())
        .match(declaration.getMatch())
        .times(declaration.getTimes())
        .probability(declaration.getProbability())
        .seed(declaration.getSeed())
        .fault(declaration.getFault())
        .seen(fault.seen())
        .fired(fault.fired());
  }

  private static dev.revokeearn.faults.FaultMatch match(FaultMatch match) {
    if (match == null) {
      return dev.revokeearn.faults.FaultMatch.ANY;
    }
    JsonNode customer = match.getCustomerId();
    return new dev.revokeearn.faults.FaultMatch(
        customer == null || customer.isNull() ? null : customer.asText(),
        match.getEarnedBadgeId(),
        match.getBadgeMetaId());
  }

  private static FaultMatch model(dev.revokeearn.faults.FaultMatch match) {
    FaultMatch model =
        new FaultMatch().earnedBadgeId(match.earnedBadgeId()).badgeMetaId(match.badgeMetaId());
    if (match.customerId() != null) {
      model.customerId(JsonNodeFactory.instance.textNode(match.customerId()));
    }
    return model;
  }

  /**
   * A probability without a seed draws from a random one, which the listing shows; a seed file's
   * declarations have {@code seed: 0} filled in before they get here, so they replay the same
   * outcomes after every reset.
   */
  private static FaultTrigger trigger(FaultDeclaration declaration, String at) {
    Integer times = declaration.getTimes();
    Double probability = declaration.getProbability();
    Long seed = declaration.getSeed();
    if (times != null && probability != null) {
      throw new FaultSpecException(place(at, "times"), "give times or probability, not both");
    }
    if (seed != null && probability == null) {
      throw new FaultSpecException(place(at, "seed"), "a seed goes with a probability");
    }
    if (times != null) {
      return FaultTrigger.times(times);
    }
    if (probability != null) {
      return FaultTrigger.probability(probability, seed != null ? seed : SEEDS.nextLong());
    }
    return FaultTrigger.always();
  }

  private static Fault fault(
      dev.revokeearn.admin.model.Fault fault, Operation operation, String at) {
    String type = fault.getType().value();
    return switch (fault.getType()) {
      case ERROR -> error(fault, operation, at);
      case DELAY -> new Fault.Delay(distribution(fault, at));
      case RESET -> only(fault, at, type, new Fault.Reset());
      case EMPTY_RESPONSE -> only(fault, at, type, new Fault.EmptyResponse());
      case MALFORMED_RESPONSE -> only(fault, at, type, new Fault.MalformedResponse());
      case APPLIED_THEN_RESET -> only(fault, at, type, new Fault.AppliedThenReset());
    };
  }

  private static Fault error(
      dev.revokeearn.admin.model.Fault fault, Operation operation, String at) {
    none(at, "error", "distribution", fault.getDistribution());
    none(at, "error", "millis", fault.getMillis());
    none(at, "error", "min", fault.getMin());
    none(at, "error", "max", fault.getMax());
    none(at, "error", "median", fault.getMedian());
    none(at, "error", "sigma", fault.getSigma());
    if (fault.getStatus() == null) {
      throw new FaultSpecException(
          place(at, "status"), "is required: an HTTP status the contract declares");
    }
    int status = fault.getStatus();
    if (status < 400) {
      throw new FaultSpecException(
          place(at, "status"),
          "an error fault answers an error status (4xx or 5xx), not " + status);
    }
    Integer retryAfter = fault.getRetryAfterSeconds();
    if (retryAfter != null && status != 429 && status != 503) {
      throw new FaultSpecException(
          place(at, "retryAfterSeconds"), "goes with status 429 or 503, not " + status);
    }
    Fault.Error defaults = Fault.Error.of(operation, status);
    return new Fault.Error(
        status,
        fault.getCode() == null ? defaults.code() : fault.getCode(),
        fault.getMessage() == null ? defaults.message() : fault.getMessage(),
        retryAfter == null ? defaults.retryAfterSeconds() : retryAfter);
  }

  private static Distribution distribution(dev.revokeearn.admin.model.Fault fault, String at) {
    none(at, "delay", "status", fault.getStatus());
    none(at, "delay", "code", fault.getCode());
    none(at, "delay", "message", fault.getMessage());
    none(at, "delay", "retryAfterSeconds", fault.getRetryAfterSeconds());
    String kind = fault.getDistribution() == null ? "fixed" : fault.getDistribution().value();
    switch (kind) {
      case "uniform" -> {
        none(at, "a uniform delay", "millis", fault.getMillis());
        none(at, "a uniform delay", "median", fault.getMedian());
        none(at, "a uniform delay", "sigma", fault.getSigma());
        long min = required(fault.getMin(), place(at, "min"));
        long max = required(fault.getMax(), place(at, "max"));
        if (max < min) {
          throw new FaultSpecException(place(at, "max"), "must not be below min (" + min + ")");
        }
        return new Distribution.Uniform(min, max);
      }
      case "lognormal" -> {
        none(at, "a lognormal delay", "millis", fault.getMillis());
        none(at, "a lognormal delay", "min", fault.getMin());
        none(at, "a lognormal delay", "max", fault.getMax());
        long median = required(fault.getMedian(), place(at, "median"));
        if (fault.getSigma() == null) {
          throw new FaultSpecException(
              place(at, "sigma"), "is required: a number above 0 and at most 5");
        }
        return new Distribution.LogNormal(median, fault.getSigma());
      }
      default -> {
        none(at, "a fixed delay", "min", fault.getMin());
        none(at, "a fixed delay", "max", fault.getMax());
        none(at, "a fixed delay", "median", fault.getMedian());
        none(at, "a fixed delay", "sigma", fault.getSigma());
        return new Distribution.Fixed(required(fault.getMillis(), place(at, "millis")));
      }
    }
  }

  private static dev.revokeearn.admin.model.Fault model(Fault fault) {
    dev.revokeearn.admin.model.Fault model =
        new dev.revokeearn.admin.model.Fault()
            .type(dev.revokeearn.admin.model.Fault.TypeEnum.fromValue(fault.type()));
    if (fault instanceof Fault.Error error) {
      model
          .status(error.status())
          .code(error.code())
          .message(error.message())
          .retryAfterSeconds(error.retryAfterSeconds());
    } else if (fault instanceof Fault.Delay delay) {
      Distribution distribution = delay.distribution();
      if (distribution instanceof Distribution.Fixed fixed) {
        model.distribution(distribution("fixed")).millis((int) fixed.millis());
      } else if (distribution instanceof Distribution.Uniform uniform) {
        model
            .distribution(distribution("uniform"))
            .min((int) uniform.min())
            .max((int) uniform.max());
      } else if (distribution instanceof Distribution.LogNormal logNormal) {
        model
            .distribution(distribution("lognormal"))
            .median((int) logNormal.median())
            .sigma(logNormal.sigma());
      }
    }
    return model;
  }

  private static dev.revokeearn.admin.model.Fault.DistributionEnum distribution(String name) {
    return dev.revokeearn.admin.model.Fault.DistributionEnum.fromValue(name);
  }

  private static <T extends Fault> T only(
      dev.revokeearn.admin.model.Fault fault, String at, String type, T result) {
    none(at, type, "status", fault.getStatus());
    none(at, type, "code", fault.getCode());
    none(at, type, "message", fault.getMessage());
    none(at, type, "retryAfterSeconds", fault.getRetryAfterSeconds());
    none(at, type, "distribution", fault.getDistribution());
    none(at, type, "millis", fault.getMillis());
    none(at, type, "min", fault.getMin());
    none(at, type, "max", fault.getMax());
    none(at, type, "median", fault.getMedian());
    none(at, type, "sigma", fault.getSigma());
    return result;
  }

  private static void none(String at, String what, String field, Object value) {
    if (value != null) {
      throw new FaultSpecException(place(at, field), "does not go with " + what);
    }
  }

  private static long required(Integer millis, String at) {
    if (millis == null) {
      throw new FaultSpecException(at, "is required: milliseconds");
    }
    return millis;
  }

  private static String place(String at, String field) {
    return at.isEmpty() ? field : at + "." + field;
  }
}
