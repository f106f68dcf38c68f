package dev.revokeearn.service;

import dev.revokeearn.contract.model.ApiError;
import java.util.List;

/**
 * An answer in Capillary's error envelope: an HTTP status and one or more errors. Thrown by the
 * services, whose generated interfaces return only the success shape.
 */
public final class ApiProblem extends RuntimeException {
  private final int status;
  private final transient List<ApiError> errors;

  /** Its envelope, once written ({@link Envelopes#json}): a constant problem is written once. */
  transient volatile String json;

  public ApiProblem(int status, List<ApiError> errors) {
    super(errors.isEmpty() ? "HTTP " + status : errors.get(0).getMessage(), null, false, false);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public ApiProblem(int status, long code, String message, String reference) {
    this(status, List.of(new ApiError(code, message, reference)));
  }

  public int status() {
    return status;
  }

  public List<ApiError> errors() {
    return errors;
  }
}
