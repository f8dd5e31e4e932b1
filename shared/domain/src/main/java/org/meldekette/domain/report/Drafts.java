package org.meldekette.domain.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.deadline.Stage;

/**
 * Notification drafts built from the incident's own data, one per reporting stage that has a
 * template (GDPR Art. 33 and 34, NIS2 and DORA reports, …): the items found, the items still
 * missing, and the text rendered from the template of the requested language.
 */
public final class Drafts {
  public static final String ART33 = "GDPR/ART33";
  public static final String ART34 = "GDPR/ART34";

  private final Templates templates;
  private final ReportConfig config;
  private final Regimes regimes;

  public Drafts(Templates templates, ReportConfig config, Regimes regimes) {
    this.templates = templates;
    this.config = config;
    this.regimes = regimes;
  }

  /**
   * A draft: its items (null = not known), the required ones missing, what changed (supplementary),
   * the text.
   */
  public record Draft(
      String stage,
      String template,
      String language,
      Map<String, Object> items,
      List<String> missing,
      List<Map<String, Object>> changes,
      String text) {}

  /**
   * The draft of a stage ({@code REGIME/STAGE}) of an enabled regime. {@code supplementary}, for
   * GDPR Art. 33, drafts an Art. 33(4) notification stating what changed since the last
   * notification sent to the authority.
   */
  public Draft forStage(
      IncidentFile file, String stageKey, String language, boolean supplementary, Instant now) {
    Stage stage = regimes.stage(stageKey);
    if (stage == null || stage.template() == null) {
      throw new NotFound(
          "no draft for " + stageKey + ": the stage is not switched on or has no template");
    }
    NotificationFacts facts = NotificationFacts.forStage(file, config, stage, now);
    Map<String, Object> view = TemplateValues.of(facts.items());
    List<Map<String, Object>> changes = null;
    if (supplementary) {
      if (!stageKey.equals(ART33)) {
        throw new Conflict(
            "NOT_SUPPLEMENTABLE", "supplementary notifications are drafted for " + ART33);
      }
      Communication last =
          NotificationFacts.lastAuthorityNotification(file)
              .orElseThrow(
                  () ->
                      new Conflict(
                          "NO_PREVIOUS_NOTIFICATION",
                          "no notification was sent to the supervisory authority yet"));
      changes = facts.changesSince(last.factsSent());
      view.put("supplementary", true);
      view.put("previousSentAt", last.sentAt().toString());
      view.put("changes", changes);
    }
    return new Draft(
        stageKey,
        stage.template(),
        language,
        facts.items(),
        facts.missing(),
        changes,
        templates.render(stage.template(), language, view));
  }

  /**
   * What an authority notification states, kept with it so a later supplementary one can say what
   * changed.
   */
  public Map<String, Object> factsForAuthority(IncidentFile file, Instant now) {
    return new LinkedHashMap<>(NotificationFacts.catalogue(file, config, "GDPR"));
  }
}
