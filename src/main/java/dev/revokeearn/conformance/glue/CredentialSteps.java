package dev.revokeearn.conformance.glue;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.auth.BasicCredentials;
import dev.revokeearn.auth.Md5;
import dev.revokeearn.conformance.Login;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.When;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

/** Given: the credentials the client sends. */
public class CredentialSteps {
  private final Scenario scenario;
  private final Requests requests;

  public CredentialSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @Given("the client authenticates with the till's Basic credentials")
  public void basicCredentials() {
    scenario.credentials = Map.of("Authorization", requests.basicHeader());
  }

  @Given("the client authenticates with an OAuth token")
  public void oauthToken() {
    Login client = scenario.oauthClient();
    Response token = requests.requestToken(client.user(), client.secret());
    assertThat(token.statusCode()).as("token: %s", token.asString()).isEqualTo(200);
    scenario.tokenTtlSeconds = token.path("data.ttlSeconds");
    scenario.credentials = Map.of("X-CAP-API-OAUTH-TOKEN", token.path("data.accessToken"));
  }

  @Given("the client sends no credentials")
  public void noCredentials() {
    scenario.credentials = Map.of();
  }

  @Given("the client authenticates with a wrong password")
  public void wrongPassword() {
    Login till = scenario.till();
    scenario.credentials =
        Map.of("Authorization", basic(till.user(), Md5.hex(till.secret() + "-wrong")));
  }

  @Given("the client authenticates with the till's password unhashed")
  public void unhashedPassword() {
    Login till = scenario.till();
    scenario.credentials = Map.of("Authorization", basic(till.user(), till.secret()));
  }

  @Given("the client authenticates as a till that does not exist")
  public void unknownTill() {
    scenario.credentials =
        Map.of(
            "Authorization",
            BasicCredentials.header(
                "conformance-unknown-" + UUID.randomUUID().toString().substring(0, 8),
                scenario.till().secret()));
  }

  @Given("the client sends a well-formed token that was never issued")
  public void forgedToken() {
    // A signed JWT of the shape OAuth tokens have, signed with a key of our own.
    Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
    String header =
        url.encodeToString("{\"alg\":\"HS256\",\"typ\":\"JWT\"}".getBytes(StandardCharsets.UTF_8));
    String claims =
        url.encodeToString(
            ("{\"sub\":\""
                    + scenario.target.oauth().map(Login::user).orElse("conformance")
                    + "\",\"exp\":"
                    + (Instant.now().getEpochSecond() + 3600)
                    + "}")
                .getBytes(StandardCharsets.UTF_8));
    String signature =
        url.encodeToString(Md5.hex(header + claims).getBytes(StandardCharsets.UTF_8));
    scenario.credentials = Map.of("X-CAP-API-OAUTH-TOKEN", header + "." + claims + "." + signature);
  }

  @Given("the client sends the OAuth token {string}")
  public void oauthTokenValue(String token) {
    scenario.credentials = Map.of("X-CAP-API-OAUTH-TOKEN", token);
  }

  @Given("the client authenticates as a till without access to badges")
  public void tillWithoutAccess() {
    Login till = scenario.mock().tillWithoutAccess();
    scenario.credentials =
        Map.of("Authorization", BasicCredentials.header(till.user(), till.secret()));
  }

  @When("the token's lifetime has passed")
  public void tokenLifetimePasses() {
    scenario.mock().advanceClock(Duration.ofSeconds(scenario.tokenTtlSeconds + 1L));
  }

  private static String basic(String user, String secret) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + secret).getBytes(StandardCharsets.UTF_8));
  }
}
