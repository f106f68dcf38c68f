package dev.revokeearn.conformance.result;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What a run leaves behind besides Cucumber's own reports: the summary it prints, {@code
 * coverage.json}, and {@code report.html} (verdict, failures, skips and the coverage matrix,
 * linking to Cucumber's report).
 */
public final class ConformanceReports {
  public static final String COVERAGE_JSON = "coverage.json";
  public static final String REPORT_HTML = "report.html";

  /** Every file a run writes into its report directory. */
  public static final List<String> FILES =
      List.of(REPORT_HTML, "cucumber.html", "cucumber.json", "cucumber-junit.xml", COVERAGE_JSON);

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ConformanceReports() {}

  /** Writes coverage.json and report.html into the directory. */
  public static void write(ConformanceResult result, double minCoverage, Path dir) {
    try {
      Files.writeString(
          dir.resolve(COVERAGE_JSON),
          JSON.writeValueAsString(coverageJson(result, minCoverage)),
          StandardCharsets.UTF_8);
      Files.writeString(
          dir.resolve(REPORT_HTML), html(result, minCoverage), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the reports in " + dir, e);
    }
  }

  /** The closing summary: verdict, counts, failures, skips, the coverage matrix, the reports. */
  public static void printSummary(
      ConformanceResult result, double minCoverage, Path reportDir, PrintWriter out) {
    ContractCoverage.Report coverage = result.coverage();
    out.println();
    out.printf(
        "%d scenarios: %d passed, %d failed, %d skipped%n",
        result.scenarios().size(),
        result.count(ScenarioResult.Status.PASSED),
        result.count(ScenarioResult.Status.FAILED),
        result.count(ScenarioResult.Status.SKIPPED));
    for (FailureGroups.Group group : FailureGroups.of(result.failures())) {
      List<ScenarioResult> scenarios = group.scenarios();
      out.println(
          scenarios.size() == 1
              ? "  FAILED " + scenarios.get(0).location() + " " + scenarios.get(0).name()
              : "  FAILED in " + scenarios.size() + " scenarios, one cause:");
      if (group.step() != null) {
        out.println("         " + group.step());
      }
      out.println("         " + group.message());
      if (scenarios.size() > 1) {
        scenarios.stream()
            .limit(5)
            .forEach(s -> out.println("         " + s.location() + " " + s.name()));
        if (scenarios.size() > 5) {
          out.println(
              "         and " + (scenarios.size() - 5) + " more (" + REPORT_HTML + " lists them)");
        }
      }
    }
    result
        .stopped()
        .ifPresent(reason -> out.println("  the run stopped before its end: " + reason));
    result
        .skipReasons()
        .forEach((reason, count) -> out.println("  skipped " + count + ": " + reason));
    out.println();
    out.printf(
        Locale.ROOT,
        "Contract coverage: %d of %d documented answers received and valid (%.2f%%)%n",
        coverage.covered(),
        coverage.items().size(),
        coverage.percent());
    out.printf("  %-20s %-6s %-7s %-9s %s%n", "operation", "status", "code", "received", "valid");
    for (ContractCoverage.Seen seen : coverage.items()) {
      printRow(out, seen);
    }
    if (!coverage.undocumented().isEmpty()) {
      out.println("  received but not documented in the contract:");
      coverage.undocumented().forEach(seen -> printRow(out, seen));
    }
    if (coverage.percent() < minCoverage) {
      out.printf(Locale.ROOT, "  below --min-coverage %.1f%%: the run fails%n", minCoverage);
    }
    out.println();
    out.println(
        "Reports in "
            + reportDir.toAbsolutePath()
            + ": "
            + String.join(
                ", ",
                List.of(
                    REPORT_HTML,
                    "cucumber.html",
                    "cucumber.json",
                    "cucumber-junit.xml",
                    COVERAGE_JSON)));
    out.flush();
  }

  private static void printRow(PrintWriter out, ContractCoverage.Seen seen) {
    ContractCoverage.Item item = seen.item();
    out.printf(
        "  %-20s %-6d %-7s %-9d %s%n",
        item.operation(),
        item.status(),
        item.code() == null ? "-" : item.code(),
        seen.received(),
        seen.received() == 0
            ? "-"
            : seen.valid() == seen.received()
                ? "yes"
                : "NO (" + (seen.received() - seen.valid()) + " invalid)");
  }

  private static ObjectNode coverageJson(ConformanceResult result, double minCoverage) {
    ContractCoverage.Report coverage = result.coverage();
    ObjectNode root = JSON.createObjectNode();
    root.put("target", result.target());
    root.put("documented", coverage.items().size());
    root.put("covered", coverage.covered());
    root.put("percent", Math.round(coverage.percent() * 100) / 100.0);
    root.put("minCoverage", minCoverage);
    root.put("minCoverageMet", coverage.percent() >= minCoverage);
    ArrayNode items = root.putArray("items");
    coverage.items().forEach(seen -> items.add(json(seen)));
    ArrayNode undocumented = root.putArray("undocumented");
    coverage.undocumented().forEach(seen -> undocumented.add(json(seen)));
    return root;
  }

  private static ObjectNode json(ContractCoverage.Seen seen) {
    ObjectNode node = JSON.createObjectNode();
    node.put("operation", seen.item().operation());
    node.put("status", seen.item().status());
    if (seen.item().code() == null) {
      node.putNull("code");
    } else {
      node.put("code", seen.item().code());
    }
    node.put("received", seen.received());
    node.put("valid", seen.valid());
    node.put("covered", seen.covered());
    return node;
  }

  private static String html(ConformanceResult result, double minCoverage) {
    ContractCoverage.Report coverage = result.coverage();
    StringBuilder html = new StringBuilder();
    html.append("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Conformance of ")
        .append(escape(result.target()))
        .append(
            "</title><style>body{font-family:sans-serif;margin:2em}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:.2em .6em;text-align:left}")
        .append(".no{background:#fdd}.yes{background:#dfd}</style></head><body>\n");
    boolean passed = result.passed(minCoverage);
    html.append("<h1>Conformance of ")
        .append(escape(result.target()))
        .append(": ")
        .append(passed ? "PASSED" : "FAILED")
        .append("</h1>\n<p>")
        .append(result.scenarios().size())
        .append(" scenarios: ")
        .append(result.count(ScenarioResult.Status.PASSED))
        .append(" passed, ")
        .append(result.count(ScenarioResult.Status.FAILED))
        .append(" failed, ")
        .append(result.count(ScenarioResult.Status.SKIPPED))
        .append(" skipped. Every step: <a href=\"cucumber.html\">Cucumber report</a>.</p>\n");
    result
        .stopped()
        .ifPresent(
            reason ->
                html.append("<p><b>The run stopped before its end:</b> ")
                    .append(escape(reason))
                    .append("</p>\n"));
    if (coverage.percent() < minCoverage) {
      html.append(
          String.format(
              Locale.ROOT,
              "<p><b>Coverage %.2f%% is below --min-coverage %s%%: the run fails.</b></p>%n",
              coverage.percent(),
              number(minCoverage)));
    }
    if (!result.failures().isEmpty()) {
      html.append("<h2>Failed</h2>\n");
      for (FailureGroups.Group group : FailureGroups.of(result.failures())) {
        html.append("<h3>")
            .append(
                group.scenarios().size() == 1
                    ? "1 scenario"
                    : group.scenarios().size() + " scenarios, one cause")
            .append(group.step() == null ? "" : ": " + escape(group.step()))
            .append("</h3><p>")
            .append(escape(group.message()))
            .append("</p><ul>\n");
        for (ScenarioResult failure : group.scenarios()) {
          html.append("<li><b>")
              .append(escape(failure.location() + " " + failure.name()))
              .append("</b>")
              .append(failure.step() == null ? "" : " at <i>" + escape(failure.step()) + "</i>")
              .append("<pre>")
              .append(escape(String.valueOf(failure.message())))
              .append("</pre></li>\n");
        }
        html.append("</ul>\n");
      }
    }
    if (!result.skipReasons().isEmpty()) {
      html.append("<h2>Skipped</h2><ul>\n");
      result
          .skipReasons()
          .forEach(
              (reason, count) ->
                  html.append("<li>")
                      .append(count)
                      .append(": ")
                      .append(escape(reason))
                      .append("</li>\n"));
      html.append("</ul>\n");
    }
    html.append(
            String.format(
                Locale.ROOT,
                "<h2>Contract coverage: %d of %d documented answers (%.2f%%)</h2>%n",
                coverage.covered(),
                coverage.items().size(),
                coverage.percent()))
        .append("<table><tr><th>operation</th><th>status</th><th>code</th>")
        .append("<th>received</th><th>valid</th></tr>\n");
    coverage.items().forEach(seen -> htmlRow(html, seen));
    html.append("</table>\n");
    if (!coverage.undocumented().isEmpty()) {
      html.append("<h3>Received but not documented in the contract</h3><table>\n");
      coverage.undocumented().forEach(seen -> htmlRow(html, seen));
      html.append("</table>\n");
    }
    return html.append("</body></html>\n").toString();
  }

  private static void htmlRow(StringBuilder html, ContractCoverage.Seen seen) {
    html.append("<tr class=\"")
        .append(seen.covered() ? "yes" : "no")
        .append("\"><td>")
        .append(escape(seen.item().operation()))
        .append("</td><td>")
        .append(seen.item().status())
        .append("</td><td>")
        .append(seen.item().code() == null ? "" : seen.item().code())
        .append("</td><td>")
        .append(seen.received())
        .append("</td><td>")
        .append(seen.valid())
        .append("</td></tr>\n");
  }

  /** A percentage as given: 75 stays 75, 76.93 stays 76.93. */
  private static String number(double value) {
    return value == Math.rint(value)
        ? Long.toString((long) value)
        : java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }
}
