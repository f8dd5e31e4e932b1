package org.meldekette.vault;

import com.google.cloud.audit.AuditLog;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.logging.v2.LogEntry;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import java.util.Base64;

/**
 * A log entry as one line of JSON, in Cloud Logging's own JSON mapping of {@code LogEntry}. A
 * {@code protoPayload} of a type not known here is kept as its type URL and bytes (base64), so
 * nothing of the entry is lost.
 */
final class LogEntryJson {
  private static final JsonFormat.Printer PRINTER =
      JsonFormat.printer()
          .omittingInsignificantWhitespace()
          .usingTypeRegistry(
              JsonFormat.TypeRegistry.newBuilder().add(AuditLog.getDescriptor()).build());

  private LogEntryJson() {}

  static String line(LogEntry entry) {
    try {
      return PRINTER.print(entry);
    } catch (InvalidProtocolBufferException unknownPayloadType) {
      try {
        JsonObject json =
            JsonParser.parseString(PRINTER.print(entry.toBuilder().clearProtoPayload().build()))
                .getAsJsonObject();
        JsonObject payload = new JsonObject();
        payload.addProperty("@type", entry.getProtoPayload().getTypeUrl());
        payload.addProperty(
            "valueBase64",
            Base64.getEncoder().encodeToString(entry.getProtoPayload().getValue().toByteArray()));
        json.add("protoPayload", payload);
        return json.toString();
      } catch (InvalidProtocolBufferException e) {
        throw new IllegalStateException("a log entry cannot be written as JSON", e);
      }
    }
  }
}
