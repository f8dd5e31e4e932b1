package org.meldekette.intake;

import com.google.cloud.functions.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.Hashes;
import org.meldekette.domain.Phase;
import org.meldekette.domain.ReceiptCode;
import org.meldekette.domain.RecordIds;
import org.meldekette.domain.ReporterMessage;
import org.meldekette.domain.ReporterStatus;
import org.meldekette.http.ApiException;
import org.meldekette.http.JsonFields;
import org.meldekette.store.RateLimits;
import org.meldekette.store.ReporterChannel;

/**
 * The reporter's status page behind the receipt code: where their report stands in plain words, the
 * team's messages, and their own answers. The code travels in the request body, never in a URL. A
 * code that opens nothing — wrong, malformed or guessed — is 404 whether or not any report exists,
 * and a client that got too many of those in a window gets 429 until it ends.
 */
final class StatusPage {
  static final int FAILED_LOOKUPS = 10;
  static final Duration WINDOW = Duration.ofMinutes(10);
  private static final String SCOPE = "receipt-code";

  private final ReporterChannel channel;
  private final RateLimits limits;
  private final ClientAddress address;
  private final RecordIds ids;
  private final Clock clock;

  StatusPage(
      ReporterChannel channel,
      RateLimits limits,
      ClientAddress address,
      RecordIds ids,
      Clock clock) {
    this.channel = channel;
    this.limits = limits;
    this.address = address;
    this.ids = ids;
    this.clock = clock;
  }

  /** {@code {"code"}}: the report's status and messages. */
  Map<String, Object> status(HttpRequest request, String body) {
    JsonFields fields = JsonFields.parse(body, Set.of("code"));
    return view(incidentFor(request, fields.string("code")));
  }

  /**
   * {@code {"code", "text"}}: the reporter adds to their report. With an {@code Idempotency-Key}, a
   * repeat adds nothing. {@code admit} counts a new message against the client's budget (or refuses
   * it).
   */
  Map<String, Object> answer(
      HttpRequest request, String body, String idempotencyKey, Runnable admit) {
    JsonFields fields = JsonFields.parse(body, Set.of("code", "text"));
    String incidentId = incidentFor(request, fields.string("code"));
    ReporterChannel.Status status = channel.status(incidentId);
    if (status.incident().phase() == Phase.CLOSED) {
      throw new Conflict(
          "REPORT_CLOSED", "this report is closed; please send anything new as a new report");
    }
    String id =
        idempotencyKey == null
            ? ids.next("RPM")
            : "RPM-"
                + Hashes.sha256(incidentId + "\n" + idempotencyKey).substring(0, 12).toUpperCase();
    // Validated first: a refused message must not cost the sender any budget.
    ReporterMessage message =
        ReporterMessage.fromReporter(id, fields.string("text"), clock.instant());
    // A repeat of a keyed message changes nothing, not even the sender's budget.
    if (idempotencyKey == null || !channel.hasMessage(incidentId, id)) {
      admit.run();
    }
    channel.answer(incidentId, message);
    return view(incidentId);
  }

  private String incidentFor(HttpRequest request, String typed) {
    Instant now = clock.instant();
    String client = address.of(request);
    if (limits.exhausted(SCOPE, client, FAILED_LOOKUPS, WINDOW, now)) {
      throw new ApiException(
              429,
              "TOO_MANY_ATTEMPTS",
              "too many receipt codes that open no report; try again later")
          .retryAfter(RateLimits.secondsLeft(WINDOW, now));
    }
    var incident = ReceiptCode.parse(typed).flatMap(channel::incidentFor);
    if (incident.isEmpty()) {
      limits.count(SCOPE, client, WINDOW, now);
      throw new ApiException(404, "NOT_FOUND", "no report matches this receipt code");
    }
    return incident.get();
  }

  private Map<String, Object> view(String incidentId) {
    ReporterChannel.Status status = channel.status(incidentId);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("incidentId", incidentId);
    view.put("status", ReporterStatus.of(status.incident()));
    view.put("receivedAt", status.incident().createdAt());
    view.put("canAnswer", status.incident().phase() != Phase.CLOSED);
    List<Map<String, Object>> messages =
        status.messages().stream()
            .map(
                m -> {
                  Map<String, Object> message = new LinkedHashMap<>();
                  message.put(
                      "from",
                      m.direction() == ReporterMessage.Direction.TO_REPORTER ? "TEAM" : "REPORTER");
                  message.put("text", m.text());
                  message.put("at", m.at());
                  return message;
                })
            .toList();
    view.put("messages", messages);
    return view;
  }
}
