package org.meldekette.domain;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One audit event: exactly one per state change, in the hash chain of its stream (the document it
 * changed, such as {@code incidents/INC-20261122-7KQ3XZ}). {@link #hash} is the SHA-256 of the
 * event's canonical form, which includes {@link #previousHash}: changing, removing or reordering
 * any stored event breaks the chain from that event on.
 *
 * @param at truncated to microseconds, the precision Firestore stores, so the stored event hashes
 *     the same
 */
public record AuditEvent(
    String stream,
    long sequence,
    String type,
    Actor actor,
    Instant at,
    String incidentId,
    String summary,
    Map<String, Object> before,
    Map<String, Object> after,
    String previousHash,
    String hash) {

  /** The previous hash of a stream's first event. */
  public static final String GENESIS = "0".repeat(64);

  private static final Gson CANONICAL =
      new GsonBuilder().serializeNulls().disableHtmlEscaping().create();

  public AuditEvent {
    Objects.requireNonNull(stream, "stream");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(actor, "actor");
    at = at.truncatedTo(ChronoUnit.MICROS);
    before = before == null ? Map.of() : before;
    after = after == null ? Map.of() : after;
    Objects.requireNonNull(previousHash, "previousHash");
  }

  /**
   * The next event of a stream whose last event is {@code head}, recording {@code change}. Free
   * text in the change's values (anything with a space, or long) enters the event only as its
   * SHA-256: the event proves what was written without carrying what people typed, which may name a
   * person; the text itself stays in the incident's records.
   */
  public static AuditEvent next(String stream, ChainHead head, Change change) {
    AuditEvent draft =
        new AuditEvent(
            stream,
            head.sequence() + 1,
            change.type().name(),
            change.actor(),
            change.at(),
            change.incidentId(),
            change.summary(),
            redacted(change.before()),
            redacted(change.after()),
            head.hash(),
            null);
    return draft.withHash(draft.computeHash());
  }

  public ChainHead head() {
    return new ChainHead(sequence, hash);
  }

  /**
   * The ID of the stored event: stream and zero-padded sequence, so a second write of one sequence
   * fails.
   */
  public String id() {
    return stream.replace('/', ':') + ":" + String.format("%010d", sequence);
  }

  /** The SHA-256 of the canonical form: every field but the hash, keys sorted, as compact JSON. */
  public String computeHash() {
    return Hashes.sha256(canonicalForm());
  }

  String canonicalForm() {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("stream", stream);
    fields.put("sequence", sequence);
    fields.put("type", type);
    fields.put("actorKind", actor.kind().name());
    fields.put("actorId", actor.id());
    fields.put("actorRole", actor.role());
    fields.put("at", at.toString());
    fields.put("incidentId", incidentId);
    fields.put("summary", summary);
    fields.put("before", before);
    fields.put("after", after);
    fields.put("previousHash", previousHash);
    return CANONICAL.toJson(sorted(fields));
  }

  private AuditEvent withHash(String newHash) {
    return new AuditEvent(
        stream,
        sequence,
        type,
        actor,
        at,
        incidentId,
        summary,
        before,
        after,
        previousHash,
        newHash);
  }

  private static final java.util.regex.Pattern IDENTIFIER =
      java.util.regex.Pattern.compile("[\\p{Alnum}_:.@+/-]{1,100}");

  @SuppressWarnings("unchecked")
  private static Map<String, Object> redacted(Map<String, Object> values) {
    return (Map<String, Object>) redactedValue(values);
  }

  private static Object redactedValue(Object value) {
    if (value instanceof Map<?, ?> map) {
      Map<String, Object> out = new LinkedHashMap<>();
      map.forEach((k, v) -> out.put(String.valueOf(k), redactedValue(v)));
      return out;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(AuditEvent::redactedValue).toList();
    }
    if (value instanceof String text && !IDENTIFIER.matcher(text).matches()) {
      return "sha256:" + Hashes.sha256(text);
    }
    return value;
  }

  /** Maps with sorted keys at every depth; whole numbers as longs, however they were read back. */
  private static Object sorted(Object value) {
    if (value instanceof Map<?, ?> map) {
      TreeMap<String, Object> sorted = new TreeMap<>();
      map.forEach((k, v) -> sorted.put(String.valueOf(k), sorted(v)));
      return sorted;
    }
    if (value instanceof List<?> list) {
      return list.stream().map(AuditEvent::sorted).toList();
    }
    if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    return value;
  }

  /**
   * Where a stream stands: its last event's sequence and hash; sequence 0 and {@link #GENESIS} when
   * empty.
   */
  public record ChainHead(long sequence, String hash) {
    public static final ChainHead EMPTY = new ChainHead(0, GENESIS);
  }
}
