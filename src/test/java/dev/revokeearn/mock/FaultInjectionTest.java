package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.revokeearn.gate.Contract;
import dev.revokeearn.gate.ContractStatuses;
import dev.revokeearn.seed.SeedFiles;
import dev.revokeearn.testing.Credentials;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Declared faults fire as declared, over real HTTP, and leave the state a retry must meet. */
class FaultInjectionTest {
  static final String FAULTS = "/__admin/revoke-earn/faults";
  static final String BADGE = "aaaaaaaaaaaaaaaaaaaaaaaa";
  static final String SEED =
      """
      orgs:
        - orgId: 1
          tills: [{username: a.till, password: a-pass}]
          oauthClients: [{key: a-key, secret: a-secret}]
          customers: [{id: 500, email: ann@example.com}]
          badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, claims: [{ownerType: Loyalty, referenceId: "1"}]}]
          earnInstances:
            - {earnedBadgeId: aaaaaaaaaaaaaaaaaaaaaaa1, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 500}
            - {earnedBadgeId: aaaaaaaaaaaaaaaaaaaaaaa2, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 500}
        - orgId: 2
          tills: [{username: b.till, password: b-pass}]
          customers: [{id: 500}]
          badges: [{badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, claims: [{ownerType: Loyalty, referenceId: "1"}]}]
          earnInstances:
            - {earnedBadgeId: bbbbbbbbbbbbbbbbbbbbbbb1, badgeMetaId: aaaaaaaaaaaaaaaaaaaaaaaa, customerId: 500}
      """;
  static final ObjectMapper JSON = new ObjectMapper();
  static final OpenApiInteractionValidator CONTRACT =
      OpenApiInteractionValidator.createForInlineApiSpecification(Contract.text()).build();

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();
  RevokeEarnMock mock;

  @TempDir Path dir;

  RevokeEarnMock start(Path stateDir) {
    RevokeEarnMock.Builder builder =
        RevokeEarnMock.builder()
            .port(0)
            .seed(
                SeedFiles.parse(
                    new ByteArrayInputStream(SEED.getBytes(StandardCharsets.UTF_8)), "test"));
    if (stateDir != null) {
      builder.stateDir(stateDir);
    }
    mock = builder.build().start();
    return mock;
  }

  @AfterEach
  void stop() {
    if (mock != null) {
      mock.close();
    }
  }

