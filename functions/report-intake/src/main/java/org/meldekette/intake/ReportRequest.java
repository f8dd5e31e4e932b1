package org.meldekette.intake;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.meldekette.domain.Language;
import org.meldekette.domain.Report;
import org.meldekette.domain.ReportKind;
import org.meldekette.http.ApiException;
import org.meldekette.http.FormUrlEncoded;
import org.meldekette.http.JsonFields;
import org.meldekette.http.MediaType;

/**
 * A report request as sent by a web form, as JSON or as a plain HTML form, turned into a checked
 * {@link Report} and the idempotency key it came with. Both encodings go through the same field
 * rules ({@link JsonFields}): unknown fields and wrong types are refused, then values are checked
 * in form order.
 */
record ReportRequest(Report report, String idempotencyKey) {
  static final Set<String> FIELDS =
      Set.of(
          "kind",
          "title",
          "description",
          "affectedSystems",
          "observedAt",
          "reporterName",
          "reporterEmail",
          "language",
          "submissionId");
  private static final int MAX_KEY_LENGTH = 200;

  static ReportRequest parse(
      MediaType mediaType, String body, String idempotencyHeader, Instant now) {
    JsonFields fields =
        mediaType.type().equals(MediaType.FORM)
            ? JsonFields.of(fromForm(body), FIELDS, "")
            : JsonFields.parse(body, FIELDS);
    ReportKind kind = fields.enumValue("kind", ReportKind.class);
    String title = fields.string("title");
    String description = fields.string("description");
    List<String> systems = fields.strings("affectedSystems");
    Instant observedAt = fields.instant("observedAt");
    String reporterName = fields.string("reporterName");
    String reporterEmail = fields.string("reporterEmail");
    Language language = language(fields.string("language"));
    String key = idempotencyKey(idempotencyHeader, fields.string("submissionId"));
    Report report =
        Report.submitted(
            kind,
            title,
            description,
            systems,
            observedAt,
            reporterName,
            reporterEmail,
            language,
            now);
    return new ReportRequest(report, key);
  }

  /**
   * A form's fields as the JSON shape. {@code affectedSystems} may repeat or hold one name per line
   * (a textarea); any other field given twice is refused rather than one value picked silently.
   */
  private static JsonObject fromForm(String body) {
    JsonObject fields = new JsonObject();
    for (Map.Entry<String, List<String>> field : FormUrlEncoded.parse(body).entrySet()) {
      String name = field.getKey();
      if (name.equals("affectedSystems")) {
        JsonArray systems = new JsonArray();
        field.getValue().stream()
            .flatMap(value -> Arrays.stream(value.split("[\\r\\n,]+")))
            .forEach(systems::add);
        fields.add(name, systems);
      } else if (field.getValue().size() > 1) {
        throw ApiException.badRequest(name, "REPEATED_FIELD", name + " is given more than once");
      } else {
        fields.addProperty(name, field.getValue().get(0));
      }
    }
    return fields;
  }

  private static Language language(String value) {
    if (value == null || value.isBlank()) {
      return Language.DE;
    }
    Language language = Language.fromCode(value.strip());
    if (language == null) {
      throw ApiException.badRequest("language", "INVALID_VALUE", "language must be de or en");
    }
    return language;
  }

  /** The header wins over the form field; either must be short printable ASCII (a UUID fits). */
  static String idempotencyKey(String header, String field) {
    String key = header != null ? header : field;
    String source = header != null ? "Idempotency-Key" : "submissionId";
    if (key == null) {
      return null;
    }
    if (key.isEmpty()
        || key.length() > MAX_KEY_LENGTH
        || !key.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
      throw ApiException.badRequest(
          source,
          "INVALID_IDEMPOTENCY_KEY",
          source + " must be 1 to " + MAX_KEY_LENGTH + " printable ASCII characters");
    }
    return key;
  }
}
