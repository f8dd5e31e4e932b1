package org.meldekette.http;

import com.google.cloud.functions.HttpRequest;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.meldekette.auth.StaffAuthenticator;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Incident;
import org.meldekette.domain.IncidentIds;
import org.meldekette.domain.Member;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Role;
import org.meldekette.store.MemberConfirmation;

/**
 * One signed-in staff member's request: who calls, when, and the helpers every handler of the staff
 * API uses (incident-lifecycle and evidence-vault). A change of an incident hands {@code
 * confirmation} to its transaction, which confirms the member there.
 */
public record StaffCall(
    HttpRequest request,
    Reply reply,
    Member member,
    MemberConfirmation confirmation,
    Instant now,
    Map<String, String> labels) {
  public static final int MAX_BODY_BYTES = 256 * 1024;
  private static final Pattern RECORD_ID = Pattern.compile("[A-Z]{3}-[0-9A-Z]{10}");
  private static final Set<String> JSON = Set.of(MediaType.JSON);

  /** The caller acting under {@code role}, as the timeline and the audit trail name them. */
  public Actor actor(Role role) {
    return Actor.staff(member.email(), role);
  }

  /** The roles of people: every one of them may read incidents; a service identity may not. */
  public static final Role[] STAFF = {
    Role.RESPONDER, Role.SECOND_LINE, Role.LEGAL, Role.DPO, Role.COMMUNICATIONS, Role.ADMIN
  };

  /** The roles that see every incident's communications and reporter contacts. */
  private static final Role[] SEE_ALL = {Role.SECOND_LINE, Role.LEGAL, Role.DPO};

  /**
   * Need-to-know for an incident's communications and its reporter's contact: the incident's team,
   * the second line, LEGAL and the DPO.
   */
  public boolean needsToKnow(Incident incident) {
    return java.util.Arrays.stream(SEE_ALL).anyMatch(member::has)
        || incident.team().contains(member.email());
  }

  /** Refuses with 403 unless the caller has need-to-know for the incident. */
  public void requireNeedToKnow(Incident incident, String what) {
    if (!needsToKnow(incident)) {
      throw new org.meldekette.domain.Forbidden(
          what + " are need-to-know: for the incident's team, the second line, LEGAL and the DPO");
    }
  }

  /** Refuses with 403 unless the caller holds one of the roles; gives the one they act under. */
  public Role require(Role... anyOf) {
    return StaffAuthenticator.require(member, anyOf);
  }

  /** The incident ID of the path; a malformed one is 404 before any read. */
  public String incidentId(Map<String, String> params) {
    String id = params.get("id");
    if (!IncidentIds.isWellFormed(id)) {
      throw new NotFound("no incident " + id);
    }
    labels.put("incidentId", id);
    return id;
  }

  /** A record ID of the path (measure, evidence, skip request); a malformed one is 404. */
  public String recordId(Map<String, String> params, String name) {
    String id = params.get(name);
    if (id == null || !RECORD_ID.matcher(id).matches()) {
      throw new NotFound("no " + name + " " + id);
    }
    return id;
  }

  public long ifMatch() {
    return ETags.requireIfMatch(request);
  }

  public JsonFields body(Set<String> fields) throws IOException {
    MediaType.of(request).requireOneOf(JSON);
    return JsonFields.parse(RequestBodies.readUtf8(request, MAX_BODY_BYTES), fields);
  }

  /**
   * A query parameter, decoded strictly (see {@link FormUrlEncoded#parseQuery}); blank counts as
   * not given.
   */
  public String query(String name) {
    List<String> values =
        FormUrlEncoded.parseQuery(request.getQuery().orElse("")).getOrDefault(name, List.of());
    return values.isEmpty() || values.get(0).isBlank() ? null : values.get(0);
  }

  /**
   * The {@code format} asked for: one of {@code allowed}, the first when none is given; else 400.
   */
  public String format(String... allowed) {
    String format = query("format");
    if (format == null) {
      return allowed[0];
    }
    if (!List.of(allowed).contains(format)) {
      throw ApiException.badRequest(
          "format", "INVALID_VALUE", "format must be one of " + List.of(allowed));
    }
    return format;
  }

  /** The language a document is asked for in ({@code lang}), German when none is given. */
  public String language() {
    String lang = query("lang");
    return lang == null ? "de" : lang;
  }

  public int pageSize() {
    String value = query("pageSize");
    if (value == null) {
      return 50;
    }
    try {
      int size = Integer.parseInt(value);
      if (size >= 1 && size <= 200) {
        return size;
      }
    } catch (NumberFormatException ignored) {
      // refused below
    }
    throw ApiException.badRequest(
        "pageSize", "OUT_OF_RANGE", "pageSize must be a number from 1 to 200");
  }

  public void ok(long version, Object body) throws IOException {
    reply.header("ETag", ETags.of(version));
    reply.json(200, body);
  }

  public void created(long version, String location, Object body) throws IOException {
    reply.header("ETag", ETags.of(version));
    reply.header("Location", location);
    reply.json(201, body);
  }
}
