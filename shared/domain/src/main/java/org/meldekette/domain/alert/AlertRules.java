package org.meldekette.domain.alert;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.CiaImpact;
import org.meldekette.domain.ImpactLevel;
import org.meldekette.domain.Severity;

/**
 * The alert rules of a deployment (JSON, see {@code alert-rules.json}): which signal an alert is,
 * how severe, which CIA impact, whether it opens an incident, and what groups alerts into one
 * incident. An alert no rule matches is the {@code unknown} rule's: it still opens a P3 incident
 * rather than vanish.
 */
public final class AlertRules {
  /** What a group key may be made of. */
  public static final Set<String> GROUP_PARTS = Set.of("signal", "resource", "policy", "source");

  private final List<AlertRule> rules;
  private final AlertRule unknown;
  private final List<String> groupBy;

  private AlertRules(List<AlertRule> rules, AlertRule unknown, List<String> groupBy) {
    this.rules = List.copyOf(rules);
    this.unknown = unknown;
    this.groupBy = List.copyOf(groupBy);
  }

  /**
   * The first matching rule: by labels, else by policy name, else by metric type, else {@code
   * unknown}.
   */
  public AlertRule classify(Alert alert) {
    for (AlertRule.MatchKind kind :
        List.of(
            AlertRule.MatchKind.LABELS,
            AlertRule.MatchKind.POLICY_NAME,
            AlertRule.MatchKind.METRIC_TYPE)) {
      for (AlertRule rule : rules) {
        if (rule.kind() == kind && rule.matches(alert)) {
          return rule;
        }
      }
    }
    return unknown;
  }

  /**
   * The group an alert belongs to, such as {@code signal=typesense-cpu|resource=gce_instance{...}}.
   */
  public String groupKey(Alert alert, AlertRule rule) {
    List<String> parts = new ArrayList<>();
    for (String part : groupBy) {
      parts.add(
          part
              + "="
              + switch (part) {
                case "signal" -> rule.signal();
                case "resource" -> alert.resource().identity();
                case "policy" -> String.valueOf(alert.policyName());
                case "source" -> alert.source();
                default -> throw new IllegalStateException(part);
              });
    }
    return String.join("|", parts);
  }

  public List<AlertRule> rules() {
    return rules;
  }

  public AlertRule unknown() {
    return unknown;
  }

  /** Reads and checks a rules file; a mistake fails loudly at start, not on the first alert. */
  public static AlertRules parse(String json) {
    JsonObject root;
    try {
      root = JsonParser.parseString(json).getAsJsonObject();
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("alert rules are not a JSON object", e);
    }
    List<String> groupBy = new ArrayList<>();
    JsonArray group = root.has("groupBy") ? root.getAsJsonArray("groupBy") : new JsonArray();
    group.forEach(part -> groupBy.add(part.getAsString()));
    if (groupBy.isEmpty()) {
      groupBy.addAll(List.of("signal", "resource"));
    }
    if (!GROUP_PARTS.containsAll(groupBy)) {
      throw new IllegalArgumentException(
          "groupBy may only name " + GROUP_PARTS + ", not " + groupBy);
    }
    List<AlertRule> rules = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray("rules")) {
      AlertRule rule = rule(element.getAsJsonObject());
      if (rule.kind() == AlertRule.MatchKind.NONE) {
        throw new IllegalArgumentException(
            "rule " + rule.name() + " matches nothing: give labels, policyName or metricType");
      }
      rules.add(rule);
    }
    if (!root.has("unknown")) {
      throw new IllegalArgumentException(
          "alert rules need an 'unknown' rule for alerts no rule matches");
    }
    AlertRule unknown = rule(root.getAsJsonObject("unknown"));
    if (!unknown.opensIncident()) {
      throw new IllegalArgumentException(
          "the 'unknown' rule must open an incident: an unknown alert never vanishes");
    }
    return new AlertRules(rules, unknown, groupBy);
  }

  private static AlertRule rule(JsonObject o) {
    String name = required(o, "name");
    JsonObject match = o.has("match") ? o.getAsJsonObject("match") : new JsonObject();
    Map<String, String> labels = new LinkedHashMap<>();
    if (match.has("labels")) {
      match
          .getAsJsonObject("labels")
          .entrySet()
          .forEach(e -> labels.put(e.getKey(), e.getValue().getAsString()));
    }
    JsonObject cia = o.getAsJsonObject("cia");
    if (cia == null) {
      throw new IllegalArgumentException("rule " + name + " needs cia");
    }
    return new AlertRule(
        name,
        labels,
        match.has("policyName") ? match.get("policyName").getAsString() : null,
        match.has("metricType") ? match.get("metricType").getAsString() : null,
        required(o, "signal"),
        Severity.valueOf(required(o, "severity")),
        new CiaImpact(
            ImpactLevel.valueOf(required(cia, "confidentiality")),
            ImpactLevel.valueOf(required(cia, "integrity")),
            ImpactLevel.valueOf(required(cia, "availability"))),
        !o.has("opensIncident") || o.get("opensIncident").getAsBoolean());
  }

  private static String required(JsonObject o, String field) {
    if (!o.has(field) || o.get(field).isJsonNull()) {
      throw new IllegalArgumentException("alert rule field " + field + " is missing in " + o);
    }
    return o.get(field).getAsString();
  }
}
