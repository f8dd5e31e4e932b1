package org.meldekette.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A report as a reporter sent it, checked. The constructor refuses bad values with {@link
 * InvalidInput} naming the field, in the order the fields appear on the form, so the first bad
 * field is the one named.
 */
public record Report(
    ReportKind kind,
    String title,
    String description,
    List<String> affectedSystems,
    Instant observedAt,
    ReporterContact contact,
    Language language) {

  public static final int MAX_TITLE_LENGTH = 200;
  public static final int MAX_DESCRIPTION_LENGTH = 20_000;
  public static final int MAX_AFFECTED_SYSTEMS = 50;
  public static final int MAX_SYSTEM_NAME_LENGTH = 200;

  /**
   * How far a reporter's clock may run ahead of ours before "observed at" counts as in the future.
   */
  public static final Duration CLOCK_TOLERANCE = Duration.ofMinutes(5);

  public Report {
    if (kind == null) {
      throw new InvalidInput("kind", "REQUIRED", "kind is required");
    }
    title = Text.required("title", title, MAX_TITLE_LENGTH, false);
    description = Text.required("description", description, MAX_DESCRIPTION_LENGTH, true);
    affectedSystems = checkedSystems(affectedSystems);
    contact = contact == null ? new ReporterContact(null, null) : contact;
    language = language == null ? Language.DE : language;
  }

  /**
   * Checks a submitted report field by field in form order (kind, title, description, affected
   * systems, observed at, reporter name and email, language), so the error names the first bad
   * field.
   */
  public static Report submitted(
      ReportKind kind,
      String title,
      String description,
      List<String> affectedSystems,
      Instant observedAt,
      String reporterName,
      String reporterEmail,
      Language language,
      Instant now) {
    Report checked =
        new Report(kind, title, description, affectedSystems, observedAt, null, language);
    if (observedAt != null && observedAt.isAfter(now.plus(CLOCK_TOLERANCE))) {
      throw new InvalidInput("observedAt", "IN_FUTURE", "observedAt lies in the future");
    }
    return new Report(
        checked.kind,
        checked.title,
        checked.description,
        checked.affectedSystems,
        observedAt,
        new ReporterContact(reporterName, reporterEmail),
        checked.language);
  }

  private static List<String> checkedSystems(List<String> systems) {
    if (systems == null) {
      return List.of();
    }
    LinkedHashSet<String> distinct = new LinkedHashSet<>();
    for (int i = 0; i < systems.size(); i++) {
      String name =
          Text.optional(
              "affectedSystems[" + i + "]", systems.get(i), MAX_SYSTEM_NAME_LENGTH, false);
      if (name != null) {
        distinct.add(name);
      }
    }
    if (distinct.size() > MAX_AFFECTED_SYSTEMS) {
      throw new InvalidInput(
          "affectedSystems",
          "TOO_MANY",
          "affectedSystems names "
              + distinct.size()
              + " systems; at most "
              + MAX_AFFECTED_SYSTEMS
              + " are allowed");
    }
    return List.copyOf(new ArrayList<>(distinct));
  }
}
