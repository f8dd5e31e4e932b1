package org.meldekette.lifecycle;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.Incident;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.RiskLevel;
import org.meldekette.domain.Role;
import org.meldekette.domain.lifecycle.Outcome;
import org.meldekette.domain.lifecycle.RiskRules;
import org.meldekette.domain.risk.Circumstance;
import org.meldekette.domain.risk.ContextFactor;
import org.meldekette.domain.risk.DataCategory;
import org.meldekette.domain.risk.EdpbFactor;
import org.meldekette.domain.risk.Identifiability;
import org.meldekette.domain.risk.RiskAdvice;
import org.meldekette.domain.risk.RiskAssessment;
import org.meldekette.domain.risk.RiskInput;
import org.meldekette.domain.risk.RiskMethod;
import org.meldekette.domain.risk.RiskScore;
import org.meldekette.http.JsonFields;
import org.meldekette.http.StaffCall;
import org.meldekette.store.IncidentQueries;
import org.meldekette.store.IncidentStore;

/**
 * Risk to the data subjects by the method: {@code GET /risk-method} (the table with its wording), a
 * preview that scores without storing (the console's live score), recording an assessment (a
 * suggestion), and LEGAL's or the DPO's decision on it, which sets the risk the clocks use.
 */
final class RiskWrites {
  private static final Set<String> FIELDS =
      Set.of("data", "identification", "circumstances", "factors", "exceptions");
  private static final Set<String> REASONED = Set.of("level", "reason");
  private static final Role[] ASSESSORS = {Role.RESPONDER, Role.LEGAL, Role.DPO, Role.SECOND_LINE};

  private final IncidentStore store;
  private final IncidentQueries queries;
  private final RecordIds ids;
  private final RiskMethod method;

  RiskWrites(IncidentStore store, IncidentQueries queries, RecordIds ids, RiskMethod method) {
    this.store = store;
    this.queries = queries;
    this.ids = ids;
    this.method = method;
  }

  /** {@code GET /risk-method}: the table in use, with the wording of every level. */
  void method(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    call.reply().text(200, "application/json; charset=utf-8", method.json());
  }

  /** {@code POST /incidents/{id}/risk-assessments/preview}: scores, stores nothing. */
  void preview(StaffCall call, Map<String, String> params) throws IOException {
    call.require(ASSESSORS);
    Incident incident = queries.get(call.incidentId(params));
    RiskInput input = input(call.body(FIELDS));
    RiskScore score = method.score(input);
    RiskAdvice advice = RiskAdvice.of(score, input, incident.processing().actingAsProcessor());
    call.reply().json(200, RiskViews.suggestion(score, advice));
  }

