package org.meldekette.domain.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Communication;
import org.meldekette.domain.Conflict;
import org.meldekette.domain.NotFound;
import org.meldekette.domain.Texts;
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
  private final DocumentTimes times;

  public Drafts(Templates templates, ReportConfig config, Regimes regimes, DocumentTimes times) {
    this.templates = templates;
    this.config = config;
    this.regimes = regimes;
    this.times = times;
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
    Texts words = Texts.of("documents", language);
    Map<String, Object> view =
        inWords(TemplateValues.forReaders(facts.items(), times, language), words);
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
      view.put("previousSentAt", times.words(last.sentAt(), language));
      view.put(
          "changes", changes.stream().map(change -> inWords(change, language, words)).toList());
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

  /** A change as its reader reads it: the item named, times in words. */
  private Map<String, Object> inWords(Map<String, Object> change, String language, Texts words) {
    String item = (String) change.get("item");
    Map<String, Object> shown = new LinkedHashMap<>(change);
    shown.put("item", words.word("items", item, item));
    shown.put("before", times.shown(item, change.get("before"), language));
    shown.put("now", times.shown(item, change.get("now"), language));
    return shown;
  }

  /** The codes a draft states (measures, risk levels, who decided) in the reader's words. */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> inWords(Map<String, Object> view, Texts words) {
    if (view.get("measures") instanceof List<?> measures) {
      view.put(
          "measures",
          measures.stream()
              .map(
                  m -> {
                    Map<String, Object> measure = new LinkedHashMap<>((Map<String, Object>) m);
                    measure.put(
                        "type", words.word("measureTypes", (String) measure.get("type"), null));
                    measure.put(
                        "status",
                        words.word("measureStatus", (String) measure.get("status"), null));
                    return measure;
                  })
              .toList());
    }
    for (String level : List.of("riskBand", "riskLevel")) {
      view.put(level, words.word("levels", (String) view.get(level), (String) view.get(level)));
    }
    view.put(
        "riskDecidedAs",
        words.word(
            "roles", (String) view.get("riskDecidedAs"), (String) view.get("riskDecidedAs")));
    return view;
  }

  /**
   * What an authority notification states, kept with it so a later supplementary one can say what
   * changed.
   */
  public Map<String, Object> factsForAuthority(IncidentFile file, Instant now) {
    return new LinkedHashMap<>(NotificationFacts.catalogue(file, config, "GDPR"));
  }
}
