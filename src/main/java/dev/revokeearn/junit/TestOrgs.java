package dev.revokeearn.junit;

import dev.revokeearn.mockstate.MockState;
import dev.revokeearn.seed.Seed;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a seed into fresh orgs of a running mock, one test's worth, and removes them again. Goes
 * through the state's seeding, so a test's seed is checked by the same rules as any seed.
 */
final class TestOrgs {
  private final MockState state;
  private final Map<Long, TestOrg> bySeedOrg = new LinkedHashMap<>();

  private TestOrgs(MockState state) {
    this.state = state;
  }

  /** A fresh org for each of the seed's orgs, holding a copy of it. */
  static TestOrgs create(MockState state, Seed seed) {
    TestOrgs orgs = new TestOrgs(state);
    try {
      List<Seed.Org> copies = new ArrayList<>();
      for (Seed.Org org : seed.orgs()) {
        long orgId = state.orgs().createEmpty();
        TestOrg testOrg = testOrg(orgId, org);
        orgs.bySeedOrg.put(org.orgId(), testOrg);
        copies.add(copy(org, testOrg));
      }
      state.seeding().apply(new Seed(copies));
      return orgs;
    } catch (RuntimeException e) {
      orgs.remove();
      throw e;
    }
  }

  List<TestOrg> all() {
    return List.copyOf(bySeedOrg.values());
  }

  TestOrg first() {
    if (bySeedOrg.isEmpty()) {
      throw new IllegalStateException("the extension's seed has no org");
    }
    return bySeedOrg.values().iterator().next();
  }

  /** Adds a seed to this test's orgs: each of its orgs names one of the seed's org ids. */
  void add(Seed seed) {
    List<Seed.Org> copies = new ArrayList<>();
    for (Seed.Org org : seed.orgs()) {
      TestOrg testOrg = bySeedOrg.get(org.orgId());
      if (testOrg == null) {
        throw new IllegalArgumentException(
            "this test has no org "
                + org.orgId()
                + "; its orgs are the seed's "
                + bySeedOrg.keySet()
                + " (name them by those ids)");
      }
      if (!org.tills().isEmpty() || !org.oauthClients().isEmpty()) {
        throw new IllegalArgumentException(
            "a test's seed adds customers, badges and earn instances; credentials come from the"
                + " extension's seed");
      }
      copies.add(copy(org, testOrg));
    }
    state.seeding().apply(new Seed(copies));
  }

  void remove() {
    bySeedOrg.values().forEach(org -> state.orgs().remove(org.orgId()));
  }

  private static TestOrg testOrg(long orgId, Seed.Org org) {
    String suffix = "-t" + orgId;
    Map<String, String> tills = new LinkedHashMap<>();
    Map<String, String> clients = new LinkedHashMap<>();
    Map<String, String> passwords = new LinkedHashMap<>();
    org.tills()
        .forEach(
            till -> {
              tills.put(till.username(), till.username() + suffix);
              passwords.put(till.username() + suffix, till.password());
            });
    org.oauthClients()
        .forEach(
            client -> {
              clients.put(client.key(), client.key() + suffix);
              passwords.put(client.key() + suffix, client.secret());
            });
    return new TestOrg(orgId, org.orgId(), tills, clients, passwords);
  }

  private static Seed.Org copy(Seed.Org org, TestOrg testOrg) {
    return new Seed.Org(
        testOrg.orgId(),
        org.name(),
        org.tills().stream()
            .map(
                till ->
                    new Seed.TillEntry(
                        testOrg.tillUsername(till.username()),
                        till.password(),
                        till.accessGroups()))
            .toList(),
        org.oauthClients().stream()
            .map(
                client ->
                    new Seed.OAuthClientEntry(
                        testOrg.oauthKey(client.key()),
                        client.secret(),
                        client.ttlSeconds(),
                        client.accessGroups()))
            .toList(),
        org.customers(),
        org.badges(),
        org.earnInstances(),
        org.faults());
  }
}
