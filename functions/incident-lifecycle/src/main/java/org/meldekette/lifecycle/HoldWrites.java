package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.LegalHold;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.Role;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.LegalHoldStore;

/**
 * Legal holds and the erasure check: LEGAL or the DPO place and release holds; the erasure workflow
 * asks whether a subject may be erased now and, if not, which holds block it.
 */
final class HoldWrites {
  private static final Set<String> PLACE =
      Set.of("subject", "reason", "reasonCodes", "justification", "incidentId");

  private final LegalHoldStore holds;
  private final IncidentQueries incidents;
  private final RecordIds ids;

  HoldWrites(LegalHoldStore holds, IncidentQueries incidents, RecordIds ids) {
    this.holds = holds;
    this.incidents = incidents;
    this.ids = ids;
  }

  /** {@code POST /legal-holds}. */
  void place(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    JsonFields body = call.body(PLACE);
    String incidentId = body.string("incidentId");
    if (incidentId != null
        && (!IncidentIds.isWellFormed(incidentId) || incidents.find(incidentId).isEmpty())) {
      throw new InvalidInput("incidentId", "NOT_FOUND", "no incident " + incidentId);
    }
    LegalHold hold =
        new LegalHold(
            ids.next("HLD"),
            body.string("subject"),
            body.enumValue("reason", LegalHold.Reason.class),
            body.strings("reasonCodes"),
            body.string("justification"),
            incidentId,
            call.member().email(),
            call.now(),
            null,
            null,
            null);
    holds.place(hold, call.actor(role));
    call.reply().header("Location", "/legal-holds/" + hold.id());
    call.reply().json(201, view(hold));
  }

  /** {@code POST /legal-holds/{holdId}/release} {@code {"justification"}}. */
  void release(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String holdId = call.recordId(params, "holdId");
    String justification = call.body(Set.of("justification")).string("justification");
    call.reply()
        .json(200, view(holds.release(holdId, call.actor(role), call.now(), justification)));
  }

  /** {@code GET /legal-holds?subject=…}: every hold of a subject, standing or released. */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.LEGAL, Role.DPO);
    String subject = LegalHold.requireSubject(call.query("subject"));
    call.reply()
        .json(
            200, Map.of("legalHolds", holds.all(subject).stream().map(HoldWrites::view).toList()));
  }

  /**
   * {@code GET /erasure-check?subject=…}: whether the subject may be erased now. A blocked answer
   * names the holds by ID, reason and reason codes, and nothing else.
   */
  void erasureCheck(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.ERASURE_WORKFLOW, Role.LEGAL, Role.DPO);
    String subject = LegalHold.requireSubject(call.query("subject"));
    List<LegalHold> standing = holds.active(subject);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("subject", subject);
    body.put("mayErase", standing.isEmpty());
    body.put(
        "blockingHolds",
        standing.stream()
            .map(
                h ->
                    Map.of(
                        "id",
                        h.id(),
                        "reason",
                        h.reason(),
                        "reasonCodes",
                        h.reasonCodes(),
                        "since",
                        h.placedAt()))
            .toList());
    call.reply().json(200, body);
  }

  private static Map<String, Object> view(LegalHold h) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", h.id());
    view.put("subject", h.subject());
    view.put("reason", h.reason());
    view.put("reasonCodes", h.reasonCodes());
    view.put("justification", h.justification());
    view.put("incidentId", h.incidentId());
    view.put("placedBy", h.placedBy());
    view.put("placedAt", h.placedAt());
    view.put("active", h.isActive());
    view.put("releasedBy", h.releasedBy());
    view.put("releasedAt", h.releasedAt());
    view.put("releaseJustification", h.releaseJustification());
    return view;
  }
}
