package org.meldekette.domain.assurance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Phase;
import org.meldekette.domain.deadline.Regimes;
import org.meldekette.domain.deadline.Stage;
import org.meldekette.domain.report.Templates;

/**
 * A summary of the incident-response policy as Meldekette enforces it, for customers and auditors:
 * the phases with their exit criteria, every clock of the regimes switched on with what meets it,
 * and what closing does to it, the risk method and the retention. The criteria and clocks are read
 * off the rules and the regimes in use ({@link PolicyRules}), never copied by hand, so the summary
 * changes when they do; the words for their codes are in {@code org/meldekette/texts}.
 */
public final class PolicySummary {
  private final Templates templates;

  public PolicySummary(Templates templates) {
    this.templates = templates;
  }

  /**
   * What the deployment sets that the summary states.
   *
   * @param incidentRetention how long the incident file is kept after closure (ISO 8601: P6Y)
   */
  public record Settings(
      String controller, String incidentRetention, String riskMethod, Instant generatedAt) {}

  public Map<String, Object> data(Regimes regimes, Settings settings, String language) {
    Words words = Words.of(language);
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("controller", settings.controller());
    data.put("generatedAt", settings.generatedAt().toString());
    data.put("incidentRetention", words.offset(settings.incidentRetention()));
    data.put("riskMethod", settings.riskMethod());
    List<Map<String, Object>> phases = new ArrayList<>();
    for (Phase phase : Phase.values()) {
      if (phase == Phase.CLOSED) {
        continue;
      }
      List<Map<String, Object>> criteria = new ArrayList<>();
      for (PolicyRules.Criterion c : PolicyRules.exitCriteria(phase)) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("code", c.code());
        row.put("text", words.criterion(c.code(), c.text()));
        row.put("whenText", String.join("; ", c.when().stream().map(words::scenario).toList()));
        row.put("always", c.when().isEmpty());
        criteria.add(row);
      }
      phases.add(
          Map.of("code", phase.name(), "name", words.phase(phase.name()), "criteria", criteria));
    }
    data.put("phases", phases);
    List<Map<String, Object>> regimeRows = new ArrayList<>();
    for (String regime : regimes.enabled()) {
      List<Map<String, Object>> stages = new ArrayList<>();
      for (Stage stage : regimes.stages()) {
        if (!stage.regime().equals(regime)) {
          continue;
        }
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("key", stage.key());
        row.put("label", stage.label());
        row.put(
            "dueText",
            String.join(
                "; ",
                stage.due().stream()
                    .map(d -> words.offset(d.after().text()) + " " + words.fact(d.from()))
                    .toList()));
        row.put(
            "metByText",
            String.join("; ", stage.satisfiedBy().stream().map(words::satisfiedBy).toList()));
        row.put("atClosure", words.atClosure(stage.atClosure().name()));
        stages.add(row);
      }
      regimeRows.add(Map.of("id", regime, "name", regimes.name(regime), "stages", stages));
    }
    data.put("regimes", regimeRows);
    return data;
  }

  /** The summary as an HTML document (XHTML, so it also renders as PDF). */
  public String html(Regimes regimes, Settings settings, String language) {
    return templates.render("policy-summary-html", language, data(regimes, settings, language));
  }

  /** The words for codes in one language, with the English text or the code itself as fallback. */
  static final class Words {
    private final org.meldekette.domain.Texts texts;

    private Words(org.meldekette.domain.Texts texts) {
      this.texts = texts;
    }

    static Words of(String language) {
      return new Words(org.meldekette.domain.Texts.of("policy", language));
    }

    String phase(String code) {
      return word("phases", code, code);
    }

    String criterion(String code, String english) {
      return word("criteria", code, english);
    }

    String scenario(String code) {
      return word("scenarios", code, code);
    }

    String fact(String code) {
      String exact = word("facts", code, null);
      if (exact != null) {
        return exact;
      }
      // Facts of a regime or a stage carry its name: "regime.NIS2.aware", "stage.X/Y.met".
      String[] parts = code.split("\\.");
      return word("facts", parts[0] + ".*." + parts[parts.length - 1], code)
          .replace("{}", parts.length > 2 ? parts[1] : "");
    }

    String offset(String iso) {
      return word("offsets", iso, iso);
    }

    String satisfiedBy(String code) {
      int colon = code.indexOf(':');
      String kind = colon < 0 ? code : code.substring(0, colon);
      String what = colon < 0 ? "" : code.substring(colon + 1);
      String exact = word("satisfiedBy", code, null);
      return exact != null ? exact : word("satisfiedBy", kind, kind).replace("{}", what);
    }

    String atClosure(String code) {
      return word("atClosure", code, code);
    }

    private String word(String table, String code, String fallback) {
      return texts.word(table, code, fallback);
    }

    /** Whether a code has its own words (for the test that no code is left without). */
    boolean has(String table, String code) {
      return texts.has(table, code);
    }
  }
}
