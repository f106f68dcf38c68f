package com.example.badges;

import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.RequestResponsePact;
import au.com.dius.pact.core.model.annotations.Pact;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The consumer's expectations of revokeEarn, as a Pact (V3) written by pact-jvm's consumer DSL. */
@Order(1)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "revoke-earn", pactVersion = PactSpecVersion.V3)
class RevokePactTest {
  static final String PATH = "/api_gateway/v1/badges/customer/revokeEarn";
  /** The demo seed's till, as Capillary wants it: base64("demo.till:" + md5("demo-password")). */
  static final String BASIC = "Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5";
  static final String BADGE = "653ddb33b3cda7078c7c68e9";
  static final String EARNED = "6650a0b1c2d3e4f5a6b7c8d9";
  static final long CUSTOMER = 62090013;
  static final Map<String, Object> INSTANCE =
      Map.of("badgeMetaId", BADGE, "customerId", CUSTOMER, "earnedBadgeId", EARNED);

  static PactDslJsonBody revokeBody(Object customerId) {
    PactDslJsonBody body = new PactDslJsonBody().stringValue("badgeMetaId", BADGE);
    if (customerId instanceof Number number) {
      body.numberValue("customerId", number);
    } else {
      body.stringValue("customerId", (String) customerId);
    }
    return body.stringValue("earnedBadgeId", EARNED);
  }

  static PactDslJsonBody revoked() {
    PactDslJsonBody body = new PactDslJsonBody();
    body.object("data")
        .stringValue("badgeMetaId", BADGE)
        .integerType("customerId", CUSTOMER)
        .stringValue("earnedBadgeId", EARNED)
        .booleanValue("isActive", false)
        .closeObject();
    body.array("errors").closeArray();
    body.array("warnings").closeArray();
    return body;
  }

  static PactDslJsonBody error(int code) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.nullValue("data");
    body.minArrayLike("errors", 1).integerType("code", code).stringType("message").closeArray();
    return body;
  }

  @Pact(consumer = "badges-client")
  RequestResponsePact revokeAnActiveInstance(PactDslWithProvider builder) {
    return builder
        .given("an active earn instance", INSTANCE)
        .uponReceiving("revoke an active earn instance")
        .method("POST").path(PATH)
        .headers(Map.of("Authorization", BASIC, "Content-Type", "application/json"))
        .body(revokeBody(CUSTOMER))
        .willRespondWith()
        .status(200)
        .body(revoked())
        .toPact();
  }

  @Pact(consumer = "badges-client")
  RequestResponsePact revokeTwice(PactDslWithProvider builder) {
    return builder
        .given("a revoked earn instance", INSTANCE)
        .uponReceiving("revoke an instance that is revoked already")
        .method("POST").path(PATH)
        .headers(Map.of("Authorization", BASIC, "Content-Type", "application/json"))
        .body(revokeBody(CUSTOMER))
        .willRespondWith()
        .status(409)
        .body(error(814))
        .toPact();
  }

  @Pact(consumer = "badges-client")
  RequestResponsePact revokeByEmail(PactDslWithProvider builder) {
    return builder
        .given("a customer", Map.of("customerId", CUSTOMER, "email", "ann@example.com"))
        .given("an active earn instance", INSTANCE)
        .uponReceiving("revoke naming the customer by email")
        .method("POST").path(PATH)
        .headers(
            Map.of(
                "Authorization", BASIC,
                "Content-Type", "application/json",
                "X-CAP-CUSTOMER-IDENTIFIER", "email"))
        .body(revokeBody("ann@example.com"))
        .willRespondWith()
        .status(200)
        .body(revoked())
        .toPact();
  }

  @Pact(consumer = "badges-client")
  RequestResponsePact capillaryFails(PactDslWithProvider builder) {
    return builder
        .given("an active earn instance", INSTANCE)
        .given("Capillary fails", Map.of("operation", "revokeEarn", "status", 503))
        .uponReceiving("revoke while Capillary is unavailable")
        .method("POST").path(PATH)
        .headers(Map.of("Authorization", BASIC, "Content-Type", "application/json"))
        .body(revokeBody(CUSTOMER))
        .willRespondWith()
        .status(503)
        .body(error(4001))
        .toPact();
  }

  @Test
  @PactTestFor(pactMethod = "revokeAnActiveInstance")
  void revokes(MockServer server) throws Exception {
    assertEquals(RevokeClient.Result.REVOKED, client(server).revoke(BADGE, CUSTOMER, EARNED));
  }

  @Test
  @PactTestFor(pactMethod = "revokeTwice")
  void aSecondRevokeIsDoneNotAFailure(MockServer server) throws Exception {
    assertEquals(
        RevokeClient.Result.ALREADY_REVOKED, client(server).revoke(BADGE, CUSTOMER, EARNED));
  }

  @Test
  @PactTestFor(pactMethod = "revokeByEmail")
  void revokesByEmail(MockServer server) throws Exception {
    HttpResponse<String> answer =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create(server.getUrl() + PATH))
                    .header("Authorization", BASIC)
                    .header("Content-Type", "application/json")
                    .header("X-CAP-CUSTOMER-IDENTIFIER", "email")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"badgeMetaId\":\"" + BADGE + "\",\"customerId\":\"ann@example.com\","
                                + "\"earnedBadgeId\":\"" + EARNED + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertEquals(200, answer.statusCode());
  }

  @Test
  @PactTestFor(pactMethod = "capillaryFails")
  void anOutageIsAFailure(MockServer server) throws Exception {
    assertEquals(RevokeClient.Result.FAILED, client(server).revoke(BADGE, CUSTOMER, EARNED));
  }

  static RevokeClient client(MockServer server) {
    return new RevokeClient(server.getUrl(), BASIC);
  }
}
