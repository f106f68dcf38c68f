package dev.revokeearn.contractcheck;

import static dev.revokeearn.testing.Fixtures.EARN;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static dev.revokeearn.testing.Fixtures.TOKEN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import dev.revokeearn.gate.Contract;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's own rules: it loads, and every operation declares the answers the API gives. */
class ContractShapeTest {

  private final OpenAPI api = ContractExamples.parse(Contract.text());

  @Test
  void loadsIntoTheRequestValidator() {
    assertThatCode(
            () ->
                OpenApiInteractionValidator.createForInlineApiSpecification(Contract.text())
                    .build())
        .doesNotThrowAnyException();
  }

  @Test
  void servesTheThreeOperations() {
    assertThat(operation(REVOKE).getOperationId()).isEqualTo("revokeEarn");
    assertThat(operation(EARN).getOperationId()).isEqualTo("earnBadge");
    assertThat(operation(TOKEN).getOperationId()).isEqualTo("generateOAuthToken");
  }

  @Test
  void badgesOperationsDeclareEveryErrorResponseInTheEnvelope() {
    for (String path : List.of(REVOKE, EARN)) {
      assertThat(operation(path).getResponses()).containsKeys("200", "400", "401", "403", "413");
    }
    assertThat(operation(REVOKE).getResponses()).containsKey("409");
    assertThat(operation(EARN).getResponses()).containsKeys("404", "409");
    assertThat(operation(TOKEN).getResponses()).containsKeys("200", "400", "401");

    for (String path : List.of(REVOKE, EARN, TOKEN)) {
      operation(path)
          .getResponses()
          .forEach(
              (status, response) -> {
                if (!status.equals("200")) {
                  assertThat(properties(response))
                      .as(path + " " + status)
                      .containsOnlyKeys("data", "errors", "warnings");
                }
              });
    }
  }

  @Test
  void everyResponseCarriesTheRequestIdHeader() {
    api.getPaths()
        .forEach(
            (path, item) ->
                item.readOperations()
                    .forEach(
                        op ->
                            op.getResponses()
                                .forEach(
                                    (status, response) ->
                                        assertThat(response.getHeaders())
                                            .as(path + " " + status)
                                            .containsKey("X-CAP-REQUEST-ID"))));
  }

  @Test
  void badgesOperationsAcceptBasicOrOAuthAndTheTokenEndpointNeedsNone() {
    assertThat(api.getSecurity())
        .extracting(Map::keySet)
        .containsExactly(java.util.Set.of("basicAuth"), java.util.Set.of("oauthToken"));
    assertThat(operation(REVOKE).getSecurity()).isNull();
    assertThat(operation(TOKEN).getSecurity()).isEmpty();
    assertThat(api.getComponents().getSecuritySchemes().get("oauthToken").getName())
        .isEqualTo("X-CAP-API-OAUTH-TOKEN");
  }

  @Test
  void undocumentedBehaviourIsMarkedAsAnAssumption() {
    String contract = Contract.text();
    long assumptions = contract.lines().filter(l -> l.contains("x-assumption:")).count();
    assertThat(assumptions).isGreaterThanOrEqualTo(8);
  }

  private Operation operation(String path) {
    return api.getPaths().get(path).getPost();
  }

  @SuppressWarnings("rawtypes")
  private static Map<String, Schema> properties(ApiResponse response) {
    return response.getContent().get("application/json").getSchema().getProperties();
  }
}
