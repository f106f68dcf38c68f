package dev.revokeearn.conformance.glue;

import dev.revokeearn.conformance.ConformanceRun;
import dev.revokeearn.conformance.ConformanceTarget;
import dev.revokeearn.conformance.Login;
import dev.revokeearn.conformance.MockControls;
import dev.revokeearn.conformance.TestData;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One scenario's state, shared by its step classes (Cucumber's PicoContainer makes one per scenario
 * and hands it to each): the run's target, the credentials the client sends, the earn instance it
 * set up, and the last answer.
 */
public final class Scenario {
  final ConformanceRun run;
  final ConformanceTarget target;
  final TestData data;
  final List<String> requestIds = new ArrayList<>();
  Map<String, String> credentials = Map.of();
  String earnedBadgeId;
  String requestId;
  Response answer;
  int tokenTtlSeconds;

  public Scenario() {
    run =
        ConformanceRun.current()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "The conformance features run only through ConformanceRunner: use"
                            + " 'java -jar revoke-earn-mock.jar check' or 'mvn test"
                            + " -Dtest=ConformanceTest'"));
    target = run.target();
    data = target.data();
  }

  Login till() {
    return target
        .basic()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "no till credentials: set "
                        + ConformanceTarget.USERNAME
                        + " and "
                        + ConformanceTarget.PASSWORD));
  }

  Login oauthClient() {
    return target
        .oauth()
        .orElseThrow(
            () ->
                Hooks.skip(
                    "no OAuth client: set "
                        + ConformanceTarget.OAUTH_KEY
                        + " and "
                        + ConformanceTarget.OAUTH_SECRET));
  }

  MockControls mock() {
    return target
        .mock()
        .orElseThrow(() -> new IllegalStateException("only the embedded mock has this control"));
  }
}
