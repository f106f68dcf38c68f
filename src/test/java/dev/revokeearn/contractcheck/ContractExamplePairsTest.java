package dev.revokeearn.contractcheck;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.revokeearn.gate.Contract;
import dev.revokeearn.mock.RevokeEarnMock;
import dev.revokeearn.testing.Credentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract's examples are true: every request example has the response example of its name, and
 * sending it to the mock with the demo seed gives that response, in any order, as Specmatic and
 * Microcks send them (one run, no reset between).
 */
class ContractExamplePairsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Values the mock makes anew each time: the example shows one, the answer has another. */
  private static final Map<String, String> GENERATED =
      Map.of("earnBadge", "/data/earnedBadgeId", "generateOAuthToken", "/data/accessToken");

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static RevokeEarnMock mock;
  private final ExampleCases examples = new ExampleCases(ContractExamples.parse(Contract.text()));

  @BeforeAll
  static void start() {
    mock = RevokeEarnMock.builder().port(0).build().start();
  }

  @AfterAll
  static void stop() {
    mock.close();
  }

  @Test
  void everyRequestExampleIsPairedWithTheResponseOfItsName() {
    assertThat(examples.problems()).isEmpty();
    assertThat(examples.cases()).hasSizeGreaterThanOrEqualTo(23);
  }

  @Test
  void theOnlyResponsesWithoutARequestAreThoseNoRequestCanProduce() {
    assertThat(examples.unpaired())
        .extracting(ExampleCases.Unpaired::name)
        .containsExactlyInAnyOrder(
            "revokeTokenExpired",
            "earnTokenExpired",
            "revokeTooLarge",
            "earnTooLarge",
            "tokenTooLarge");
    assertThat(examples.unpaired())
        .allSatisfy(u -> assertThat(u.description()).as(u.name()).startsWith("Needs "));
  }

  @Test
  void eachPairGivesItsResponseFromAFreshlyResetMock() throws Exception {
    List<String> mismatches = new ArrayList<>();
    for (ExampleCases.Case c : examples.cases()) {
      reset();
      mismatches.addAll(run(c));
    }
    assertThat(mismatches).isEmpty();
  }

  @Test
  void thePairsNeedNoOrderInOneRun() throws Exception {
    List<ExampleCases.Case> reversed = new ArrayList<>(examples.cases());
    java.util.Collections.reverse(reversed);
    for (List<ExampleCases.Case> order : List.of(examples.cases(), reversed)) {
      reset();
      List<String> mismatches = new ArrayList<>();
      for (ExampleCases.Case c : order) {
        mismatches.addAll(run(c));
      }
      assertThat(mismatches).isEmpty();
    }
  }

  @Test
  void aPairWhoseResponseIsNotWhatTheMockAnswersIsReported() throws Exception {
    String wrong = Contract.text().replace("code: 809", "code: 808");
    ExampleCases.Case duplicate =
        new ExampleCases(ContractExamples.parse(wrong))
            .cases().stream()
                .filter(c -> c.name().equals("duplicateRequestId"))
                .findFirst()
                .orElseThrow();
    reset();
    assertThat(run(duplicate))
        .singleElement()
        .asString()
        .contains("duplicateRequestId", "808", "809");
  }

  @Test
  void externalExamplesRepeatTheirInlinePairWithOtherCredentials() throws IOException {
    List<ExampleCases.Case> external =
        examples.cases().stream().filter(c -> c.external() != null).toList();
    assertThat(external)
        .extracting(ExampleCases.Case::name)
        .containsExactlyInAnyOrder(
            "revokeWrongPassword",
            "revokeWithoutBadgesAccess",
            "earnWrongPassword",
            "earnWithoutBadgesAccess");
    for (ExampleCases.Case c : external) {
      JsonNode request = c.external().path("http-request");
      JsonNode response = c.external().path("http-response");
      assertThat(request.path("method").asText()).as(c.name()).isEqualTo("POST");
      assertThat(request.path("path").asText()).as(c.name()).isEqualTo(c.path());
      assertThat(request.path("body")).as(c.name()).isEqualTo(c.request());
      assertThat(request.path("headers").path("Authorization").asText())
          .as(c.name())
          .startsWith("Basic ");
      assertThat(response.path("status").asInt()).as(c.name()).isEqualTo(c.status());
      assertThat(response.path("body")).as(c.name()).isEqualTo(c.response());
    }
    Set<String> files;
    try (Stream<Path> list = Files.list(ExampleCases.EXTERNAL)) {
      files = list.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
    assertThat(files)
        .as("every external example belongs to a pair of the contract")
        .isEqualTo(external.stream().map(c -> c.name() + ".json").collect(Collectors.toSet()));
  }

  /** Sends the case's request; what differs from its response example, one line each. */
  private static List<String> run(ExampleCases.Case c) throws IOException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(mock.baseUrl() + c.path()))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(c.request())));
    c.headers().forEach(request::header);
    String authorization = authorization(c);
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    List<String> mismatches = new ArrayList<>();
    String where = c.operationId() + " " + c.name() + ": ";
    if (answer.statusCode() != c.status()) {
      mismatches.add(
          where
              + "status "
              + answer.statusCode()
              + ", the example says "
              + c.status()
              + "; "
              + answer.body());
      return mismatches;
    }
    JsonNode expected = c.response().deepCopy();
    JsonNode actual = JSON.readTree(answer.body());
    String generated = GENERATED.get(c.operationId());
    if (generated != null && c.status() == 200 && actual.at(generated).isTextual()) {
      replace(expected, generated);
      replace(actual, generated);
    }
    if (!expected.equals(actual)) {
      mismatches.add(where + "answered " + actual + ", the example says " + expected);
    }
    return mismatches;
  }

  /** The external example's credentials, else a valid till's where the operation needs one. */
  private static String authorization(ExampleCases.Case c) {
    if (c.external() != null) {
      return c.external().path("http-request").path("headers").path("Authorization").asText();
    }
    return c.operationId().equals("generateOAuthToken") ? null : Credentials.demo();
  }

  private static void replace(JsonNode root, String pointer) {
    int slash = pointer.lastIndexOf('/');
    ((ObjectNode) root.at(pointer.substring(0, slash)))
        .put(pointer.substring(slash + 1), "<generated>");
  }

  private static void reset() throws IOException, InterruptedException {
    HttpResponse<String> reset =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(mock.baseUrl() + "/__admin/reset"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(reset.statusCode()).isEqualTo(200);
  }
}
