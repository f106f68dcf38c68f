package dev.revokeearn.pact;

import au.com.dius.pact.core.model.DefaultPactReader;
import au.com.dius.pact.core.model.Interaction;
import au.com.dius.pact.core.model.Pact;
import au.com.dius.pact.core.model.SynchronousRequestResponse;
import dev.revokeearn.gate.ContractGate;
import dev.revokeearn.mock.RevokeEarnMock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Verifies consumers' pacts (V2, V3, V4 JSON) of this API two ways: against the contract ({@link
 * ContractJudge}) and against the reference implementation, replayed ({@link Replay}) on a mock in
 * this process with fresh state for each pact file (the demo seed, so the demo till's credentials
 * that a consumer's test recorded are the ones the replay meets).
 *
 * <pre>{@code
 * List<InteractionVerdict> verdicts = PactVerification.verify(List.of(Path.of("pacts/app.json")));
 * }</pre>
 */
public final class PactVerification {
  private PactVerification() {}

  /** A pact file that does not read as a pact. */
  public static final class UnreadablePact extends RuntimeException {
    UnreadablePact(Path file, String why) {
      super(file + " is not a pact this can read: " + why);
    }
  }

  /**
   * @throws UnreadablePact naming the first file that does not read, before anything is verified
   */
  public static List<InteractionVerdict> verify(List<Path> files, Duration requestTimeout)
      throws InterruptedException {
    List<Pact> pacts = new ArrayList<>();
    for (Path file : files) {
      pacts.add(read(file));
    }
    ContractJudge contract = new ContractJudge(ContractGate.shared().join());
    List<InteractionVerdict> verdicts = new ArrayList<>();
    for (int i = 0; i < pacts.size(); i++) {
      Pact pact = pacts.get(i);
      String name = files.get(i).getFileName().toString();
      try (RevokeEarnMock mock = RevokeEarnMock.builder().port(0).build().start()) {
        Replay replay = new Replay(mock, requestTimeout);
        for (Interaction interaction : pact.getInteractions()) {
          verdicts.add(verdict(name, pact, interaction, contract, replay));
        }
      }
    }
    return verdicts;
  }

  private static InteractionVerdict verdict(
      String file, Pact pact, Interaction interaction, ContractJudge contract, Replay replay)
      throws InterruptedException {
    String consumer = pact.getConsumer().getName();
    SynchronousRequestResponse http = interaction.asSynchronousRequestResponse();
    if (http == null) {
      List<String> notHttp =
          List.of("not an HTTP request and response: this API has no other kind");
      return new InteractionVerdict(
          file,
          consumer,
          interaction.getDescription(),
          "(a message, not an HTTP answer)",
          "(not replayed)",
          notHttp,
          List.of());
    }
    String expected =
        http.getResponse().getStatus()
            + (http.getResponse().getBody().isPresent()
                ? " " + http.getResponse().getBody().valueAsString()
                : "");
    StringBuilder actual = new StringBuilder();
    List<String> behaviour =
        replay.mismatches(
            interaction.getProviderStates(), http.getRequest(), http.getResponse(), actual);
    return new InteractionVerdict(
        file,
        consumer,
        interaction.getDescription(),
        expected,
        actual.toString(),
        contract.problems(http.getRequest(), http.getResponse()),
        behaviour);
  }

  private static Pact read(Path file) {
    if (Files.isDirectory(file)) {
      throw new UnreadablePact(file, "it is a directory");
    }
    if (!Files.isRegularFile(file)) {
      throw new UnreadablePact(file, "no such file");
    }
    Pact pact;
    try {
      pact = DefaultPactReader.INSTANCE.loadPact(file.toFile());
    } catch (RuntimeException e) {
      throw new UnreadablePact(file, e.getMessage() == null ? e.toString() : e.getMessage());
    }
    // Any JSON object reads as a pact with nothing in it: verifying it would verify nothing.
    if (pact.getInteractions().isEmpty()) {
      throw new UnreadablePact(file, "it holds no interactions (is it a pact?)");
    }
    return pact;
  }
}
