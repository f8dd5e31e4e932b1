package org.meldekette.alerts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.testing.JsonSchemaFile;

/**
 * The alert formats as api/alerts.schema.json describes them, held against what the parser takes:
 * every monitoring sample and the documented generic alert are valid and parse; what the schema
 * refuses, the parser refuses too.
 */
class AlertFormatsTest {
  private static final JsonSchemaFile SCHEMA = JsonSchemaFile.of("alerts.schema.json");
  private static final String GENERIC =
      """
      {"source": "uptime-kuma", "fingerprint": "status-page-2026-11-22T07:00", "state": "open",
       "severity": "critical", "summary": "Status page unreachable", "occurredAt": "2026-11-22T07:00:00Z",
       "resource": "status-page", "labels": {"system": "typesense", "signal": "uptime"}, "url": "https://x.test"}""";

  @Test
  void everyMonitoringSampleAndTheGenericExampleAreValidAndParse() throws Exception {
    List<String> documents = new ArrayList<>();
    for (String signal : AlertFixtures.SIGNALS) {
      documents.add(new String(AlertFixtures.fixture(signal + "-open"), StandardCharsets.UTF_8));
      documents.add(new String(AlertFixtures.fixture(signal + "-closed"), StandardCharsets.UTF_8));
    }
    documents.add(GENERIC);
    for (String document : documents) {
      assertThat(SCHEMA.problems(document)).as(document).isEmpty();
      AlertParser.parse(document.getBytes(StandardCharsets.UTF_8));
    }
  }

  @Test
  void whatTheSchemaRefusesTheParserRefusesToo() {
    List<String> refused =
        List.of(
            GENERIC.replace("\"fingerprint\": \"status-page-2026-11-22T07:00\",", ""),
            GENERIC.replace("\"state\": \"open\"", "\"state\": \"firing\""),
            GENERIC.replace(
                "\"occurredAt\": \"2026-11-22T07:00:00Z\"", "\"occurredAt\": 1795330800"),
            GENERIC.replace(
                "{\"system\": \"typesense\", \"signal\": \"uptime\"}", "{\"system\": 7}"),
            "{\"incident\": {\"state\": \"open\", \"started_at\": 1795330800}}",
            "{\"version\": \"2.0\", \"incident\": {\"incident_id\": \"1\", \"state\": \"open\", \"started_at\": 1}}",
            "{\"something\": \"else\"}");
    for (String document : refused) {
      assertThat(SCHEMA.problems(document)).as(document).isNotEmpty();
      assertThatThrownBy(() -> AlertParser.parse(document.getBytes(StandardCharsets.UTF_8)))
          .as(document)
          .isInstanceOf(MalformedAlert.class);
    }
  }
}
