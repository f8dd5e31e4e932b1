package org.meldekette.audit;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.AuditEvent;
import org.meldekette.json.Json;

/**
 * The local stack's sink: one structured JSON line per event on stdout, in Cloud Logging's format.
 */
public final class StdoutAuditSink implements AuditSink {
  private final PrintStream out;

  public StdoutAuditSink(PrintStream out) {
    this.out = out;
  }

  @Override
  public void write(List<AuditEvent> events) {
    for (AuditEvent event : events) {
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("severity", "NOTICE");
      line.put("message", "audit " + event.type() + " " + event.id());
      line.put("logName", LOG_NAME);
      line.put("logging.googleapis.com/insertId", event.id());
      line.put("logging.googleapis.com/labels", AuditEntries.labels(event));
      line.put("audit", AuditEntries.payload(event));
      String json = Json.write(line);
      synchronized (out) {
        out.println(json);
      }
    }
  }
}
