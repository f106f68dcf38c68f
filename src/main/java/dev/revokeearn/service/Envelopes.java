package dev.revokeearn.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.revokeearn.contract.model.ErrorEnvelope;
import java.nio.charset.StandardCharsets;

/**
 * Capillary's error envelope as JSON, written in one place for every answer the mock gives, the
 * API's, the admin API's and Jetty's: {@code {"data": null, "errors": [{code, message, reference}],
 * "warnings": null}}, the contract's {@code ErrorEnvelope}.
 */
public final class Envelopes {
  /** The mock's JSON: the contract's models, dates as text, unknown fields allowed in. */
  public static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .build();

  private Envelopes() {}

  public static String json(ApiProblem problem) {
    String json = problem.json;
    if (json == null) {
      json = write(new ErrorEnvelope(null, problem.errors(), null));
      problem.json = json;
    }
    return json;
  }

  public static byte[] bytes(ApiProblem problem) {
    return json(problem).getBytes(StandardCharsets.UTF_8);
  }

  /** Any of the mock's answers (the contract's and the admin API's models, maps, lists). */
  public static String write(Object body) {
    try {
      return JSON.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("The mock's answers always serialize", e);
    }
  }
}
