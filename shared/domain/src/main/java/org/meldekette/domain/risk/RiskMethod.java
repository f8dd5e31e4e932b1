package org.meldekette.domain.risk;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.meldekette.domain.InvalidInput;

/**
 * The ENISA severity method with its weights: SE = DPC × EI + CB. The weights, the band limits and
 * the wording of every level are one versioned table (the shipped {@code
 * org/meldekette/risk-method.json}, or a deployment's own); the version is stored with every
 * assessment, so an old assessment can always be read against the table it was made with.
 */
public final class RiskMethod {
  /** Which way a context factor may move a category's basic score. */
  enum Moves {
    UP,
    DOWN,
    BOTH
  }

  private final String version;
  private final String json;
  private final Map<DataCategory, Integer> base;
  private final Map<ContextFactor, Moves> moves;
  private final Map<Identifiability, BigDecimal> identification;
  private final Map<Circumstance, Map<String, BigDecimal>> circumstances;
  private final Map<SeverityBand, BigDecimal> bandsFrom;

  private RiskMethod(
      String version,
      String json,
      Map<DataCategory, Integer> base,
      Map<ContextFactor, Moves> moves,
      Map<Identifiability, BigDecimal> identification,
      Map<Circumstance, Map<String, BigDecimal>> circumstances,
      Map<SeverityBand, BigDecimal> bandsFrom) {
    this.version = version;
    this.json = json;
    this.base = base;
    this.moves = moves;
    this.identification = identification;
    this.circumstances = circumstances;
    this.bandsFrom = bandsFrom;
  }

  /** The table shipped with Meldekette, as text. */
  public static String shippedFile() {
    try (InputStream in =
        RiskMethod.class.getResourceAsStream("/org/meldekette/risk-method.json")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the shipped risk method", e);
    }
  }

  public static RiskMethod shipped() {
    return parse(shippedFile());
  }

  /**
   * Reads a method table. A table that leaves out a level, or whose bands do not rise, is refused
   * at start rather than scoring wrongly later.
   */
  public static RiskMethod parse(String json) {
    JsonObject root = JsonParser.parseString(json).getAsJsonObject();
    String version = text(root, "version");
    Map<DataCategory, Integer> base = new EnumMap<>(DataCategory.class);
    JsonObject categories = object(root, "dataCategories");
    for (DataCategory c : DataCategory.values()) {
      int score = object(categories, c.name()).get("base").getAsInt();
      if (score < 1 || score > 4) {
        throw new IllegalArgumentException("risk method: base score of " + c + " is 1 to 4");
      }
      base.put(c, score);
    }
    Map<ContextFactor, Moves> moves = new EnumMap<>(ContextFactor.class);
    JsonObject factors = object(root, "contextFactors");
    for (ContextFactor f : ContextFactor.values()) {
      moves.put(f, Moves.valueOf(text(object(factors, f.name()), "moves")));
    }
    Map<Identifiability, BigDecimal> identification = new EnumMap<>(Identifiability.class);
    JsonObject levels = object(root, "identification");
    for (Identifiability level : Identifiability.values()) {
      identification.put(level, value(object(levels, level.name())));
    }
    Map<Circumstance, Map<String, BigDecimal>> circumstances = new EnumMap<>(Circumstance.class);
    JsonObject found = object(root, "circumstances");
    for (Circumstance c : Circumstance.values()) {
      JsonObject table = object(found, c.field());
      Map<String, BigDecimal> values = new LinkedHashMap<>();
      for (String level : c.levels()) {
        values.put(level, value(object(table, level)));
      }
      circumstances.put(c, Map.copyOf(values));
    }
    Map<SeverityBand, BigDecimal> bandsFrom = new EnumMap<>(SeverityBand.class);
    JsonObject bands = object(root, "bands");
    BigDecimal previous = null;
    for (SeverityBand band : SeverityBand.values()) {
      if (band == SeverityBand.LOW) {
        continue;
      }
      BigDecimal from = object(bands, band.name()).get("from").getAsBigDecimal();
      if (previous != null && from.compareTo(previous) <= 0) {
        throw new IllegalArgumentException("risk method: bands must rise, " + band + " does not");
      }
      bandsFrom.put(band, from);
      previous = from;
    }
    for (String table : List.of("edpbFactors", "exceptions")) {
      object(root, table);
    }
    return new RiskMethod(version, json, base, moves, identification, circumstances, bandsFrom);
  }

  /** The table's version, such as {@code ENISA-2013/1}: stored with every assessment. */
  public String version() {
    return version;
  }

  /** The whole table as text, with the wording of every level in German and English. */
  public String json() {
    return json;
  }

  /** Scores what was found; refuses a category score moved without a factor that may move it. */
  public RiskScore score(RiskInput input) {
    int dpc = 0;
    for (int i = 0; i < input.data().size(); i++) {
      RiskInput.DataItem item = input.data().get(i);
      checkMoved(i, item);
      dpc = Math.max(dpc, item.score());
    }
    BigDecimal ei = identification.get(input.identification().level());
    BigDecimal cb = BigDecimal.ZERO;
    for (Circumstance c : Circumstance.values()) {
      cb = cb.add(circumstances.get(c).get(input.circumstances().get(c).level()));
    }
    BigDecimal severity = ei.multiply(BigDecimal.valueOf(dpc)).add(cb);
    return new RiskScore(version, dpc, ei, cb, severity, band(severity));
  }

  /** The band a severity falls in: the highest whose lower limit it reaches. */
  public SeverityBand band(BigDecimal severity) {
    SeverityBand band = SeverityBand.LOW;
    for (Map.Entry<SeverityBand, BigDecimal> from : bandsFrom.entrySet()) {
      if (severity.compareTo(from.getValue()) >= 0) {
        band = from.getKey();
      }
    }
    return band;
  }

  private void checkMoved(int index, RiskInput.DataItem item) {
    int basic = base.get(item.category());
    if (item.score() == basic) {
      return;
    }
    Moves needed = item.score() > basic ? Moves.UP : Moves.DOWN;
    boolean explained =
        item.factors().stream().map(moves::get).anyMatch(m -> m == needed || m == Moves.BOTH);
    if (!explained) {
      throw new InvalidInput(
          "data[" + index + "].factors",
          "FACTOR_REQUIRED",
          "data["
              + index
              + "]: "
              + item.category()
              + " starts at "
              + basic
              + "; a score of "
              + item.score()
              + " needs a context factor that moves it "
              + (needed == Moves.UP ? "up" : "down"));
    }
  }

  private static BigDecimal value(JsonObject level) {
    BigDecimal value = level.get("value").getAsBigDecimal();
    if (value.signum() < 0) {
      throw new IllegalArgumentException("risk method: values are not negative: " + level);
    }
    return value;
  }

  private static JsonObject object(JsonObject parent, String field) {
    JsonElement element = parent.get(field);
    if (element == null || !element.isJsonObject()) {
      throw new IllegalArgumentException("risk method: " + field + " is missing");
    }
    return element.getAsJsonObject();
  }

  private static String text(JsonObject o, String field) {
    if (!o.has(field)) {
      throw new IllegalArgumentException("risk method: " + field + " is missing");
    }
    return o.get(field).getAsString();
  }
}
