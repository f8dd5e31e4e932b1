package org.meldekette.log;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {
  @Test
  void writesOneCloudLoggingJsonLineWithSeverityLabelsAndTrace() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new StructuredLog("proj", new PrintStream(out, true, StandardCharsets.UTF_8))
        .write(
            StructuredLog.Severity.WARNING,
            "something",
            Map.of("incidentId", "INC-1"),
            Map.of("status", 409),
            "4bf92f3577b34da6a3ce929d0e0e4736/00f067aa0ba902b7;o=1");

    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(text.lines()).hasSize(1);
    JsonObject line = JsonParser.parseString(text).getAsJsonObject();
    assertThat(line.get("severity").getAsString()).isEqualTo("WARNING");
    assertThat(line.get("message").getAsString()).isEqualTo("something");
    assertThat(line.get("status").getAsInt()).isEqualTo(409);
    assertThat(
            line.getAsJsonObject("logging.googleapis.com/labels").get("incidentId").getAsString())
        .isEqualTo("INC-1");
    assertThat(line.get("logging.googleapis.com/trace").getAsString())
        .isEqualTo("projects/proj/traces/4bf92f3577b34da6a3ce929d0e0e4736");
  }

  @Test
  void readsGoogleAndW3cTraceHeadersAndIgnoresJunk() {
    assertThat(StructuredLog.traceId("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(StructuredLog.traceId("4BF92F3577B34DA6A3CE929D0E0E4736/1"))
        .isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(StructuredLog.traceId("\"}{injected")).isNull();
    assertThat(StructuredLog.traceId(null)).isNull();
  }
}