  /** {@code POST /incidents/{id}/risk-assessments}: a new assessment, a suggestion only. */
  void record(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(ASSESSORS);
    String id = call.incidentId(params);
    long ifMatch = call.ifMatch();
    RiskInput input = input(call.body(FIELDS));
    String assessmentId = ids.next("RSK");
    Recorded recorded =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              RiskAssessment assessment =
                  RiskAssessment.made(
                      assessmentId,
                      incident.version() + 1,
                      input,
                      method,
                      incident.processing().actingAsProcessor(),
                      call.member().email(),
                      role,
                      call.now());
              Outcome outcome =
                  RiskRules.recorded(incident, assessment, call.actor(role), call.now());
              tx.createRiskAssessment(assessment);
              return new Recorded(assessment, tx.apply(outcome));
            });
    call.created(
        recorded.outcome().incident().version(),
        "/incidents/" + id + "/risk-assessments/" + assessmentId,
        RiskViews.assessment(recorded.assessment()));
  }

  /** {@code GET /incidents/{id}/risk-assessments}: every assessment, newest first. */
  void list(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    String id = queries.get(call.incidentId(params)).id();
    List<Map<String, Object>> all =
        new ArrayList<>(queries.riskAssessments(id).stream().map(RiskViews::assessment).toList());
    java.util.Collections.reverse(all);
    call.reply().json(200, Map.of("riskAssessments", all));
  }

  /**
   * {@code POST /incidents/{id}/risk-assessments/{assessmentId}/decision} {@code {"decision":
   * "ACCEPT"|"OVERRIDE", "risk", "reason"}}: LEGAL or the DPO.
   */
  void decide(StaffCall call, Map<String, String> params) throws IOException {
    Role role = call.require(Role.LEGAL, Role.DPO);
    String id = call.incidentId(params);
    String assessmentId = call.recordId(params, "assessmentId");
    long ifMatch = call.ifMatch();
    JsonFields body = call.body(Set.of("decision", "risk", "reason"));
    RiskAssessment.Decision decision = body.enumValue("decision", RiskAssessment.Decision.class);
    RiskLevel risk = body.enumValue("risk", RiskLevel.class);
    if (decision == null) {
      throw new InvalidInput("decision", "REQUIRED", "decision (ACCEPT or OVERRIDE) is required");
    }
    if (decision == RiskAssessment.Decision.OVERRIDE && risk == null) {
      throw new InvalidInput("risk", "REQUIRED", "an override names the risk: LOW, MEDIUM or HIGH");
    }
    if (decision == RiskAssessment.Decision.ACCEPT && risk != null) {
      throw new InvalidInput(
          "risk", "NOT_APPLICABLE", "accepting takes the suggested risk; override to set another");
    }
    String reason = body.string("reason");
    RiskRules.Decided decided =
        store.update(
            id,
            ifMatch,
            call.confirmation(),
            (tx, incident) -> {
              RiskAssessment assessment =
                  tx.riskAssessment(assessmentId)
                      .orElseThrow(() -> new NotFound("no risk assessment " + assessmentId));
              boolean newest = tx.latestRiskAssessmentId().map(assessmentId::equals).orElse(false);
              RiskRules.Decided result =
                  RiskRules.decided(
                      incident, assessment, newest, risk, reason, call.actor(role), call.now());
              tx.saveRiskVerdict(result.assessment());
              return new RiskRules.Decided(result.assessment(), tx.apply(result.outcome()));
            });
    call.ok(decided.outcome().incident().version(), RiskViews.assessment(decided.assessment()));
  }

  private record Recorded(RiskAssessment assessment, Outcome outcome) {}

  private static RiskInput input(JsonFields body) {
    List<RiskInput.DataItem> data = new ArrayList<>();
    List<JsonFields> items = body.objects("data", Set.of("category", "score", "factors", "reason"));
    for (int i = 0; items != null && i < items.size(); i++) {
      JsonFields item = items.get(i);
      String at = "data[" + i + "]";
      data.add(
          indexed(
              at,
              () -> {
                Long score = item.integer("score");
                if (score == null) {
                  throw new InvalidInput(
                      "data.score", "REQUIRED", "data.score (1 to 4) is required");
                }
                return new RiskInput.DataItem(
                    item.enumValue("category", DataCategory.class),
                    (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, score)),
                    enums(item.strings("factors"), ContextFactor.class, at + ".factors"),
                    item.string("reason"));
              }));
    }
    JsonFields identification = body.object("identification", REASONED);
    JsonFields found =
        body.object("circumstances", names(Circumstance::field, Circumstance.values()));
    Map<Circumstance, RiskInput.Finding> circumstances = new EnumMap<>(Circumstance.class);
    for (Circumstance c : Circumstance.values()) {
      JsonFields finding = found == null ? null : found.object(c.field(), REASONED);
      if (finding != null) {
        String level = finding.string("level");
        circumstances.put(
            c,
            new RiskInput.Finding(
                level == null ? null : level.strip().toUpperCase(Locale.ROOT),
                finding.string("reason")));
      }
    }
    JsonFields answered = body.object("factors", names(Enum::name, EdpbFactor.values()));
    Map<EdpbFactor, String> factors = new EnumMap<>(EdpbFactor.class);
    for (EdpbFactor f : EdpbFactor.values()) {
      String note = answered == null ? null : answered.string(f.name());
      if (note != null) {
        factors.put(f, note);
      }
    }
    List<RiskInput.ExceptionClaim> exceptions = new ArrayList<>();
    List<JsonFields> claims = body.objects("exceptions", Set.of("exception", "reason"));
    for (int i = 0; claims != null && i < claims.size(); i++) {
      JsonFields claim = claims.get(i);
      exceptions.add(
          indexed(
              "exceptions[" + i + "]",
              () ->
                  new RiskInput.ExceptionClaim(
                      claim.enumValue("exception", Art34Exception.class), claim.string("reason"))));
    }
    return new RiskInput(
        data,
        identification == null
            ? null
            : new RiskInput.Identification(
                identification.enumValue("level", Identifiability.class),
                identification.string("reason")),
        circumstances,
        factors,
        exceptions);
  }

  /** Builds a list item, naming the item's index in a refusal ({@code data[1].reason}). */
  private static <T> T indexed(String at, java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (InvalidInput e) {
      int dot = e.field() == null ? -1 : e.field().indexOf('.');
      String field = dot < 0 ? at : at + e.field().substring(dot);
      String message =
          e.field() == null ? e.getMessage() : e.getMessage().replace(e.field(), field);
      throw new InvalidInput(field, e.code(), message);
    }
  }

  @SafeVarargs
  private static <E> Set<String> names(java.util.function.Function<E, String> name, E... values) {
    return java.util.Arrays.stream(values).map(name).collect(java.util.stream.Collectors.toSet());
  }

  private static <E extends Enum<E>> List<E> enums(List<String> names, Class<E> type, String at) {
    if (names == null) {
      return List.of();
    }
    List<E> values = new ArrayList<>();
    for (String name : names) {
      try {
        values.add(Enum.valueOf(type, name.strip().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new InvalidInput(
            at,
            "INVALID_VALUE",
            at + " must hold values of " + java.util.Arrays.toString(type.getEnumConstants()));
      }
    }
    return values;
  }
}
