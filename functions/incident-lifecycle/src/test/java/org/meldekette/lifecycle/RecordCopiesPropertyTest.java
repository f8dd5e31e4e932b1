package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.cloud.firestore.DocumentReference;
import com.google.cloud.firestore.DocumentSnapshot;
import com.google.cloud.firestore.FieldValue;
import com.google.cloud.firestore.QueryDocumentSnapshot;
import com.google.gson.JsonArray;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.meldekette.store.CollectionNames;

/**
 * The incident document carries a copy of the records its exit criteria and clocks read, so a
 * change reads one document instead of five queries. Random sequences of staff writes (accepted or
 * refused) are applied, and after each the copy must equal a recount of the records' own documents.
 */
class RecordCopiesPropertyTest extends ServedLifecycle {
  private static final List<String> PHASES =
      List.of("CONTAINMENT", "FORENSICS", "LEGAL_ASSESSMENT", "RECOVERY_CLOSURE", "CLOSED");

  @Test
  void afterEveryWriteTheCopyEqualsARecountOfTheRecords() throws Exception {
    long seed = Long.getLong("records.seed", System.nanoTime());
    Random random = new Random(seed);
    java.util.Set<String> accepted = new java.util.TreeSet<>();
    for (int incident = 0; incident < 3; incident++) {
      String id = newIncident();
      assertCopyMatchesRecords(id, seed, "opened");
      assertThat(
              ((Map<?, ?>)
                      db.collection(CollectionNames.INCIDENTS)
                          .document(id)
                          .get()
                          .get()
                          .get("records"))
                  .containsKey("approvals"))
          .as("a new incident's copy holds its approvals")
          .isTrue();
      for (int step = 0; step < 30; step++) {
        String what = randomWrite(random, id);
        assertCopyMatchesRecords(id, seed, what);
        if (what.matches(".* → 20[01]")) {
          accepted.add(what.replaceAll(".*/incidents/[^/]+/?([a-z-]*).*", "$1"));
        }
      }
    }
    // The sequences must have changed records, not only been refused.
    assertThat(accepted)
        .as("writes accepted (seed %d)", seed)
        .contains(
            "measures",
            "evidence",
            "decisions",
            "communications",
            "retention-extensions",
            "triage");
  }

  @Test
  void anIncidentWrittenBeforeCopiesIsReadFromItsRecordsAndGetsItsCopyWithItsNextChange()
      throws Exception {
    String id = newIncident();
    String etag = containmentMeasure(id, inContainment(id), "Block the address range");
    String measure =
        body(call("GET", "/incidents/" + id + "/measures", RESPONDER, null, null))
            .getAsJsonArray("measures")
            .get(0)
            .getAsJsonObject()
            .get("id")
            .getAsString();
    etag =
        write(
            "PATCH",
            "/incidents/" + id + "/measures/" + measure,
            RESPONDER,
            etag,
            "{\"status\":\"DONE\",\"effectiveness\":{\"result\":\"EFFECTIVE\"}}",
            200);
    DocumentReference incident = db.collection(CollectionNames.INCIDENTS).document(id);
    incident.update("records", FieldValue.delete()).get();

    // Read as before copies: the exit criteria see the effective measure in its own document.
    assertThat(
            body(call("GET", "/incidents/" + id, RESPONDER, null, null))
                .getAsJsonArray("unmetExitCriteria")
                .toString())
        .doesNotContain("CONTAINMENT_MEASURE_MISSING");
    etag =
        write(
            "POST",
            "/incidents/" + id + "/transitions",
            RESPONDER,
            etag,
            "{\"to\":\"FORENSICS\"}",
            200);
    assertCopyMatchesRecords(id, 0, "the first change after copies");
    // The approvals were not read by that change, so its copy leaves them out (read by a query);
    // the next approval reads them and copies all.
    assertThat(((Map<?, ?>) incident.get().get().get("records")).containsKey("approvals"))
        .isFalse();
    write(
        "POST",
        "/incidents/" + id + "/approvals",
        LEGAL,
        etag,
        "{\"audience\":\"DATA_SUBJECTS\"}",
        201);
    assertCopyMatchesRecords(id, 0, "an approval");
    assertThat(((Map<?, ?>) incident.get().get().get("records")).containsKey("approvals")).isTrue();
  }

