package org.meldekette.lifecycle;

import java.io.IOException;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Role;
import org.meldekette.domain.assurance.IncidentMetrics;
import org.meldekette.domain.assurance.IsmsActions;
import org.meldekette.domain.assurance.MetricsFormats;
import org.meldekette.domain.assurance.Period;
import org.meldekette.http.StaffCall;
import org.meldekette.store.PeriodQueries;

/**
 * {@code GET /metrics?from=2026-01&to=2026-12&format=json|csv}: the figures of the incidents
 * detected in a period of whole months in the controller's time zone. Figures only: no names, no
 * texts.
 */
final class MetricsReads {
  private final PeriodQueries period;
  private final ZoneId zone;

  MetricsReads(PeriodQueries period, ZoneId zone) {
    this.period = period;
    this.zone = zone;
  }

  void metrics(StaffCall call, Map<String, String> params) throws IOException {
    call.require(StaffCall.STAFF);
    Period p = period(call);
    String format = call.format("json", "csv");
    IncidentMetrics.Metrics metrics =
        IncidentMetrics.of(
            period.detectedBetween(p.start(), p.end()), p.start(), p.end(), zone, call.now());
    if (format.equals("csv")) {
      call.reply().header("Content-Disposition", "attachment; filename=\"metrics.csv\"");
      call.reply().text(200, "text/csv; charset=utf-8", MetricsFormats.csv(metrics));
      return;
    }
    call.reply().json(200, MetricsFormats.json(metrics));
  }

  /**
   * {@code GET /isms-actions?from&to&format=json|csv}: the corrective and preventive measures of
   * the incidents detected in the period, as actions of the ISMS with their Annex A controls.
   */
  void ismsActions(StaffCall call, Map<String, String> params) throws IOException {
    call.require(Role.SECOND_LINE, Role.LEGAL, Role.DPO, Role.ADMIN);
    Period p = period(call);
    String format = call.format("json", "csv");
    List<Map<String, Object>> actions =
        IsmsActions.of(period.detectedBetween(p.start(), p.end()), call.now());
    if (format.equals("csv")) {
      call.reply().header("Content-Disposition", "attachment; filename=\"isms-actions.csv\"");
      call.reply().text(200, "text/csv; charset=utf-8", IsmsActions.csv(actions));
      return;
    }
    call.reply().json(200, Map.of("actions", actions));
  }

  /** The period asked for; by default the last twelve months, this one included. */
  private Period period(StaffCall call) {
    YearMonth current = YearMonth.from(call.now().atZone(zone));
    return Period.of(call.query("from"), call.query("to"), current.minusMonths(11), current, zone);
  }
}
