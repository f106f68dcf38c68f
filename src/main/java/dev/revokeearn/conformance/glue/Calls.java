package dev.revokeearn.conformance.glue;

import dev.revokeearn.conformance.ConformanceRun;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.apache.http.client.HttpClient;
import org.apache.http.impl.client.SystemDefaultHttpClient;

/**
 * One scenario's HTTP calls, each with a deadline for the whole answer: a deployment that sends its
 * answer a byte at a time, or never, fails the scenario instead of holding the run. The calls'
 * connections are closed when the deadline passes or the run is stopped.
 */
@SuppressWarnings("deprecation") // SystemDefaultHttpClient: the client REST Assured itself makes
final class Calls {
  private static final ScheduledExecutorService WATCHDOG =
      Executors.newSingleThreadScheduledExecutor(
          task -> {
            Thread thread = new Thread(task, "conformance-watchdog");
            thread.setDaemon(true);
            return thread;
          });

  private final ConformanceRun run;
  private final List<HttpClient> clients = new CopyOnWriteArrayList<>();

  Calls(ConformanceRun run) {
    this.run = run;
    run.onStop(this::abortAll);
  }

  /** REST Assured's settings for this scenario's calls. */
  RestAssuredConfig config() {
    int timeout = (int) Math.min(Integer.MAX_VALUE, run.requestTimeout().toMillis());
    return RestAssuredConfig.config()
        .httpClient(
            HttpClientConfig.httpClientConfig()
                .setParam("http.connection.timeout", Math.min(timeout, 10_000))
                .setParam("http.socket.timeout", timeout)
                .httpClientFactory(
                    () -> {
                      SystemDefaultHttpClient client = new SystemDefaultHttpClient();
                      clients.add(client);
                      return client;
                    }));
  }

  /** Sends one request: its answer, or an {@link AssertionError} once the deadline passed. */
  Response send(Supplier<Response> call) {
    run.stopped()
        .ifPresent(
            reason -> {
              throw new AssertionError("not sent: the run was stopped (" + reason + ")");
            });
    int before = clients.size();
    AtomicBoolean late = new AtomicBoolean();
    ScheduledFuture<?> alarm =
        WATCHDOG.schedule(
            () -> {
              late.set(true);
              clients.subList(before, clients.size()).forEach(Calls::abort);
            },
            run.requestTimeout().toMillis(),
            TimeUnit.MILLISECONDS);
    try {
      return call.get();
    } catch (Throwable e) { // REST Assured (Groovy) throws checked IOExceptions undeclared
      if (late.get()) {
        throw new AssertionError(
            "no complete answer within " + run.requestTimeout().toSeconds() + " s", e);
      }
      if (run.stopped().isPresent()) {
        throw new AssertionError("aborted: " + run.stopped().get(), e);
      }
      throw e;
    } finally {
      alarm.cancel(false);
    }
  }

  private void abortAll() {
    clients.forEach(Calls::abort);
  }

  private static void abort(HttpClient client) {
    client.getConnectionManager().shutdown();
  }
}
