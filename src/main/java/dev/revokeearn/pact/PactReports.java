package dev.revokeearn.pact;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** verify-pact's verdicts: on the console, and as report.html and junit.xml in a directory. */
final class PactReports {
  private PactReports() {}

  /** The console's account: each interaction, and for a failed one what and why. */
  static void print(List<InteractionVerdict> verdicts, PrintWriter out) {
    for (InteractionVerdict v : verdicts) {
      out.println((v.passed() ? "  PASSED  " : "  FAILED  ") + title(v));
      if (!v.passed()) {
        out.println("          expected: " + oneLine(v.expected()));
        out.println("          came:     " + oneLine(v.actual()));
        v.contract().forEach(line -> out.println("          contract:  " + oneLine(line)));
        v.behaviour().forEach(line -> out.println("          behaviour: " + oneLine(line)));
      }
    }
    long failed = verdicts.stream().filter(v -> !v.passed()).count();
    out.println(
        (verdicts.size() - failed)
            + " passed, "
            + failed
            + " failed: "
            + (failed == 0 ? "PASSED" : "FAILED"));
    out.flush();
  }

  static void write(List<InteractionVerdict> verdicts, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("report.html"), html(verdicts), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("junit.xml"), junit(verdicts), StandardCharsets.UTF_8);
  }

  private static String title(InteractionVerdict v) {
    return v.consumer() + ": " + v.description() + " (" + v.pactFile() + ")";
  }

  private static String html(List<InteractionVerdict> verdicts) {
    StringBuilder html =
        new StringBuilder(
            "<!doctype html><meta charset=\"utf-8\"><title>verify-pact</title>"
                + "<style>body{font-family:sans-serif}td{vertical-align:top;padding:4px}"
                + ".FAILED{color:#b00}.PASSED{color:#080}pre{white-space:pre-wrap;margin:0}</style>"
                + "<h1>verify-pact</h1><p>Each interaction against the contract and against the"
                + " reference implementation, replayed.</p><table border=\"1\""
                + " cellspacing=\"0\"><tr><th>pact</th><th>interaction</th><th>verdict</th>"
                + "<th>expected</th><th>came</th><th>why</th></tr>");
    for (InteractionVerdict v : verdicts) {
      String verdict = v.passed() ? "PASSED" : "FAILED";
      StringBuilder why = new StringBuilder();
      v.contract().forEach(line -> why.append("contract: ").append(line).append('\n'));
      v.behaviour().forEach(line -> why.append("behaviour: ").append(line).append('\n'));
      html.append("<tr><td>")
          .append(escape(v.consumer() + " / " + v.pactFile()))
          .append("</td><td>")
          .append(escape(v.description()))
          .append("</td><td class=\"")
          .append(verdict)
          .append("\">")
          .append(verdict)
          .append("</td><td><pre>")
          .append(escape(v.expected()))
          .append("</pre></td><td><pre>")
          .append(escape(v.actual()))
          .append("</pre></td><td><pre>")
          .append(escape(why.toString()))
          .append("</pre></td></tr>");
    }
    return html.append("</table>").toString();
  }

  private static String junit(List<InteractionVerdict> verdicts) {
    Map<String, List<InteractionVerdict>> byPact = new LinkedHashMap<>();
    verdicts.forEach(
        v -> byPact.computeIfAbsent(v.pactFile(), k -> new java.util.ArrayList<>()).add(v));
    StringBuilder xml =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n");
    byPact.forEach(
        (file, ofPact) -> {
          long failures = ofPact.stream().filter(v -> !v.passed()).count();
          xml.append("  <testsuite name=\"")
              .append(escape(file))
              .append("\" tests=\"")
              .append(ofPact.size())
              .append("\" failures=\"")
              .append(failures)
              .append("\">\n");
          for (InteractionVerdict v : ofPact) {
            xml.append("    <testcase classname=\"")
                .append(escape(v.consumer()))
                .append("\" name=\"")
                .append(escape(v.description()))
                .append('"');
            if (v.passed()) {
              xml.append("/>\n");
            } else {
              StringBuilder why = new StringBuilder();
              v.contract().forEach(line -> why.append("contract: ").append(line).append('\n'));
              v.behaviour().forEach(line -> why.append("behaviour: ").append(line).append('\n'));
              xml.append("><failure message=\"")
                  .append(escape(oneLine(why.toString())))
                  .append("\">")
                  .append(
                      escape("expected: " + v.expected() + "\ncame: " + v.actual() + "\n" + why))
                  .append("</failure></testcase>\n");
            }
          }
          xml.append("  </testsuite>\n");
        });
    return xml.append("</testsuites>\n").toString();
  }

  private static String oneLine(String text) {
    return text.strip().replace("\r", "").replace("\n", " | ");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
