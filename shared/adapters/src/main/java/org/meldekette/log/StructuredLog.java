package org.meldekette.log;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.meldekette.json.Json;

/**
 * Log lines in Cloud Logging's structured format: one JSON object per line on stdout, which Cloud
 * Functions forwards with {@code severity}, labels and trace intact. Callers pass IDs and codes
 * only, never what a reporter or data subject wrote or who they are.
 */
public final class StructuredLog {
  public enum Severity {
    DEBUG,
    INFO,
    WARNING,
    ERROR
  }

  private final String project;
  private final PrintStream out;

  public StructuredLog(String project, PrintStream out) {
    this.project = project;
    this.out = out;
  }

  /**
   * Writes one line.
   *
   * @param traceHeader the request's {@code X-Cloud-Trace-Context} or {@code traceparent}, or null
   */
  public void write(
      Severity severity,
      String message,
      Map<String, String> labels,
      Map<String, Object> fields,
      String traceHeader) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("severity", severity.name());
    line.put("message", message);
    if (fields != null) {
      fields.forEach(line::putIfAbsent);
    }
    if (labels != null && !labels.isEmpty()) {
      line.put("logging.googleapis.com/labels", labels);
    }
    String traceId = traceId(traceHeader);
    if (traceId != null && project != null) {
      line.put("logging.googleapis.com/trace", "projects/" + project + "/traces/" + traceId);
    }
    String json = Json.write(line);
    synchronized (out) {
      out.println(json);
    }
  }

  /**
   * The trace ID of {@code TRACE/SPAN;o=1} (Google) or {@code 00-TRACE-SPAN-01} (W3C); null
   * otherwise.
   */
  static String traceId(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    String candidate;
    if (header.startsWith("00-")) {
      String[] parts = header.split("-");
      candidate = parts.length >= 2 ? parts[1] : null;
    } else {
      candidate = header.split("[/;]")[0];
    }
    return candidate != null && candidate.matches("[0-9a-fA-F]{32}")
        ? candidate.toLowerCase()
        : null;
  }
}
