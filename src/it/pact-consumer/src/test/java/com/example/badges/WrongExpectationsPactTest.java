package com.example.badges;

import static com.example.badges.RevokePactTest.BADGE;
import static com.example.badges.RevokePactTest.BASIC;
import static com.example.badges.RevokePactTest.CUSTOMER;
import static com.example.badges.RevokePactTest.EARNED;
import static com.example.badges.RevokePactTest.INSTANCE;
import static com.example.badges.RevokePactTest.PATH;
import static org.junit.jupiter.api.Assertions.assertEquals;

import au.com.dius.pact.consumer.MockServer;
import au.com.dius.pact.consumer.dsl.PactDslJsonBody;
import au.com.dius.pact.consumer.dsl.PactDslWithProvider;
import au.com.dius.pact.consumer.junit5.PactConsumerTestExt;
import au.com.dius.pact.consumer.junit5.PactTestFor;
import au.com.dius.pact.core.model.PactSpecVersion;
import au.com.dius.pact.core.model.V4Pact;
import au.com.dius.pact.core.model.annotations.Pact;
import au.com.dius.pact.core.model.annotations.PactDirectory;
import java.util.Map;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A careless consumer (a V4 pact): it expects a second revoke to succeed, and customerId back as a
 * string. Its own tests pass against Pact's mock server, as they would; only a verification can say
 * the API never answers that way.
 */
@Order(1)
@ExtendWith(PactConsumerTestExt.class)
@PactTestFor(providerName = "revoke-earn", pactVersion = PactSpecVersion.V4)
@PactDirectory("target/wrong-pacts")
class WrongExpectationsPactTest {
  @Pact(consumer = "careless-client")
  V4Pact revokedTwiceIsOk(PactDslWithProvider builder) {
    return builder
        .given("a revoked earn instance", INSTANCE)
        .uponReceiving("a second revoke answered 200")
        .method("POST").path(PATH)
        .headers(Map.of("Authorization", BASIC, "Content-Type", "application/json"))
        .body(RevokePactTest.revokeBody(CUSTOMER))
        .willRespondWith()
        .status(200)
        .body(RevokePactTest.revoked())
        .toPact(V4Pact.class);
  }

  @Pact(consumer = "careless-client")
  V4Pact customerIdAsAString(PactDslWithProvider builder) {
    PactDslJsonBody body = new PactDslJsonBody();
    body.object("data")
        .stringValue("badgeMetaId", BADGE)
        .stringValue("customerId", String.valueOf(CUSTOMER))
        .stringValue("earnedBadgeId", EARNED)
        .booleanValue("isActive", false)
        .closeObject();
    return builder
        .given("an active earn instance", INSTANCE)
        .uponReceiving("customerId answered as a string")
        .method("POST").path(PATH)
        .headers(Map.of("Authorization", BASIC, "Content-Type", "application/json"))
        .body(RevokePactTest.revokeBody(CUSTOMER))
        .willRespondWith()
        .status(200)
        .body(body)
        .toPact(V4Pact.class);
  }

  @Test
  @PactTestFor(pactMethod = "revokedTwiceIsOk")
  void believesASecondRevokeSucceeds(MockServer server) throws Exception {
    assertEquals(
        RevokeClient.Result.REVOKED,
        RevokePactTest.client(server).revoke(BADGE, CUSTOMER, EARNED));
  }

  @Test
  @PactTestFor(pactMethod = "customerIdAsAString")
  void believesCustomerIdIsAString(MockServer server) throws Exception {
    assertEquals(
        RevokeClient.Result.REVOKED,
        RevokePactTest.client(server).revoke(BADGE, CUSTOMER, EARNED));
  }
}
