package com.example.badges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.junit.RevokeEarnMockExtension;
import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The usual Spring Boot wiring: the application's own Flyway (Boot's version) migrates its
 * database, and its client reads the mock's URL from @DynamicPropertySource, before any test runs.
 */
@SpringBootTest
class BootContextTest {
  @RegisterExtension
  static final RevokeEarnMockExtension capillary = new RevokeEarnMockExtension();

  @DynamicPropertySource
  static void capillaryUrl(DynamicPropertyRegistry registry) {
    registry.add("capillary.base-url", capillary::baseUrl);
  }

  @Autowired BadgesApplication.RevokeClient client;
  @Autowired Flyway flyway;

  @Test
  void theApplicationsFlywayIsItsOwnAndItsClientReachesTheMock() throws Exception {
    // Boot's own flyway-core jar, not the copy relocated inside revoke-earn's artifact: the jar
    // file's name says which, wherever the checkout and the local repository live.
    String jar = Path.of(Flyway.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getFileName().toString();
    assertThat(jar).startsWith("flyway-core-").doesNotStartWith("revoke-earn");
    assertThat(flyway.info().applied()).hasSize(1);

    String earned = capillary.givenActiveEarn("653ddb33b3cda7078c7c68e9", 62090013);
    assertThat(client.revoke(capillary.basicAuthorization(), "653ddb33b3cda7078c7c68e9", 62090013, earned))
        .isEqualTo(200);
    assertThat(client.revoke(capillary.basicAuthorization(), "653ddb33b3cda7078c7c68e9", 62090013, earned))
        .isEqualTo(409);
  }
}
