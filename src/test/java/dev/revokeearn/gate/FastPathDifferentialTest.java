package dev.revokeearn.gate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.revokeearn.api.ApiCall;
import dev.revokeearn.api.Operation;
import dev.revokeearn.contract.model.RevokeEarnRequest;
import dev.revokeearn.service.Envelopes;
import dev.revokeearn.testing.Gen;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The fast path against swagger-request-validator, the reference, on a generated corpus of valid
 * and nearly valid revokeEarn requests: every request the fast path passes, the validator passes
 * too, and the gate's verdict (fast path, cache, validator) is the validator's, violation for
 * violation; and what the fast path reads is what the mock's mapper reads.
 */
class FastPathDifferentialTest {
  static final int CASES = 6000;
  static final long SEED = 20261125L;
  static ContractGate gate;

  @BeforeAll
  static void build() {
    gate = new ContractGate(Contract.text());
  }

  @Test
  void everyRequestTheFastPathPassesTheValidatorPassesAndVerdictsAreIdentical() {
    Gen gen = new Gen(SEED);
    int fast = 0;
    int valid = 0;
    List<String> disagreements = new ArrayList<>();
    for (int i = 0; i < CASES; i++) {
      ApiCall request = request(gen);
      String body = request.text();
      List<ContractViolation> reference = gate.validate(request);
      RevokeEarnRequest read = FastPath.revoke(request);
      boolean fastPassed = read != null;
      fast += fastPassed ? 1 : 0;
      if (fastPassed && !read.equals(readByTheMock(body))) {
        disagreements.add(describe(request, body) + " -> read as " + read);
      }
      valid += reference.isEmpty() ? 1 : 0;
      if (fastPassed && !reference.isEmpty()) {
        disagreements.add(describe(request, body) + " -> validator: " + reference);
      }
      List<ContractViolation> verdict = gate.check(request);
      if (!verdict.equals(reference)) {
        disagreements.add(describe(request, body) + " -> gate " + verdict + " vs " + reference);
      }
    }
    assertThat(disagreements).as("seed %d", SEED).isEmpty();
    // The corpus must exercise both sides, or the comparison says nothing.
    assertThat(fast).as("requests the fast path passed").isGreaterThan(CASES / 20);
    assertThat(CASES - valid).as("requests the validator refused").isGreaterThan(CASES / 3);
    assertThat(valid - fast)
        .as("valid requests left to the validator (the fast path is not the contract)")
        .isPositive();
  }

  @Test
  void theFastPathRefusesWhatItCannotBeSureOf() {
    String ok =
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,"
            + "\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}";
    assertThat(FastPath.validRevoke(revoke(ok, "application/json"))).isTrue();
    for (String body :
        List.of(
            ok.replace("62090013", "0"),
            ok.replace("62090013", "1.0"),
            ok.replace("62090013", "\"\""),
            ok.replace("62090013", "18446744073709551616"),
            ok.replace("654cbea06bccde1274b6d3a2", "654cbea06bccde1274b6d3a"),
            ok.replace("}", ",\"extra\":1}"),
            ok.replace("}", ",\"customerId\":1}"),
            ok.replace("62090013", "{\"customerId\":62090013}"),
            ok.replace("62090013", "[62090013]"),
            ok.replace(
                "\"653ddb33b3cda7078c7c68e9\"", "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\"}"),
            ok + "x",
            "[" + ok + "]")) {
      assertThat(FastPath.validRevoke(revoke(body, "application/json"))).as(body).isFalse();
    }
    assertThat(FastPath.validRevoke(revoke(ok, "text/plain"))).isFalse();
    assertThat(FastPath.validRevoke(revoke(ok, "application/json; charset=latin1"))).isFalse();
  }

  private static final String REVOKE = Operation.REVOKE_EARN.path();

  /** The body as the mock's mapper reads it when the fast path does not. */
  private static RevokeEarnRequest readByTheMock(String body) {
    try {
      return Envelopes.JSON.readValue(body, RevokeEarnRequest.class);
    } catch (JsonProcessingException e) {
      throw new AssertionError(body, e);
    }
  }

  private static ApiCall revoke(String body, String contentType) {
    return new ApiCall(
        "POST",
        REVOKE,
        Map.of("Content-Type", List.of(contentType)),
        body.getBytes(StandardCharsets.UTF_8));
  }

  /** Headers as a request carries them: each name with all its values, in order. */
  private static final class Headers {
    final Map<String, List<String>> all = new LinkedHashMap<>();

    void add(String name, String value) {
      all.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }
  }

