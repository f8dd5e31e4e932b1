package org.meldekette.lifecycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Member;
import org.meldekette.domain.Role;
import org.meldekette.store.CollectionNames;
import org.meldekette.store.MemberStore;

/**
 * The staff changes that let their caller in on the member as the instance last read them confirm
 * the member in their own transaction: a member removed, or stripped of a role, since changes
 * nothing, even on an instance that saw them a moment before.
 */
class ConfirmedMemberTest extends ServedLifecycle {
  private static final String MEASURE = "MSR-0000000000";
  private static final String EVIDENCE = "EVD-0000000000";

  /** A request for every change route that confirms its member, with a body it accepts. */
  private static Map<String, String[]> changes(String id) {
    String base = "/incidents/" + id;
    Map<String, String[]> all = new LinkedHashMap<>();
    all.put(
        "PUT /incidents/{id}/triage",
        new String[] {
          "PUT", base + "/triage", "{\"classification\":\"INCIDENT\",\"severity\":\"P3\"}"
        });
    all.put(
        "POST /incidents/{id}/measures",
        new String[] {
          "POST", base + "/measures", "{\"type\":\"CONTAINMENT\",\"description\":\"Isolate\"}"
        });
    all.put(
        "PATCH /incidents/{id}/measures/{measureId}",
        new String[] {"PATCH", base + "/measures/" + MEASURE, "{\"status\":\"DONE\"}"});
    all.put(
        "POST /incidents/{id}/evidence",
        new String[] {
          "POST",
          base + "/evidence",
          "{\"source\":\"CLOUD_LOGGING\",\"location\":\"gs://f/a.json\",\"sha256\":\""
              + HASH
              + "\"}"
        });
    all.put(
        "POST /incidents/{id}/evidence/{evidenceId}/custody",
        new String[] {
          "POST", base + "/evidence/" + EVIDENCE + "/custody", "{\"action\":\"ACCESSED\"}"
        });
    all.put(
        "POST /incidents/{id}/decisions",
        new String[] {
          "POST", base + "/decisions", "{\"type\":\"NOTIFY_AUTHORITY\",\"reasoning\":\"Exposed.\"}"
        });
    all.put(
        "POST /incidents/{id}/transitions",
        new String[] {"POST", base + "/transitions", "{\"to\":\"CONTAINMENT\"}"});
    all.put(
        "POST /incidents/{id}/approvals",
        new String[] {"POST", base + "/approvals", "{\"audience\":\"SUPERVISORY_AUTHORITY\"}"});
    all.put(
        "POST /incidents/{id}/communications",
        new String[] {
          "POST",
          base + "/communications",
          "{\"audience\":\"SUPERVISORY_AUTHORITY\",\"channel\":\"portal\",\"summary\":\"Told.\","
              + "\"notification\":\"INITIAL\",\"sentAt\":\""
              + clock.instant()
              + "\"}"
        });
    return all;
  }

  @Test
  void everyConfirmingRouteIsCoveredHere() throws Exception {
    assertThat(changes("x").keySet())
        .containsExactlyInAnyOrderElementsOf(
            new IncidentLifecycleUnderTest().confirmedChangeRoutes());
  }

  @Test
  void aMemberRemovedSinceTheInstanceLastSawThemChangesNothing() throws Exception {
    String id = newIncident();
    String member = someone(EnumSet.of(Role.RESPONDER, Role.LEGAL));
    // A first change on this instance: it reads the member, and remembers them.
    String etag = write("PUT", "/incidents/" + id + "/triage", member, etag(id), TRIAGE, 200);
    new MemberStore(db)
        .put(new Member(member, EnumSet.of(Role.RESPONDER, Role.LEGAL), false), "admin", START);

    for (Map.Entry<String, String[]> change : changes(id).entrySet()) {
      String[] request = change.getValue();
      HttpResponse<String> answer = call(request[0], request[1], member, etag, request[2]);
      assertThat(answer.statusCode()).as(change.getKey() + ": " + answer.body()).isEqualTo(403);
      assertThat(answer.body()).contains("is not an active member");
    }
    assertThat(etag(id)).as("nothing changed").isEqualTo(etag);
    for (String records :
        Set.of(
            CollectionNames.MEASURES,
            CollectionNames.EVIDENCE,
            CollectionNames.DECISIONS,
            CollectionNames.APPROVALS,
            CollectionNames.COMMUNICATIONS)) {
      assertThat(
              db.collection(CollectionNames.INCIDENTS)
                  .document(id)
                  .collection(records)
                  .get()
                  .get()
                  .isEmpty())
          .as(records)
          .isTrue();
    }
  }

  @Test
  void aRoleTakenAwayIsCheckedInTheChangesTransaction() throws Exception {
    String id = newIncident();
    String member = someone(EnumSet.of(Role.RESPONDER, Role.LEGAL));
    String etag = write("PUT", "/incidents/" + id + "/triage", member, etag(id), TRIAGE, 200);
    new MemberStore(db).put(new Member(member, EnumSet.of(Role.RESPONDER), true), "admin", START);

    HttpResponse<String> decision =
        call(
            "POST",
            "/incidents/" + id + "/decisions",
            member,
            etag,
            "{\"type\":\"NO_AUTHORITY_NOTIFICATION\",\"reasoning\":\"Encrypted.\"}");
    assertThat(decision.statusCode()).as(decision.body()).isEqualTo(403);
    assertThat(decision.body()).contains("changed while this request was on its way");
    assertThat(etag(id)).isEqualTo(etag);

    // The refusal made the instance forget them: the next call reads them afresh.
    assertThat(
            refused(
                call(
                    "POST",
                    "/incidents/" + id + "/decisions",
                    member,
                    etag,
                    "{\"type\":\"NO_AUTHORITY_NOTIFICATION\",\"reasoning\":\"Encrypted.\"}"),
                403))
        .isEqualTo("FORBIDDEN");
    addMeasure(id, member, etag);
  }

  @Test
  void aRoleAddedMeanwhileDoesNotStandInTheWay() throws Exception {
    String id = newIncident();
    String member = someone(EnumSet.of(Role.RESPONDER));
    String etag = write("PUT", "/incidents/" + id + "/triage", member, etag(id), TRIAGE, 200);
    new MemberStore(db)
        .put(new Member(member, EnumSet.of(Role.RESPONDER, Role.LEGAL), true), "admin", START);
    addMeasure(id, member, etag);
  }

  private static void addMeasure(String id, String member, String etag) {
    write(
        "POST",
        "/incidents/" + id + "/measures",
        member,
        etag,
        "{\"type\":\"CONTAINMENT\",\"description\":\"Isolate the host\"}",
        201);
  }

  private static final String TRIAGE = "{\"classification\":\"INCIDENT\",\"severity\":\"P3\"}";

  /** A member of this test alone, so no other test's requests have let the instance see them. */
  private static String someone(Set<Role> roles) {
    String email = "member-" + UUID.randomUUID() + "@meldekette.test";
    new MemberStore(db).put(new Member(email, roles, true), "test-setup", START);
    return email;
  }
}
