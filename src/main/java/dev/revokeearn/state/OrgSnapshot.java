package dev.revokeearn.state;

import dev.revokeearn.ledger.entity.BadgeMeta;
import dev.revokeearn.ledger.entity.Customer;
import dev.revokeearn.ledger.entity.EarnInstance;
import java.util.List;

/** One org of a {@link SeedSnapshot}: its credentials and its ledger, checked and immutable. */
public record OrgSnapshot(
    long orgId,
    List<TillCredential> tills,
    List<ClientCredential> clients,
    List<Customer> customers,
    List<BadgeMeta> badges,
    List<EarnInstance> earnInstances) {
  public OrgSnapshot {
    tills = List.copyOf(tills);
    clients = List.copyOf(clients);
    customers = List.copyOf(customers);
    badges = List.copyOf(badges);
    earnInstances = List.copyOf(earnInstances);
  }
}