  /** One staff write chosen at random, as the role that may make it; gives what it was. */
  private String randomWrite(Random random, String id) {
    String base = "/incidents/" + id;
    String etag = etag(id);
    HttpResponse<String> answer =
        switch (random.nextInt(9)) {
          case 0 ->
              call(
                  "PUT",
                  base + "/triage",
                  RESPONDER,
                  etag,
                  random.nextBoolean()
                      ? """
                      {"classification":"INCIDENT","severity":"P3",
                       "cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
                       "affectedSystems":["search"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}"""
                      : """
                      {"classification":"BREACH","severity":"P2",
                       "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
                       "affectedSystems":["crm"],"dataDomains":["customers"],"dataCategories":["names"],
                       "estimatedDataSubjects":40,"estimatedRecords":40,"initialRisk":"HIGH"}""");
          case 1 ->
              call(
                  "POST",
                  base + "/measures",
                  RESPONDER,
                  etag,
                  "{\"type\":\"%s\",\"description\":\"Measure %d\",\"owner\":\"ops\",\"dueAt\":\"2030-01-01T00:00:00Z\"}"
                      .formatted(
                          List.of("CONTAINMENT", "CORRECTIVE", "PREVENTIVE").get(random.nextInt(3)),
                          random.nextInt(1000)));
          case 2 -> changeAMeasure(random, id, etag);
          case 3 ->
              call(
                  "POST",
                  base + "/evidence",
                  RESPONDER,
                  etag,
                  "{\"source\":\"CLOUD_LOGGING\",\"location\":\"gs://forensics/%d.json\",\"sha256\":\"%s\"}"
                      .formatted(random.nextInt(1000), HASH));
          case 4 ->
              call(
                  "POST",
                  base + "/decisions",
                  random.nextBoolean() ? LEGAL : DPO,
                  etag,
                  "{\"type\":\"%s\",\"reasoning\":\"Reason %d\"}"
                      .formatted(
                          List.of(
                                  "NOTIFY_AUTHORITY",
                                  "NO_AUTHORITY_NOTIFICATION",
                                  "NO_PERSONAL_DATA")
                              .get(random.nextInt(3)),
                          random.nextInt(1000)));
          case 5 -> {
            HttpResponse<String> approval =
                call(
                    "POST",
                    base + "/approvals",
                    LEGAL,
                    etag,
                    "{\"audience\":\"SUPERVISORY_AUTHORITY\"}");
            String next = approval.headers().firstValue("ETag").orElse(etag);
            yield call(
                "POST",
                base + "/communications",
                RESPONDER,
                next,
                "{\"audience\":\"SUPERVISORY_AUTHORITY\",\"channel\":\"portal\",\"summary\":\"Told.\",\"notification\":\"INITIAL\",\"sentAt\":\"%s\"}"
                    .formatted(clock.instant()));
          }
          case 6 ->
              call(
                  "POST",
                  base + "/retention-extensions",
                  LEGAL,
                  etag,
                  """
                  {"what":"Access logs","until":"2031-06-30T00:00:00Z","justification":"A claim."}""");
          case 7 -> call("POST", base + "/operation-restored", RESPONDER, etag, "{}");
          default ->
              call(
                  "POST",
                  base + "/transitions",
                  RESPONDER,
                  etag,
                  "{\"to\":\"%s\"}".formatted(PHASES.get(random.nextInt(PHASES.size()))));
        };
    return answer.request().method()
        + " "
        + answer.request().uri().getPath()
        + " → "
        + answer.statusCode();
  }

  private HttpResponse<String> changeAMeasure(Random random, String id, String etag) {
    JsonArray measures =
        body(call("GET", "/incidents/" + id + "/measures", RESPONDER, null, null))
            .getAsJsonArray("measures");
    if (measures.isEmpty()) {
      return call("GET", "/incidents/" + id, RESPONDER, null, null);
    }
    String measure =
        measures.get(random.nextInt(measures.size())).getAsJsonObject().get("id").getAsString();
    return call(
        "PATCH",
        "/incidents/" + id + "/measures/" + measure,
        RESPONDER,
        etag,
        random.nextBoolean()
            ? "{\"status\":\"DONE\",\"effectiveness\":{\"result\":\"EFFECTIVE\"}}"
            : "{\"status\":\"IN_PROGRESS\"}");
  }

  /** The incident's copy against its records' own documents, field by field. */
  @SuppressWarnings("unchecked")
  private static void assertCopyMatchesRecords(String id, long seed, String after)
      throws Exception {
    DocumentReference incident = db.collection(CollectionNames.INCIDENTS).document(id);
    DocumentSnapshot document = incident.get().get();
    Map<String, Object> copy = (Map<String, Object>) document.get("records");
    assertThat(copy).as("the copy of %s after %s (seed %d)", id, after, seed).isNotNull();
    Map<String, String> collections =
        Map.of(
            "measures", CollectionNames.MEASURES,
            "decisions", CollectionNames.DECISIONS,
            "communications", CollectionNames.COMMUNICATIONS,
            "retentionExtensions", CollectionNames.RETENTION_EXTENSIONS);
    if (copy.containsKey("approvals")) {
      collections = new LinkedHashMap<>(collections);
      collections.put("approvals", CollectionNames.APPROVALS);
    }
    for (Map.Entry<String, String> kind : collections.entrySet()) {
      Map<String, Object> recount = new LinkedHashMap<>();
      for (QueryDocumentSnapshot record : incident.collection(kind.getValue()).get().get()) {
        recount.put(record.getId(), record.getData());
      }
      assertThat((Map<String, Object>) copy.get(kind.getKey()))
          .as("%s of %s after %s (seed %d)", kind.getKey(), id, after, seed)
          .isEqualTo(recount);
    }
    assertThat(copy.get("evidenceCount"))
        .as("evidence of %s after %s (seed %d)", id, after, seed)
        .isEqualTo((long) incident.collection(CollectionNames.EVIDENCE).get().get().size());
  }
}
