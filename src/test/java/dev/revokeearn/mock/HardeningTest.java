package dev.revokeearn.mock;

import static dev.revokeearn.testing.Fixtures.DOC_REVOKE;
import static dev.revokeearn.testing.Fixtures.REVOKE;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.revokeearn.testing.Credentials;
import dev.revokeearn.testing.Fixtures;
import dev.revokeearn.testing.RawHttp;
import io.restassured.specification.RequestSpecification;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What outside checks found, one test each: the mock's API and state survive its admin API. */
class HardeningTest {

  @TempDir Path dir;
  Path seedFile;
  RevokeEarnMock mock;

  @BeforeEach
  void start() throws Exception {
    seedFile = dir.resolve("seed.yaml");
    try (var demo =
        getClass().getClassLoader().getResourceAsStream("revoke-earn/default-seed.yaml")) {
      Files.write(seedFile, demo.readAllBytes());
    }
    mock = RevokeEarnMock.builder().port(0).seedFile(seedFile).build().start();
  }

  @AfterEach
  void stop() {
    mock.close();
  }

  RequestSpecification api() {
    return Fixtures.api(mock);
  }

  RequestSpecification admin() {
    return given().baseUri(mock.baseUrl());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "?a=|",
        "?a={",
        "?a=%",
        "?a=%zz",
        "?x=}&y=\"",
        "?q=[]^`",
        // A bad escape in the path leaves Jetty's query empty; WireMock splits the URI itself.
        "/%=?a=%O",
        "/%=?a=%O#%3a"
      })
  void anIllegalCharacterInTheQueryIsA400InTheEnvelope(String tail) throws Exception {
    RawHttp.Answer answer =
        new RawHttp("127.0.0.1", mock.port())
            .send(
                RawHttp.request(
                    "POST",
                    REVOKE + tail,
                    Map.of("Authorization", Credentials.demo(), "Content-Type", "application/json"),
                    DOC_REVOKE.getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.header("Content-Type")).startsWith("application/json");
    assertThat(answer.text())
        .contains("\"code\":400")
        .doesNotContain("Exception", "java.", "<html", "could not process");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}xyz",
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}{\"a\":1}",
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":\"abc\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}",
        "{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":\" 62090013 \",\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\"}"
      })
  void aBodyThatOnlyLooksValidIsRefusedAndChangesNothing(String body) {
    api().body(body).post(REVOKE).then().statusCode(400).body("errors[0].code", equalTo(400));
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
  }

  @Test
  void anUnknownCharsetOrABrokenGzipBodyIsA400SayingSo() throws Exception {
    RawHttp raw = new RawHttp("127.0.0.1", mock.port());
    RawHttp.Answer charset =
        raw.send(
            RawHttp.request(
                "POST",
                REVOKE,
                Map.of(
                    "Authorization",
                    Credentials.demo(),
                    "Content-Type",
                    "application/json; charset=bogus-xyz"),
                DOC_REVOKE.getBytes(StandardCharsets.UTF_8)));
    assertThat(charset.status()).isEqualTo(400);
    assertThat(charset.text()).contains("bogus-xyz", "\"reference\":\"Content-Type\"");

    java.io.ByteArrayOutputStream gzip = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gzip)) {
      out.write(DOC_REVOKE.getBytes(StandardCharsets.UTF_8));
    }
    byte[] truncated = java.util.Arrays.copyOf(gzip.toByteArray(), gzip.size() / 2);
    RawHttp.Answer broken =
        raw.send(
            RawHttp.request(
                "POST",
                REVOKE,
                Map.of(
                    "Authorization",
                    Credentials.demo(),
                    "Content-Type",
                    "application/json",
                    "Content-Encoding",
                    "gzip"),
                truncated));
    assertThat(broken.status()).isEqualTo(400);
    assertThat(broken.text()).contains("gzip").doesNotContain("could not process");
  }

  @Test
  void anEmptyContentTypeIsAViolation() throws Exception {
    RawHttp.Answer answer =
        new RawHttp("127.0.0.1", mock.port())
            .send(
                RawHttp.request(
                    "POST",
                    REVOKE,
                    Map.of("Authorization", Credentials.demo(), "Content-Type", ""),
                    DOC_REVOKE.getBytes(StandardCharsets.UTF_8)));
    assertThat(answer.status()).as(answer.text()).isEqualTo(400);
    assertThat(answer.text()).contains("\"reference\":\"Content-Type\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"application/json;charset=", "application/json; charset", "application/json;;"})
  void aContentTypeWithAnEmptyParameterIsServed(String contentType) {
    api()
        .contentType(contentType)
        .body(DOC_REVOKE)
        .post(REVOKE)
        .then()
        .statusCode(org.hamcrest.Matchers.anyOf(equalTo(200), equalTo(400)))
        .body("errors.message", org.hamcrest.Matchers.not(hasItem(containsString("could not"))));
  }

  @Test
  void aWireMockAdminCallItCannotProcessIsA400SayingSo() {
    admin()
        .body("{\"request\": \"x\"}")
        .post("/__admin/mappings/import")
        .then()
        .statusCode(400)
        .body("errors[0].message", containsString("WireMock refused this admin request"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "orgs: [{orgId: 5, customers: [{id: }]}]",
        "orgs: [{orgId: }]",
        "orgs: [{orgId: 5, tills: [{username: t5, password: ''}]}]",
        "orgs: [{orgId: 5, tills: [{username: t5, password: }]}]",
        "orgs: [{orgId: 5, tills: [{username: 'a:b', password: x}]}]",
        "orgs: [{orgId: 5, customers: [{id: 1, email: a@x.io}, {id: 2, email: A@X.IO}]}]"
      })
  void anAdminSeedWithAnEmptyOrAmbiguousValueIsA400NamingThePlace(String yaml) {
    admin()
        .body(yaml)
        .post("/__admin/revoke-earn/seed")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("errors[0].message", containsString("orgs[0]"));
    assertThat(mock.state().orgIds()).doesNotContain(5L);
  }

  @Test
  void noWireMockStubCallRemovesTheApi() {
    admin().delete("/__admin/mappings").then().statusCode(200);
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
    admin().post("/__admin/mappings/reset").then().statusCode(200);
    admin()
        .body("{\"mappings\": [], \"importOptions\": {\"deleteAllNotInImport\": true}}")
        .post("/__admin/mappings/import")
        .then()
        .statusCode(200);
    admin()
        .post("/__admin/mappings/remove-by-metadata")
        .then()
        .statusCode(org.hamcrest.Matchers.lessThan(500));
    // None of them touched the ledger either: the revoke above still counts.
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(409).body("errors[0].code", equalTo(814));
  }

  @Test
  void aPasswordChangedByAResetNoLongerProvesTheTill() throws Exception {
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200); // proven once, and remembered
    Files.writeString(
        seedFile, Files.readString(seedFile).replace("demo-password", "another-password"));
    admin().post("/__admin/reset").then().statusCode(200);

    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(401);
    given()
        .baseUri(mock.baseUrl())
        .contentType("application/json")
        .header("Authorization", Credentials.basic(Credentials.DEMO_TILL, "another-password"))
        .body(DOC_REVOKE)
        .post(REVOKE)
        .then()
        .statusCode(200);
  }

  @Test
  void aResetWhoseSeedFileBecameInvalidChangesNothing() throws Exception {
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(200);
    Files.writeString(seedFile, "orgs: [{orgId: , tills: [{username: a}]}]\n");

    admin()
        .post("/__admin/reset")
        .then()
        .statusCode(400)
        .contentType("application/json")
        .body("errors[0].message", containsString("seed.yaml"));
    admin().post("/__admin/revoke-earn/reset").then().statusCode(400);

    // Credentials, routes and the ledger are as they were: the earlier revoke still counts.
    api().body(DOC_REVOKE).post(REVOKE).then().statusCode(409).body("errors[0].code", equalTo(814));
  }

  @Test
  void requestsDuringResetsSeeTheOldStateOrTheNewOneNeverAHalfReset() throws Exception {
    AtomicBoolean resetting = new AtomicBoolean(true);
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      Future<Integer> resets =
          pool.submit(
              () -> {
                int n = 0;
                for (; n < 40; n++) {
                  admin().post("/__admin/reset").then().statusCode(200);
                }
                resetting.set(false);
                return n;
              });
      List<Future<List<Integer>>> clients = new ArrayList<>();
      for (int c = 0; c < 2; c++) {
        clients.add(
            pool.submit(
                () -> {
                  List<Integer> statuses = new ArrayList<>();
                  while (resetting.get()) {
                    statuses.add(api().body(DOC_REVOKE).post(REVOKE).statusCode());
                  }
                  return statuses;
                }));
      }
      assertThat(resets.get()).isEqualTo(40);
      for (Future<List<Integer>> client : clients) {
        // 200 right after a reset, 409 (814) after someone revoked: never 401, 404 or 5xx.
        assertThat(client.get()).isNotEmpty().allMatch(s -> s == 200 || s == 409);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
