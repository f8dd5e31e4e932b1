package org.meldekette.domain.deadline;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reporting regimes a deployment knows (GDPR, the company's internal targets, NIS2, DORA, …) as
 * data from a JSON file, and which of them are switched on. A new regime is a new entry in the
 * file; nothing in the functions changes.
 */
public final class Regimes {
  private final Map<String, String> names;
  private final List<Stage> stages;

  private Regimes(Map<String, String> names, List<Stage> stages) {
    // File order, kept: Map.copyOf would iterate in an order that changes from one JVM to the next,
    // and the policy summary lists the regimes in this order.
    this.names = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(names));
    this.stages = List.copyOf(stages);
  }

  /**
   * The stages of the enabled regimes, in file order (a stage may build on an earlier stage's
   * facts).
   */
  public List<Stage> stages() {
    return stages;
  }

  public boolean isEnabled(String regime) {
    return names.containsKey(regime);
  }

  public String name(String regime) {
    return names.get(regime);
  }

  /** The enabled regimes, in file order. */
  public Set<String> enabled() {
    return names.keySet();
  }

  /** The stage {@code REGIME/STAGE} of an enabled regime, or null. */
  public Stage stage(String key) {
    return stages.stream().filter(s -> s.key().equals(key)).findFirst().orElse(null);
  }

  /** The regimes file shipped with Meldekette ({@code org/meldekette/regimes.json}), as text. */
  public static String shippedFile() {
    try (java.io.InputStream in =
        Regimes.class.getResourceAsStream("/org/meldekette/regimes.json")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot read the shipped regimes file", e);
    }
  }

  /** The shipped regimes, those named switched on. */
  public static Regimes shipped(String... enabled) {
    return parse(shippedFile(), List.of(enabled));
  }

  /**
   * Reads a regimes file, keeping the regimes named in {@code enabled}; naming one the file lacks
   * is an error at start, not a silently missing clock.
   */
  public static Regimes parse(String json, List<String> enabled) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    Map<String, String> names = new LinkedHashMap<>();
    List<Stage> stages = new ArrayList<>();
    List<String> known = new ArrayList<>();
    for (JsonElement element : root.getAsJsonArray("regimes")) {
      JsonObject regime = element.getAsJsonObject();
      String id = text(regime, "id");
      known.add(id);
      if (!enabled.contains(id)) {
        continue;
      }
      names.put(id, text(regime, "name"));
      for (JsonElement stage : regime.getAsJsonArray("stages")) {
        stages.add(stage(id, stage.getAsJsonObject()));
      }
    }
    for (String regime : enabled) {
      if (!known.contains(regime)) {
        throw new IllegalArgumentException(
            "regime " + regime + " is switched on but not defined; known: " + known);
      }
    }
    return new Regimes(names, stages);
  }

  private static Stage stage(String regime, JsonObject o) {
    List<Stage.DueRule> due = new ArrayList<>();
    for (JsonElement rule : o.getAsJsonArray("due")) {
      JsonObject r = rule.getAsJsonObject();
      due.add(new Stage.DueRule(text(r, "from"), Offset.parse(text(r, "after"))));
    }
    List<Offset> before = new ArrayList<>();
    for (String offset : strings(o, "remindBefore")) {
      before.add(Offset.parse(offset));
    }
    String id = text(o, "id");
    if (!id.matches("[A-Z0-9_]{1,40}")) {
      throw new IllegalArgumentException("stage IDs are upper case letters, digits and _: " + id);
    }
    return new Stage(
        regime,
        id,
        text(o, "label"),
        strings(o, "when"),
        due,
        strings(o, "satisfiedBy"),
        strings(o, "lateNeedsReasons"),
        before,
        Offset.parse(o.has("overdueEvery") ? text(o, "overdueEvery") : "PT12H"),
        o.has("escalate") && o.get("escalate").getAsBoolean(),
        o.has("template") ? text(o, "template") : null,
        strings(o, "draftItems"),
        strings(o, "progressBy"),
        o.has("each") ? text(o, "each") : null,
        strings(o, "measureTypes"),
        AtClosure.valueOf(text(o, "atClosure")));
  }

  private static String text(JsonObject o, String field) {
    if (!o.has(field)) {
      throw new IllegalArgumentException("regimes file: " + field + " is missing in " + o);
    }
    return o.get(field).getAsString();
  }

  private static List<String> strings(JsonObject o, String field) {
    List<String> values = new ArrayList<>();
    JsonArray array = o.has(field) ? o.getAsJsonArray(field) : new JsonArray();
    array.forEach(v -> values.add(v.getAsString()));
    return values;
  }
}
