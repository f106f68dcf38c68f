package dev.revokeearn.conformance.glue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.revokeearn.api.Operation;
import dev.revokeearn.conformance.Login;
import io.cucumber.java.en.When;

/** When: the OAuth token endpoint. */
public class TokenSteps {
  private final Scenario scenario;
  private final Requests requests;

  public TokenSteps(Scenario scenario, Requests requests) {
    this.scenario = scenario;
    this.requests = requests;
  }

  @When("the client asks for an OAuth token with its key and secret")
  public void tokenWithKeyAndSecret() {
    Login client = scenario.oauthClient();
    scenario.answer = requests.requestToken(client.user(), client.secret());
  }

  @When("the client asks for an OAuth token with a wrong secret")
  public void tokenWithWrongSecret() {
    scenario.answer = requests.requestToken(key(), "conformance-wrong-secret");
  }

  @When("the client asks for an OAuth token without a secret")
  public void tokenWithoutSecret() {
    requests.send(
        Operation.TOKEN,
        requests.api().body(JsonNodeFactory.instance.objectNode().put("key", key()).toString()));
  }

  private String key() {
    return scenario.target.oauth().map(Login::user).orElse("conformance-unknown-key");
  }
}
