package org.meldekette.domain.risk;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.Art34Exception;

/** Builds method inputs for tests: every reason filled in, only the choices vary. */
final class Cases {
  private final List<RiskInput.DataItem> data = new ArrayList<>();
  private RiskInput.Identification identification =
      new RiskInput.Identification(Identifiability.MAXIMUM, "names in clear");
  private final Map<Circumstance, RiskInput.Finding> circumstances =
      new EnumMap<>(Circumstance.class);
  private final List<RiskInput.ExceptionClaim> exceptions = new ArrayList<>();

  private Cases() {
    for (Circumstance c : Circumstance.values()) {
      circumstances.put(c, new RiskInput.Finding(c.levels().get(0), "not found"));
    }
  }

  static Cases breach() {
    return new Cases();
  }

  Cases data(DataCategory category, int score, ContextFactor... factors) {
    data.add(new RiskInput.DataItem(category, score, List.of(factors), "what the data are"));
    return this;
  }

  Cases identification(Identifiability level) {
    identification = new RiskInput.Identification(level, "how identifiable");
    return this;
  }

  Cases found(Circumstance c, String level) {
    circumstances.put(c, new RiskInput.Finding(level, "what happened"));
    return this;
  }

  Cases claiming(Art34Exception exception) {
    exceptions.add(new RiskInput.ExceptionClaim(exception, "why it applies"));
    return this;
  }

  RiskInput input() {
    Map<EdpbFactor, String> factors = new EnumMap<>(EdpbFactor.class);
    for (EdpbFactor f : EdpbFactor.values()) {
      factors.put(f, "considered: " + f);
    }
    return new RiskInput(data, identification, circumstances, factors, exceptions);
  }
}
