package org.meldekette.reports;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;

/**
 * Notification drafts built from the incident's own data: the items found, the items still missing, and the
 * text rendered from the template of the requested language.
 */
public final class Drafts {
  private final Templates templates;
  private final ReportConfig config;

  public Drafts(Templates templates, ReportConfig config) {
    this.templates = templates;
    this.config = config;
  }

  /** A draft: its items (null = not known), the required ones missing, what changed (supplementary), the text. */
  public record Draft(String template, String language, Map<String, Object> items, List<String> missing,
      List<Map<String, Object>> changes, String text) {}

  /**
   * The Art. 33 notification; {@code supplementary} drafts an Art. 33(4) notification stating what changed
   * since the last notification sent to the authority.
   */
  public Draft authorityNotification(IncidentFile file, String language, boolean supplementary, Instant now) {
    NotificationFacts facts = NotificationFacts.authority(file, config, now);
    Map<String, Object> view = TemplateValues.of(facts.items());
    List<Map<String, Object>> changes = null;
    if (supplementary) {
      Communication last = NotificationFacts.lastAuthorityNotification(file).orElseThrow(() -> new Conflict(
          "NO_PREVIOUS_NOTIFICATION", "no notification was sent to the supervisory authority yet"));
      changes = facts.changesSince(last.factsSent());
      view.put("supplementary", true);
      view.put("previousSentAt", last.sentAt().toString());
      view.put("changes", changes);
    }
    return new Draft("authority-notification", language, facts.items(), facts.missing(), changes,
        templates.render("authority-notification", language, view));
  }

  /** The Art. 34 notice to the data subjects. */
  public Draft dataSubjectNotice(IncidentFile file, String language) {
    NotificationFacts facts = NotificationFacts.dataSubjects(file, config);
    return new Draft("data-subject-notice", language, facts.items(), facts.missing(), null,
        templates.render("data-subject-notice", language, TemplateValues.of(facts.items())));
  }

  /** What an authority notification states, kept with it so a later supplementary one can say what changed. */
  public Map<String, Object> factsForAuthority(IncidentFile file, Instant now) {
    return new LinkedHashMap<>(NotificationFacts.authority(file, config, now).items());
  }
}
