package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayInputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Assessment;
import org.meldekette.domain.Audience;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.Classification;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Decision;
import org.meldekette.domain.DecisionType;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.IncidentSource;
import org.meldekette.domain.Measure;
import org.meldekette.domain.MeasureStatus;
import org.meldekette.domain.MeasureType;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.Severity;
import org.meldekette.domain.Triage;
import org.meldekette.domain.deadline.DeadlinePolicy;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.store.CommitListener;
import org.meldekette.store.IncidentStore;
import org.meldekette.testing.Poppler;
import org.meldekette.testing.Seeds;

/**
 * An audit pack for a period with breaches whose reporters' words, data subjects and need-to-know
 * communications carry unique markers: none of them may appear anywhere in the ZIP (every file
 * scanned, PDFs as the text pdftotext extracts); the manifest verifies; the PDFs render and hold
 * the policy's sections.
 */
class AuditPacksTest extends ServedVault {
  private static final DeadlinePolicy POLICY =
      new DeadlinePolicy(Regimes.shipped("GDPR", "INTERNAL"));
  private static final Actor SEED = Actor.staff("seed@meldekette.test", Role.LEGAL);

  @TempDir Path dir;

  /** A breach whose every free text carries a marker; gives its ID. */
  private static String breachWithMarkers(String marker, List<String> customers) {
    Instant detected = T0.minus(Duration.ofDays(20));
    String id = new IncidentIds(clock, new java.security.SecureRandom()).next();
    Incident opened =
        Incident.open(
            id, "Reporter REPORTER-" + marker + " says", IncidentSource.REPORT, null, detected);
    Triage triage =
        Triage.record(
            null,
            new Triage.Input(
                Classification.BREACH,
                Severity.P2,
                new CiaImpact(ImpactLevel.HIGH, ImpactLevel.NONE, ImpactLevel.NONE),
                "Scope SUBJECT-" + marker,
                List.of("crm"),
                List.of("customers"),
                List.of("names SUBJECT-" + marker),
                12L,
                12L,
                RiskLevel.MEDIUM,
                null,
                null),
            detected);
    Incident seeded =
        opened
            .withTriage(triage, detected)
            .withAssessment(
                new Assessment(
                    "Nature SUBJECT-" + marker,
                    "Customers SUBJECT-" + marker,
                    "Consequences SUBJECT-" + marker,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                detected)
            .withCustomers(customers, detected);
    Seeds.incident(db, seeded, POLICY);
    IncidentStore store = new IncidentStore(db, POLICY, CommitListener.NONE);
    Instant at = detected.plus(Duration.ofHours(5));
    store.updateCurrent(
        id,
        (tx, incident) -> {
          tx.createMeasure(
              new Measure(
                  "MSR-" + marker.substring(0, 10),
                  MeasureType.CONTAINMENT,
                  null,
                  "Blocked account of SUBJECT-" + marker,
                  null,
                  null,
                  MeasureStatus.DONE,
                  null,
                  SEED.id(),
                  at,
                  at));
          tx.createDecision(
              new Decision(
                  "DEC-" + marker.substring(0, 10),
                  DecisionType.NOTIFY_AUTHORITY,
                  "Because SUBJECT-" + marker,
                  SEED.id(),
                  Role.LEGAL,
                  at,
                  null,
                  null,
                  null));
          tx.createCommunication(
              new Communication(
                  "COM-" + marker.substring(0, 10),
                  Audience.SUPERVISORY_AUTHORITY,
                  "portal COMMS-" + marker,
                  "Told the authority about COMMS-" + marker,
                  at,
                  Communication.Notification.INITIAL,
                  "GDPR/ART33",
                  null,
                  SEED.id(),
                  at,
                  null,
                  null));
          return tx.apply(
              new Outcome(
                  incident.touched(at),
                  new Change(ChangeType.MEASURE_ADDED, SEED, at, id, "seeded", null, Map.of())));
        });
    return id;
  }

  private static HttpResponse<String> request(String who, String key, String json) {
    return key == null
        ? call("POST", "/audit-packs", who, json)
        : call("POST", "/audit-packs", who, json, "Idempotency-Key", key);
  }

  /** The pack's bytes, through the signed link a member is given. */
  private static byte[] downloaded(String packId) throws Exception {
    HttpResponse<String> link = call("POST", "/audit-packs/" + packId + "/downloads", DPO, null);
    assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
    String url = JsonParser.parseString(link.body()).getAsJsonObject().get("url").getAsString();
    return HttpClient.newHttpClient()
        .send(HttpRequest.newBuilder(uri(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
        .body();
  }

  private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
    Map<String, byte[]> files = new LinkedHashMap<>();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        files.put(e.getName(), in.readAllBytes());
      }
    }
    return files;
  }

  @Test
  void aPackHoldsNoPersonalDataItsManifestVerifiesAndItsPdfsRender() throws Exception {
    String marker = UUID.randomUUID().toString().replace("-", "").toUpperCase();
    String acme = breachWithMarkers(marker, List.of("ACME"));
    String other = breachWithMarkers(marker.substring(1) + "X", List.of("Globex"));
    String month = T0.minus(Duration.ofDays(20)).toString().substring(0, 7);
    String body = "{\"from\":\"" + month + "\",\"to\":\"" + month + "\",\"lang\":\"en\"}";

    assertThat(request(RESPONDER, "k1", body).statusCode()).isEqualTo(403);
    assertThat(request(DPO, null, body).statusCode()).isEqualTo(400);
    HttpResponse<String> created = request(DPO, "pack-" + marker, body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject pack = JsonParser.parseString(created.body()).getAsJsonObject();
    assertThat(pack.get("incidents").getAsInt()).isGreaterThanOrEqualTo(2);
    HttpResponse<String> again = request(DPO, "pack-" + marker, body);
    assertThat(again.statusCode()).as("a repeated request gives the first pack").isEqualTo(200);
    assertThat(JsonParser.parseString(again.body()).getAsJsonObject().get("id"))
        .isEqualTo(pack.get("id"));

    byte[] zip = downloaded(pack.get("id").getAsString());
    assertThat(Hashes.sha256(zip)).isEqualTo(pack.get("sha256").getAsString());
    Map<String, byte[]> files = unzip(zip);
    assertThat(files)
        .containsKeys(
            "policy-summary-en.pdf",
            "metrics.json",
            "metrics.csv",
            "incidents/" + acme + ".json",
            "incidents/" + other + ".json",
            "audit-verification.json",
            "incidents-en.pdf",
            "manifest.json");

    // No marker anywhere: not in any file's bytes, not in any PDF's extracted text.
    StringBuilder everything = new StringBuilder();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      everything.append(new String(file.getValue(), StandardCharsets.UTF_8)).append('\n');
      if (file.getKey().endsWith(".pdf")) {
        Path pdf = dir.resolve(file.getKey().replace('/', '_'));
        Files.write(pdf, file.getValue());
        everything.append(Poppler.words(pdf)).append('\n');
        assertThat(Poppler.pages(pdf, dir)).as(file.getKey() + " renders").isPositive();
      }
    }
    assertThat(everything.toString())
        .contains(acme, other)
        .doesNotContain(marker, marker.substring(1) + "X", "REPORTER-", "SUBJECT-", "COMMS-");

    // The manifest lists every other file with its SHA-256.
    JsonObject manifest =
        JsonParser.parseString(new String(files.get("manifest.json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertThat(manifest.getAsJsonArray("files")).hasSize(files.size() - 1);
    for (JsonElement listed : manifest.getAsJsonArray("files")) {
      JsonObject f = listed.getAsJsonObject();
      byte[] content = files.get(f.get("name").getAsString());
      assertThat(content).as(f.get("name").getAsString()).isNotNull();
      assertThat(Hashes.sha256(content)).isEqualTo(f.get("sha256").getAsString());
    }

    // The policy summary PDF has the policy's sections; each incident's trail is intact.
    Path policy = dir.resolve("policy-summary-en.pdf");
    assertThat(Poppler.words(policy))
        .contains(
            "Phases and their exit criteria",
            "Deadlines",
            "Risk to the data subjects",
            "Evidence, legal holds and retention");
    JsonObject trail =
        JsonParser.parseString(
                new String(files.get("audit-verification.json"), StandardCharsets.UTF_8))
            .getAsJsonObject()
            .getAsJsonObject(acme);
    assertThat(trail.get("intact").getAsBoolean()).isTrue();
    assertThat(trail.getAsJsonArray("heads").get(0).getAsJsonObject().get("head").getAsString())
        .hasSize(64);
    JsonObject summary =
        JsonParser.parseString(
                new String(files.get("incidents/" + acme + ".json"), StandardCharsets.UTF_8))
            .getAsJsonObject();
    assertThat(summary.get("classification").getAsString()).isEqualTo("BREACH");
    assertThat(summary.getAsJsonArray("notifications")).hasSize(1);
  }

  @Test
  void aCustomersPackHoldsOnlyTheIncidentsThatAffectedThem() throws Exception {
    String marker = UUID.randomUUID().toString().replace("-", "").toUpperCase();
    String acme = breachWithMarkers(marker, List.of("Initech"));
    String other = breachWithMarkers(marker.substring(1) + "Y", List.of("Umbrella"));
    String month = T0.minus(Duration.ofDays(20)).toString().substring(0, 7);
    HttpResponse<String> created =
        request(
            DPO,
            "customer-" + marker,
            "{\"from\":\"" + month + "\",\"to\":\"" + month + "\",\"customer\":\"Initech\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonObject pack = JsonParser.parseString(created.body()).getAsJsonObject();
    assertThat(pack.get("incidents").getAsInt()).isEqualTo(1);
    assertThat(pack.get("customer").getAsString()).isEqualTo("Initech");
    byte[] zip = downloaded(pack.get("id").getAsString());
    Map<String, byte[]> files = unzip(zip);
    assertThat(files).containsKey("incidents/" + acme + ".json");
    assertThat(files).doesNotContainKey("incidents/" + other + ".json");
    assertThat(files).containsKey("policy-summary-de.pdf");
  }

  @Test
  void aPeriodIsWholeMonthsInOrder() {
    assertThat(request(DPO, "bad-1", "{\"from\":\"2026-05\",\"to\":\"2026-03\"}").statusCode())
        .isEqualTo(400);
    assertThat(request(DPO, "bad-2", "{\"from\":\"May\",\"to\":\"2026-03\"}").statusCode())
        .isEqualTo(400);
    assertThat(
            request(DPO, "bad-3", "{\"from\":\"2026-01\",\"to\":\"2026-02\",\"lang\":\"fr\"}")
                .statusCode())
        .isEqualTo(400);
  }
}
