package org.meldekette.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Evidence;
import org.meldekette.domain.EvidenceSource;
import org.meldekette.domain.LegalHold;
import org.meldekette.domain.Role;
import org.meldekette.store.CommitListener;
import org.meldekette.store.LegalHoldStore;
import org.meldekette.testing.TestHttp;

/**
 * Legal holds reach Cloud Storage (a temporary hold on every object of the incident, released with
 * the last hold, both audited), the event-based hold ends only when the investigation is closed and
 * nothing else holds the file, and verification notices an object changed or lost behind the
 * vault's back.
 */
class HoldsAndVerificationTest extends ServedVault {
  static final byte[] FILE =
      "firewall rules before the change\n".repeat(100).getBytes(StandardCharsets.UTF_8);

  @Test
  void aLegalHoldPutsATemporaryHoldOnTheObjectsAndOnlyAfterClosureAndReleaseCanTheyBeDeleted()
      throws Exception {
    String id = incident(RESPONDER);
    String object =
        UploadsTest.uploaded(id, "rules.txt", FILE)
            .getAsJsonArray("files")
            .get(0)
            .getAsJsonObject()
            .get("object")
            .getAsString();
    LegalHoldStore holds = new LegalHoldStore(db, CommitListener.NONE);
    LegalHold hold =
        new LegalHold(
            "HLD-" + id.substring(13) + "0000",
            "account:7f3a9c",
            LegalHold.Reason.LEGAL_HOLD,
            List.of("LIT-2026-014"),
            "Litigation expected",
            id,
            LEGAL,
            clock.instant(),
            null,
            null,
            null);
    holds.place(hold, Actor.staff(LEGAL, Role.LEGAL));

    assertThat(holdsTask(id)).isEqualTo(1);
    assertThat(storage.buckets().require(VAULT, object).temporaryHold()).isTrue();

    db.collection("incidents").document(id).update("phase", "CLOSED").get();
    assertThat(scheduled("/reconcile").statusCode()).isEqualTo(200);
    assertThat(storage.buckets().require(VAULT, object).eventBasedHold())
        .as("closed, but the legal hold keeps the file")
        .isTrue();
    assertThatThrownBy(() -> storage.buckets().delete(VAULT, object, null))
        .hasMessageContaining("hold");

    holds.release(hold.id(), Actor.staff(LEGAL, Role.LEGAL), clock.instant(), "Settled");
    assertThat(holdsTask(id)).isEqualTo(1);
    var released = storage.buckets().require(VAULT, object);
    assertThat(released.eventBasedHold()).isFalse();
    assertThat(released.temporaryHold()).isFalse();
    storage.buckets().delete(VAULT, object, null);

    assertThat(UploadsTest.timelineTypes(id).stream().filter("VAULT_HOLDS_CHANGED"::equals))
        .as("placing and releasing, each on the audit trail")
        .hasSize(2);
    assertThat(holdsTask(id)).as("nothing left to change").isZero();
  }

  @Test
  void verificationNoticesAnObjectChangedOrLostBehindTheVaultsBack() throws Exception {
    String id = incident(RESPONDER);
    JsonObject kept = UploadsTest.uploaded(id, "kept.txt", FILE);
    JsonObject changed = UploadsTest.uploaded(id, "changed.txt", FILE);
    JsonObject lost = UploadsTest.uploaded(id, "lost.txt", FILE);
    storage
        .buckets()
        .tamper(
            VAULT,
            object(changed),
            "firewall rules AFTER the change\n".getBytes(StandardCharsets.UTF_8));
    storage.buckets().lose(VAULT, object(lost));

    HttpResponse<String> run = scheduled("/verify");
    assertThat(run.statusCode()).isEqualTo(200);
    List<String> failures =
        json(run).getAsJsonArray("failures").asList().stream()
            .map(f -> f.getAsJsonObject())
            .filter(f -> f.get("incidentId").getAsString().equals(id))
            .map(f -> f.get("evidenceId").getAsString() + " " + f.get("result").getAsString())
            .toList();
    assertThat(failures)
        .containsExactlyInAnyOrder(
            changed.get("id").getAsString() + " MISMATCH",
            lost.get("id").getAsString() + " MISSING");
    assertThat(VaultUnderTest.logText())
        .contains(VaultCheck.FAILED)
        .contains(changed.get("id").getAsString());
    assertThat(UploadsTest.custodyActions(id, changed.get("id").getAsString()))
        .containsExactly("COLLECTED", "VERIFIED");
    assertThat(UploadsTest.custodyActions(id, kept.get("id").getAsString()))
        .containsExactly("COLLECTED");
    assertThat(
            db.collection("vault-checks")
                .document(json(run).get("runId").getAsString())
                .get()
                .get()
                .exists())
        .isTrue();

    assertThat(verify(id, kept).get("result").getAsString()).isEqualTo("MATCH");
    assertThat(verify(id, changed).get("result").getAsString()).isEqualTo("MISMATCH");
    assertThat(verify(id, lost).get("result").getAsString()).isEqualTo("MISSING");
    assertThat(UploadsTest.custodyActions(id, kept.get("id").getAsString()))
        .containsExactly("COLLECTED", "VERIFIED");
  }

  @Test
  void evidenceRecordedByReferenceIsNotSecuredByMeldeketteAndCannotBeVerifiedHere()
      throws Exception {
    String id = incident(RESPONDER);
    Evidence byReference =
        new Evidence(
            "EVD-R" + id.substring(13) + "000",
            EvidenceSource.OTHER,
            "ticket SEC-1234 attachment",
            "a".repeat(64),
            null,
            RESPONDER,
            clock.instant(),
            clock.instant(),
            List.of());
    new org.meldekette.store.IncidentStore(
            db,
            new org.meldekette.domain.deadline.DeadlinePolicy(
                org.meldekette.domain.deadline.Regimes.shipped("GDPR", "INTERNAL")),
            CommitListener.NONE)
        .updateCurrent(
            id,
            (tx, incident) -> {
              tx.createEvidence(byReference);
              return tx.apply(
                  org.meldekette.domain.lifecycle.RecordRules.evidenceAdded(
                      incident,
                      byReference,
                      org.meldekette.domain.Actor.staff(
                          RESPONDER, org.meldekette.domain.Role.RESPONDER),
                      clock.instant()));
            });
    HttpResponse<String> refused =
        call(
            "POST",
            "/incidents/" + id + "/evidence/" + byReference.id() + "/verifications",
            RESPONDER,
            null);
    assertThat(refused.statusCode()).isEqualTo(409);
    assertThat(errorCode(refused)).isEqualTo("NOT_IN_VAULT");
    assertThat(json(refused).getAsJsonObject("error").get("message").getAsString())
        .contains("not secured by Meldekette");
  }

  static int holdsTask(String id) {
    HttpResponse<String> response =
        TestHttp.send(
            "POST",
            server.uri("/tasks/holds"),
            "{\"incidentId\":\"" + id + "\"}",
            "Authorization",
            "Bearer " + queue.token(TASKS, AUDIENCE),
            "Content-Type",
            "application/json");
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response).get("changed").getAsInt();
  }

  static String object(JsonObject evidence) {
    return evidence.getAsJsonArray("files").get(0).getAsJsonObject().get("object").getAsString();
  }

  static JsonObject verify(String id, JsonObject evidence) {
    HttpResponse<String> response =
        call(
            "POST",
            "/incidents/" + id + "/evidence/" + evidence.get("id").getAsString() + "/verifications",
            RESPONDER,
            null);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    return json(response);
  }
}
