package org.meldekette.domain.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Art34Exception;
import org.meldekette.domain.InvalidInput;
import org.meldekette.domain.Text;

/**
 * What a person found about a breach, as the risk method takes it: every input a choice from a
 * fixed list with a short reason in words, so the score can be defended line by line.
 *
 * @param data each category of personal data concerned, with its score in this breach
 * @param identification how easily the people can be identified from the data
 * @param circumstances each circumstance of the breach at the level found
 * @param factors the EDPB factors, each answered in words (all of them: a checklist)
 * @param exceptions the Art. 34(3) exceptions the assessor believes apply, each with its reason
 */
public record RiskInput(
    List<DataItem> data,
    Identification identification,
    Map<Circumstance, Finding> circumstances,
    Map<EdpbFactor, String> factors,
    List<ExceptionClaim> exceptions) {

  public static final int MAX_REASON_LENGTH = 2_000;
  public static final int MAX_FACTOR_LENGTH = 5_000;

  public RiskInput {
    if (data == null || data.isEmpty()) {
      throw new InvalidInput(
          "data", "REQUIRED", "data: name at least one category of personal data concerned");
    }
    Set<DataCategory> seen = EnumSet.noneOf(DataCategory.class);
    for (int i = 0; i < data.size(); i++) {
      DataItem item = data.get(i);
      if (item == null) {
        throw new InvalidInput("data[" + i + "]", "REQUIRED", "data[" + i + "] is required");
      }
      if (!seen.add(item.category())) {
        throw new InvalidInput(
            "data[" + i + "].category",
            "DUPLICATE",
            "each category once: score "
                + item.category()
                + " for the most telling data of that category");
      }
    }
    data = List.copyOf(data);
    if (identification == null) {
      throw new InvalidInput("identification", "REQUIRED", "identification is required");
    }
    Map<Circumstance, Finding> found = new EnumMap<>(Circumstance.class);
    if (circumstances != null) {
      found.putAll(circumstances);
    }
    for (Circumstance c : Circumstance.values()) {
      if (found.get(c) == null) {
        throw new InvalidInput(
            "circumstances." + c.field(),
            "REQUIRED",
            "circumstances." + c.field() + " is required (one of " + c.levels() + ")");
      }
      found.get(c).check(c);
    }
    circumstances = Map.copyOf(found);
    Map<EdpbFactor, String> answered = new EnumMap<>(EdpbFactor.class);
    for (EdpbFactor factor : EdpbFactor.values()) {
      String field = "factors." + factor.name();
      answered.put(
          factor,
          Text.required(
              field, factors == null ? null : factors.get(factor), MAX_FACTOR_LENGTH, true));
    }
    factors = Map.copyOf(answered);
    List<ExceptionClaim> claims = exceptions == null ? List.of() : exceptions;
    Set<Art34Exception> claimed = EnumSet.noneOf(Art34Exception.class);
    for (int i = 0; i < claims.size(); i++) {
      if (claims.get(i) == null || !claimed.add(claims.get(i).exception())) {
        throw new InvalidInput(
            "exceptions[" + i + "]", "DUPLICATE", "name each Art. 34(3) exception at most once");
      }
    }
    exceptions = List.copyOf(new ArrayList<>(claims));
  }

  /**
   * One category of data concerned.
   *
   * @param score the category's score in this breach, 1 to 4: its basic score unless context
   *     factors move it
   * @param factors what moves the score away from the basic one (empty when it stays)
   */
  public record DataItem(
      DataCategory category, int score, List<ContextFactor> factors, String reason) {
    public DataItem {
      if (category == null) {
        throw new InvalidInput("data.category", "REQUIRED", "data.category is required");
      }
      if (score < 1 || score > 4) {
        throw new InvalidInput(
            "data.score", "OUT_OF_RANGE", "data.score is 1 to 4 in the ENISA method");
      }
      if (factors != null && factors.stream().anyMatch(java.util.Objects::isNull)) {
        throw new InvalidInput("data.factors", "UNKNOWN_VALUE", "data.factors has an empty entry");
      }
      factors = factors == null ? List.of() : factors.stream().distinct().sorted().toList();
      reason = Text.required("data.reason", reason, MAX_REASON_LENGTH, true);
    }
  }

  /** How easily the people concerned can be identified, and why. */
  public record Identification(Identifiability level, String reason) {
    public Identification {
      if (level == null) {
        throw new InvalidInput(
            "identification.level", "REQUIRED", "identification.level is required");
      }
      reason = Text.required("identification.reason", reason, MAX_REASON_LENGTH, true);
    }
  }

  /** A circumstance at one of its levels, and why. */
  public record Finding(String level, String reason) {
    void check(Circumstance c) {
      String field = "circumstances." + c.field();
      if (level == null || !c.levels().contains(level)) {
        throw new InvalidInput(
            field + ".level",
            level == null ? "REQUIRED" : "UNKNOWN_VALUE",
            field + ".level is one of " + c.levels());
      }
      Text.required(field + ".reason", reason, MAX_REASON_LENGTH, true);
    }

    public Finding {
      reason = reason == null ? null : reason.strip();
    }
  }

  /** An Art. 34(3) exception the assessor believes applies, and why. */
  public record ExceptionClaim(Art34Exception exception, String reason) {
    public ExceptionClaim {
      if (exception == null) {
        throw new InvalidInput(
            "exceptions.exception", "REQUIRED", "exceptions.exception is required");
      }
      reason = Text.required("exceptions.reason", reason, MAX_REASON_LENGTH, true);
    }
  }
}