  private static ApiCall request(Gen gen) {
    String method = gen.chance(95) ? "POST" : gen.pick("PUT", "GET", "PATCH");
    String path =
        gen.chance(93)
            ? REVOKE
            : gen.pick(
                REVOKE + "/",
                "/api_gateway/v1/badges/customer/earn",
                "/API_GATEWAY/v1/badges/customer/revokeEarn");
    Headers builder = new Headers();
    if (gen.chance(5)) {
      path += "?" + gen.pick("a", "format", "x") + "=" + gen.pick("1", "", "json");
    }
    if (!gen.chance(4)) {
      String type =
          gen.pick(
              "application/json",
              "application/json",
              "application/json",
              "APPLICATION/JSON",
              "application/json; charset=utf-8",
              "application/json;charset=UTF-8",
              "application/json; charset=\"utf-8\"",
              " application/json ",
              "application/json; charset=latin1",
              "application/json; version=2",
              "application/problem+json",
              "text/plain",
              "application/x-www-form-urlencoded",
              "");
      builder.add("Content-Type", type);
      if (gen.chance(3)) {
        builder.add("Content-Type", "application/json");
      }
    }
    if (gen.chance(40)) {
      builder.add(
          "Accept",
          gen.pick(
              "*/*",
              "application/json",
              "text/html",
              "application/xml",
              "application/json, text/plain",
              "application/*",
              ""));
    }
    if (gen.chance(40)) {
      builder.add(
          "X-CAP-CUSTOMER-IDENTIFIER",
          gen.pick("email", "mobile", "externalId", "cardNumber", "EMAIL", "phone", "", " email"));
    }
    return new ApiCall(method, path, builder.all, body(gen).getBytes(StandardCharsets.UTF_8));
  }

  private static String body(Gen gen) {
    if (gen.chance(4)) {
      return gen.pick("", "null", "[]", "{}", "not json", "{\"badgeMetaId\":");
    }
    List<String> fields = new ArrayList<>();
    if (!gen.chance(6)) {
      fields.add("\"badgeMetaId\":" + objectId(gen));
    }
    if (!gen.chance(6)) {
      fields.add("\"customerId\":" + customer(gen));
    }
    if (!gen.chance(6)) {
      fields.add("\"earnedBadgeId\":" + objectId(gen));
    }
    if (gen.chance(6)) {
      fields.add("\"" + gen.pick("extra", "requestId", "customerid", "") + "\":" + gen.jsonValue());
    }
    if (gen.chance(3) && !fields.isEmpty()) {
      fields.add(fields.get(0)); // a key given twice
    }
    java.util.Collections.shuffle(fields, new java.util.Random(gen.between(0, 1 << 30)));
    String separator = gen.chance(20) ? ",\n  " : ",";
    String body = "{" + String.join(separator, fields) + "}";
    if (gen.chance(3)) {
      body += gen.pick("x", "{}", " ", "\n");
    }
    return body;
  }

  private static String objectId(Gen gen) {
    String hex = "0123456789abcdefABCDEF";
    int kind = gen.between(0, 99);
    if (kind < 80) {
      return "\"" + gen.from(hex, 24, 24) + "\"";
    }
    return gen.pick(
        "\"" + gen.from(hex, 23, 23) + "\"",
        "\"" + gen.from(hex, 25, 25) + "\"",
        "\"" + gen.from("ghijklmnopqrstuvwxyz", 24, 24) + "\"",
        "\"\"",
        "12345",
        "null",
        "[\"653ddb33b3cda7078c7c68e9\"]",
        "\" 653ddb33b3cda7078c7c68e9\"");
  }

  private static String customer(Gen gen) {
    int kind = gen.between(0, 99);
    if (kind < 50) {
      return String.valueOf(gen.between(1, Integer.MAX_VALUE));
    }
    if (kind < 75) {
      return "\"" + Gen.escape(gen.anyText(1, 40)) + "\"";
    }
    return gen.pick(
        "0",
        "-1",
        "9223372036854775807",
        "9223372036854775808",
        "1.0",
        "1.5",
        "1e3",
        "\"\"",
        "\"" + "a".repeat(256) + "\"",
        "\"" + "a".repeat(257) + "\"",
        "\"" + "\uD83D\uDE00".repeat(128) + "\"",
        "\"" + "\uD83D\uDE00".repeat(129) + "\"",
        "true",
        "null",
        "{\"id\":1}",
        "\" 62090013 \"");
  }

  private static String describe(ApiCall request, String body) {
    return request.method() + " " + request.url() + " " + request.headers() + " " + body;
  }
}