  HttpResponse<String> post(String path, String authorization, String body) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path))
            .timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  HttpResponse<String> revoke(String tillAndPassword, String earnedBadgeId) throws Exception {
    String[] till = tillAndPassword.split(":");
    return post(
        REVOKE,
        Credentials.basic(till[0], till[1]),
        "{\"badgeMetaId\":\""
            + BADGE
            + "\",\"customerId\":500,\"earnedBadgeId\":\""
            + earnedBadgeId
            + "\"}");
  }

  HttpResponse<String> earn(String requestId) throws Exception {
    return post(
        EARN,
        Credentials.basic("a.till", "a-pass"),
        "{\"badgeMetaId\":\""
            + BADGE
            + "\",\"customerId\":500,\"requestId\":\""
            + requestId
            + "\",\"triggeredBy\":{\"ownerType\":\"Loyalty\",\"referenceId\":\"1\"}}");
  }

  HttpResponse<String> declare(String declaration) throws Exception {
    return post(FAULTS, null, declaration);
  }

  long declared(String declaration) throws Exception {
    HttpResponse<String> answer = declare(declaration);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return JSON.readTree(answer.body()).get("id").asLong();
  }

  boolean active(long orgId, String earnedBadgeId) {
    return mock.state()
        .orgs()
        .ledger(orgId)
        .orElseThrow()
        .store()
        .earn(earnedBadgeId)
        .orElseThrow()
        .active();
  }

  static long code(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body()).path("errors").path(0).path("code").asLong();
  }

  /** Every error status the contract declares, for each operation. */
  static Stream<Arguments> declaredErrors() {
    List<Arguments> cases = new ArrayList<>();
    for (String operation : List.of("revokeEarn", "earn", "token")) {
      String operationId =
          switch (operation) {
            case "earn" -> "earnBadge";
            case "token" -> "generateOAuthToken";
            default -> operation;
          };
      for (int status = 400; status < 600; status++) {
        if (ContractStatuses.shared().declares(operationId, status)) {
          cases.add(Arguments.of(operation, status));
        }
      }
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("declaredErrors")
  void anErrorFaultAnswersWhatTheContractDeclaresAndOnlyAsOftenAsDeclared(
      String operation, int status) throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\""
            + operation
            + "\",\"times\":1,\"fault\":{\"type\":\"error\",\"status\":"
            + status
            + "}}");

    String path =
        switch (operation) {
          case "earn" -> EARN;
          case "token" -> TOKEN;
          default -> REVOKE;
        };
    HttpResponse<String> injected = call(operation, "first");
    HttpResponse<String> next = call(operation, "second");

    assertThat(injected.statusCode()).as(injected.body()).isEqualTo(status);
    assertThat(injected.headers().firstValue("X-CAP-REQUEST-ID")).isPresent();
    ValidationReport report =
        CONTRACT.validateResponse(path, Request.Method.POST, response(injected));
    assertThat(report.getMessages()).as(injected.body()).isEmpty();
    assertThat(next.statusCode()).as(next.body()).isEqualTo(200);
    // Nothing beyond what the mock's own error answers carry (Retry-After where declared).
    HttpResponse<String> plainError = post(path, null, "{}");
    java.util.Set<String> extra = new java.util.TreeSet<>(injected.headers().map().keySet());
    extra.removeAll(plainError.headers().map().keySet());
    assertThat(extra).isSubsetOf("retry-after");
    if (status == 503) {
      assertThat(code(injected)).isEqualTo(4001);
    }
    if (status == 429) {
      assertThat(injected.headers().firstValue("Retry-After")).hasValue("1");
    }
  }

  private HttpResponse<String> call(String operation, String requestId) throws Exception {
    return switch (operation) {
      case "earn" -> earn(requestId);
      case "token" -> post(TOKEN, null, "{\"key\":\"a-key\",\"secret\":\"a-secret\"}");
      default ->
          revoke(
              "a.till:a-pass",
              requestId.equals("first") ? "aaaaaaaaaaaaaaaaaaaaaaa1" : "aaaaaaaaaaaaaaaaaaaaaaa2");
    };
  }

  private static SimpleResponse response(HttpResponse<String> answer) {
    SimpleResponse.Builder response = SimpleResponse.Builder.status(answer.statusCode());
    answer.headers().map().forEach(response::withHeader);
    return response.withBody(answer.body()).build();
  }

  @Test
  void anErrorCarriesTheDeclaredCodeMessageAndRetryAfter() throws Exception {
    start(null);
    declared(
        """
        {"orgId": 1, "operation": "revokeEarn", "fault": {"type": "error", "status": 503,
         "code": 4001, "message": "try later", "retryAfterSeconds": 7}}
        """);

    HttpResponse<String> answer = revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1");

    assertThat(answer.statusCode()).isEqualTo(503);
    assertThat(answer.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(JSON.readTree(answer.body()))
        .isEqualTo(
            JSON.readTree(
                "{\"data\":null,\"errors\":[{\"code\":4001,\"message\":\"try later\","
                    + "\"reference\":null}],\"warnings\":null}"));
    assertThat(active(1, "aaaaaaaaaaaaaaaaaaaaaaa1")).as("an error applies nothing").isTrue();
  }

  @Test
  void aDelayHoldsTheRealAnswerBack() throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,"
            + "\"fault\":{\"type\":\"delay\",\"millis\":600}}");

    long started = System.nanoTime();
    HttpResponse<String> delayed = revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1");
    long delayedMillis = (System.nanoTime() - started) / 1_000_000;

    assertThat(delayed.statusCode()).isEqualTo(200);
    assertThat(delayedMillis).isGreaterThanOrEqualTo(600);
    assertThat(active(1, "aaaaaaaaaaaaaaaaaaaaaaa1")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"reset", "empty-response", "malformed-response"})
  void aTransportFaultEndsTheConnectionBeforeAnythingIsApplied(String type) throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,\"fault\":{\"type\":\""
            + type
            + "\"}}");

    assertThatThrownBy(() -> revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1"))
        .isInstanceOf(IOException.class);

    assertThat(active(1, "aaaaaaaaaaaaaaaaaaaaaaa1")).isTrue();
    assertThat(revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1").statusCode()).isEqualTo(200);
    assertThat(mock.state().exchanges().of(1).get(0).fault()).isEqualTo(type);
    assertThat(mock.state().exchanges().of(1).get(0).status()).isZero();
  }

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void aRevokeAppliedThenResetIsDurableAndItsRetryGets814(boolean sqlite) throws Exception {
    Path stateDir = sqlite ? dir.resolve("state") : null;
    start(stateDir);
    declared(
        """
        {"orgId": 1, "operation": "revokeEarn", "match": {"earnedBadgeId": "AAAAAAAAAAAAAAAAAAAAAAA1"},
         "times": 1, "fault": {"type": "applied-then-reset"}}
        """);

    assertThat(revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa2").statusCode())
        .as("another instance is not matched")
        .isEqualTo(200);
    assertThatThrownBy(() -> revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1"))
        .isInstanceOf(IOException.class);
    if (sqlite) {
      mock.close();
      start(stateDir); // the revoke was committed before the connection went
    }

    assertThat(active(1, "aaaaaaaaaaaaaaaaaaaaaaa1")).isFalse();
    HttpResponse<String> retried = revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1");
    assertThat(retried.statusCode()).isEqualTo(409);
    assertThat(code(retried)).isEqualTo(814);
  }

  @Test
  void anEarnAppliedThenResetMakesItsRetry809() throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\"earn\",\"times\":1,"
            + "\"fault\":{\"type\":\"applied-then-reset\"}}");

    assertThatThrownBy(() -> earn("order-1")).isInstanceOf(IOException.class);
    HttpResponse<String> retried = earn("order-1");

    assertThat(code(retried)).as(retried.body()).isEqualTo(809);
    assertThat(mock.state().orgs().ledger(1).orElseThrow().store().earns()).hasSize(3);
  }

  @Test
  void aSeededProbabilityReplaysTheSame40RequestsAfterAReset() throws Exception {
    start(null);
    String declaration =
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"probability\":0.4,\"seed\":42,"
            + "\"fault\":{\"type\":\"error\",\"status\":503}}";
    declared(declaration);
    List<Integer> first = statuses(40);
    mock.reset();
    declared(declaration);
    List<Integer> replayed = statuses(40);

    assertThat(replayed).isEqualTo(first).contains(503, 409);
    JsonNode listing = JSON.readTree(get(FAULTS).body()).get("faults").get(0);
    assertThat(listing.get("seen").asLong()).isEqualTo(40);
    assertThat(listing.get("fired").asLong())
        .isEqualTo(replayed.stream().filter(s -> s == 503).count());
  }

  private List<Integer> statuses(int count) throws Exception {
    List<Integer> statuses = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      // Nobody's instance: 814 unless the fault fires, so every request meets the same state.
      statuses.add(revoke("a.till:a-pass", "cccccccccccccccccccccccc").statusCode());
    }
    return statuses;
  }

  @Test
  void aFaultOfOneOrgNeverFiresForAnother() throws Exception {
    start(null);
    declared(
        "{\"orgId\":2,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":500}}");

    assertThat(revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1").statusCode()).isEqualTo(200);
    assertThat(revoke("b.till:b-pass", "bbbbbbbbbbbbbbbbbbbbbbb1").statusCode()).isEqualTo(500);
    assertThat(active(2, "bbbbbbbbbbbbbbbbbbbbbbb1")).isTrue();
  }

  @Test
  void faultsFireOnlyForRequestsTheOrgWouldServe() throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":503}}");

    assertThat(revoke("a.till:wrong", "aaaaaaaaaaaaaaaaaaaaaaa1").statusCode()).isEqualTo(401);
    assertThat(
            post(REVOKE, Credentials.basic("a.till", "a-pass"), "{\"badgeMetaId\":1}").statusCode())
        .isEqualTo(400);
    assertThat(revoke("a.till:a-pass", "aaaaaaaaaaaaaaaaaaaaaaa1").statusCode()).isEqualTo(503);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":404}}|fault.status",
        "{\"orgId\":1,\"operation\":\"token\",\"fault\":{\"type\":\"error\",\"status\":409}}|fault.status",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":200}}|fault.status",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":418}}|fault.status",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"error\",\"status\":500,\"retryAfterSeconds\":3}}|fault.retryAfterSeconds",
        "{\"orgId\":9,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"reset\"}}|orgId",
        "{\"orgId\":\"x\",\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"reset\"}}|orgId",
        "{\"orgId\":1,\"operation\":\"revoke\",\"fault\":{\"type\":\"reset\"}}|operation",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":0,\"fault\":{\"type\":\"reset\"}}|times",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,\"probability\":0.5,\"fault\":{\"type\":\"reset\"}}|times",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"probability\":1.5,\"fault\":{\"type\":\"reset\"}}|probability",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"explode\"}}|fault.type",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"delay\",\"millis\":600001}}|fault.millis",
        "{\"orgId\":1,\"operation\":\"earn\",\"match\":{\"earnedBadgeId\":\"x\"},\"fault\":{\"type\":\"reset\"}}|match.earnedBadgeId",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"match\":{\"nickname\":\"x\"},\"fault\":{\"type\":\"reset\"}}|match.nickname",
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"reset\"},\"extra\":1}|extra",
        "{\"orgId\":1,\"operation\":\"revokeEarn\"}|fault",
      })
  void aDeclarationTheMockCannotKeepIsRefusedWith400NamingTheField(String testCase)
      throws Exception {
    start(null);
    String[] parts = testCase.split("\\|");

    HttpResponse<String> refused = declare(parts[0]);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
    assertThat(JSON.readTree(refused.body()).path("errors").findValuesAsText("reference"))
        .as(refused.body())
        .contains(parts[1]);
    assertThat(mock.state().faults().all()).isEmpty();
  }

  @Test
  void theListingShowsEachFaultAsDeclaredAndItsCountsAndDeleteAndResetRemoveThem()
      throws Exception {
    start(null);
    long once =
        declared(
            "{\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,\"fault\":{\"type\":\"error\",\"status\":502}}");
    long other = declared("{\"orgId\":2,\"operation\":\"token\",\"fault\":{\"type\":\"reset\"}}");
    revoke("a.till:a-pass", "cccccccccccccccccccccccc");
    revoke("a.till:a-pass", "cccccccccccccccccccccccc");

    JsonNode faults = JSON.readTree(get(FAULTS).body()).get("faults");
    assertThat(faults).hasSize(2);
    assertThat(faults.get(0))
        .isEqualTo(
            JSON.readTree(
                "{\"id\":"
                    + once
                    + ",\"orgId\":1,\"operation\":\"revokeEarn\",\"times\":1,\"fault\":"
                    + "{\"type\":\"error\",\"status\":502,\"code\":502,\"message\":\"Bad gateway\"},"
                    + "\"seen\":2,\"fired\":1}"));

    assertThat(delete(FAULTS + "/" + other).statusCode()).isEqualTo(200);
    assertThat(delete(FAULTS + "/" + other).statusCode()).isEqualTo(404);
    assertThat(delete(FAULTS + "/abc").statusCode()).isEqualTo(400);
    assertThat(post("/__admin/reset", null, "").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get(FAULTS).body()).get("faults")).isEmpty();

    declared("{\"orgId\":2,\"operation\":\"token\",\"fault\":{\"type\":\"reset\"}}");
    assertThat(delete("/__admin/revoke-earn/orgs/2").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(get(FAULTS).body()).get("faults")).isEmpty();
  }

  @Test
  void aSeedFilesFaultsFireFromTheStartAndComeBackWithEveryReset() throws Exception {
    Path seed = dir.resolve("seed.yaml");
    java.nio.file.Files.writeString(
        seed,
        SEED
            + "    faults:\n"
            + "      - {operation: revokeEarn, times: 1, fault: {type: error, status: 504}}\n");
    mock = RevokeEarnMock.builder().port(0).seedFile(seed).build().start();

    assertThat(revoke("b.till:b-pass", "bbbbbbbbbbbbbbbbbbbbbbb1").statusCode()).isEqualTo(504);
    assertThat(revoke("b.till:b-pass", "bbbbbbbbbbbbbbbbbbbbbbb1").statusCode()).isEqualTo(200);
    mock.reset();
    assertThat(revoke("b.till:b-pass", "bbbbbbbbbbbbbbbbbbbbbbb1").statusCode()).isEqualTo(504);
  }

  @Test
  void aLongDelayHoldsNoServerThreadSoHealthAndTheAdminApiAnswerMeanwhile() throws Exception {
    start(null);
    declared(
        "{\"orgId\":1,\"operation\":\"revokeEarn\",\"fault\":{\"type\":\"delay\",\"millis\":4000}}");
    List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> delayed = new ArrayList<>();
    for (int i = 0; i < 60; i++) {
      delayed.add(
          http.sendAsync(
              HttpRequest.newBuilder(URI.create(mock.baseUrl() + REVOKE))
                  .header("Authorization", Credentials.basic("a.till", "a-pass"))
                  .header("Content-Type", "application/json")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "{\"badgeMetaId\":\""
                              + BADGE
                              + "\",\"customerId\":500,\"earnedBadgeId\":\"aaaaaaaaaaaaaaaaaaaaaaa1\"}"))
                  .build(),
              HttpResponse.BodyHandlers.ofString()));
    }
    Thread.sleep(500); // all 60 are waiting out their delay now

    long started = System.nanoTime();
    assertThat(get("/__admin/health").statusCode()).isEqualTo(200);
    assertThat(get(FAULTS).statusCode()).isEqualTo(200);
    assertThat((System.nanoTime() - started) / 1_000_000)
        .as("ms, while 60 answers wait")
        .isLessThan(1000);

    List<Integer> statuses = new ArrayList<>();
    for (var answer : delayed) {
      statuses.add(answer.get(30, java.util.concurrent.TimeUnit.SECONDS).statusCode());
    }
    assertThat(statuses).containsOnlyOnce(200).containsOnly(200, 409);
  }

  @Test
  void theAdminApiTakesTheBodiesAndQueriesItAlwaysTookAndStillChecksWhatItReads() throws Exception {
    start(null);
    String yaml = "orgs:\n  - orgId: 1\n    customers: [{id: 600}]\n";
    String json = "{\"orgs\":[{\"orgId\":1,\"customers\":[{\"id\":601}]}]}";
    for (String[] seed :
        new String[][] {
          {yaml, "application/x-www-form-urlencoded"},
          {yaml, "application/yaml"},
          {json, "application/json"},
          {json, null}
        }) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/revoke-earn/seed"))
              .POST(HttpRequest.BodyPublishers.ofString(seed[0]));
      if (seed[1] != null) {
        request.header("Content-Type", seed[1]);
      }
      HttpResponse<String> applied =
          http.send(request.build(), HttpResponse.BodyHandlers.ofString());
      assertThat(applied.statusCode()).as(seed[1] + ": " + applied.body()).isEqualTo(200);
    }
    assertThat(post("/__admin/revoke-earn/orgs", null, "{}").statusCode()).isEqualTo(201);
    assertThat(post("/__admin/revoke-earn/reset", null, "{}").statusCode()).isEqualTo(200);
    assertThat(get("/__admin/revoke-earn/state?pretty=1").statusCode()).isEqualTo(200);

    HttpResponse<String> refused = declare("{\"orgId\":\"one\",\"operation\":\"revokeEarn\"}");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"reference\":\"orgId\"");
    assertThat(delete("/__admin/revoke-earn/orgs/abc").statusCode()).isEqualTo(400);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> delete(String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + path)).DELETE().build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
