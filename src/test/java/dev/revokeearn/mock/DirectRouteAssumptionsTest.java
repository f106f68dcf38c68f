package dev.revokeearn.mock;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.core.Version;
import com.github.tomakehurst.wiremock.global.GlobalSettings;
import com.github.tomakehurst.wiremock.http.trafficlistener.DoNothingWiremockNetworkTrafficListener;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * The direct route answers before WireMock only while WireMock would add nothing, and it decides
 * that by looking at what WireMock had in {@value #REVIEWED}: its stubs, its global delay settings,
 * request logging, form bodies. A WireMock upgrade may add a setting that changes an answer; this
 * fails until someone has read the new version's settings and updated {@code DirectRoute} (and this
 * list) if one matters.
 */
class DirectRouteAssumptionsTest {
  static final String REVIEWED = "3.13.2";

  @Test
  void wireMockIsTheVersionDirectRoutesListWasWrittenFor() {
    assertThat(Version.getCurrentVersion())
        .as(
            "WireMock changed: review DirectRoute's list of what WireMock could add to an answer,"
                + " then update REVIEWED")
        .isEqualTo(REVIEWED);
  }

  @Test
  void theGlobalSettingsAreThoseDirectRouteLooksAtOrKnowsToBeHarmless() {
    // fixedDelay, delayDistribution: the direct route steps aside for them. extended: settings of
    // extensions (there are none but ours). proxyPassThrough: only for proxy stubs, which send
    // every request through WireMock anyway.
    assertThat(
            Arrays.stream(GlobalSettings.class.getDeclaredFields())
                .filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(Field::getName))
        .containsExactlyInAnyOrder(
            "fixedDelay", "delayDistribution", "extended", "proxyPassThrough");
  }

  /**
   * The mock's server uses a plain connector where WireMock's reports network traffic to a
   * listener; it would lose nothing only while the mock sets none.
   */
  @Test
  void theMockSetsNoNetworkTrafficListenerForItsPlainConnectorToMiss() {
    try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
      assertThat(mock.wireMock().getOptions().networkTrafficListener())
          .isInstanceOf(DoNothingWiremockNetworkTrafficListener.class);
    }
  }
}
