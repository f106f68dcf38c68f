package dev.revokeearn.faults;

import dev.revokeearn.api.Operation;
import java.util.Map;

/**
 * The code and message an error fault answers with when its declaration gives none: Capillary's
 * documented ones where there are (503 is 4001, "authorization service unavailable"), else the
 * status and its reason.
 */
final class FaultDefaults {
  private record Key(Operation operation, int status) {}

  private record Default(long code, String message) {}

  private static final Map<Integer, Default> BY_STATUS =
      Map.ofEntries(
          Map.entry(400, new Default(400, "Bad request")),
          Map.entry(
              401, new Default(401, "Authentication failed. Please check username and password.")),
          Map.entry(403, new Default(4000, "Not authorized. Access is denied!")),
          Map.entry(404, new Default(404, "Passed badge is not found")),
          Map.entry(413, new Default(413, "Request body is larger than 65536 bytes")),
          Map.entry(429, new Default(429, "Too many requests")),
          Map.entry(500, new Default(500, "Internal server error")),
          Map.entry(502, new Default(502, "Bad gateway")),
          Map.entry(503, new Default(4001, "authorization service unavailable")),
          Map.entry(504, new Default(504, "Gateway timeout")));

  private static final Map<Key, Default> BY_OPERATION =
      Map.of(
          new Key(Operation.REVOKE_EARN, 409),
          new Default(814, "Active earn instance is not present."),
          new Key(Operation.EARN, 409),
          new Default(810, "BadgeMeta needs to be claimed first"),
          new Key(Operation.TOKEN, 401),
          new Default(320001, "Invalid client key and secret"));

  private FaultDefaults() {}

  static long code(Operation operation, int status) {
    return pick(operation, status).code();
  }

  static String message(Operation operation, int status) {
    return pick(operation, status).message();
  }

  private static Default pick(Operation operation, int status) {
    Default specific = BY_OPERATION.get(new Key(operation, status));
    if (specific != null) {
      return specific;
    }
    return BY_STATUS.getOrDefault(status, new Default(status, "Error " + status));
  }
}
