package dev.revokeearn.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import dev.revokeearn.conformance.result.ConformanceResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The build's conformance run, exactly as {@code check} runs it: the features against the embedded
 * mock, or against {@code -Dconformance.baseUrl=URL} with the CAP_* credentials of the environment
 * and the {@code -Dconformance.*} test data. These properties are the user's input to the build; no
 * test sets them.
 */
class ConformanceTest {
  @Test
  void theTargetConforms() {
    checkTheProperties();
    String url = System.getProperty("conformance.baseUrl", "").strip();
    TestData data = TestData.from(key -> System.getProperty("conformance." + key));
    Path reports =
        Path.of(System.getProperty("conformance.reportDir", "target/conformance-report"));
    StringWriter log = new StringWriter();
    PrintWriter out = new PrintWriter(new TeeWriter(log), true);
    ConformanceRunner.Options options = new ConformanceRunner.Options(reports, out);
    ConformanceResult result;
    if (url.isEmpty()) {
      try (EmbeddedMock mock = EmbeddedMock.start()) {
        result = new ConformanceRunner().run(mock.target(data), "the embedded mock", options);
      }
    } else {
      ConformanceTarget target = ConformanceTarget.live(url, System.getenv(), data);
      result = new ConformanceRunner().run(target, "-Dconformance.baseUrl", options);
      assertThat(result.target()).isEqualTo(target.baseUrl());
    }
    assertThat(result.passed()).as(log.toString()).isTrue();
  }

  /**
   * A base URL given but empty (a CI variable that was not set) must not quietly check the embedded
   * mock instead; a misspelt key must not quietly fall back to a default.
   */
  private static void checkTheProperties() {
    String url = System.getProperty("conformance.baseUrl");
    assertThat(url == null || !url.isBlank())
        .as(
            "-Dconformance.baseUrl is given but empty: give the URL to check, or leave the property"
                + " out to check the embedded mock")
        .isTrue();
    Set<String> known = new HashSet<>(TestData.DEFAULTS.keySet());
    known.addAll(Set.of("baseUrl", "reportDir"));
    List<String> unknown =
        System.getProperties().stringPropertyNames().stream()
            .filter(name -> name.startsWith("conformance."))
            .map(name -> name.substring("conformance.".length()))
            .filter(key -> !known.contains(key))
            .sorted()
            .toList();
    assertThat(unknown)
        .as(
            "unknown -Dconformance.* keys; the keys are baseUrl, reportDir, "
                + TestData.DEFAULTS.keySet())
        .isEmpty();
  }

  /** Prints as it goes and keeps a copy for the failure message. */
  private static final class TeeWriter extends java.io.Writer {
    private final StringWriter copy;

    TeeWriter(StringWriter copy) {
      this.copy = copy;
    }

    @Override
    public void write(char[] chars, int off, int len) {
      System.out.print(new String(chars, off, len));
      copy.write(chars, off, len);
    }

    @Override
    public void flush() {
      System.out.flush();
    }

    @Override
    public void close() {}
  }
}
