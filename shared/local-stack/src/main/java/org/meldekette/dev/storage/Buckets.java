package org.meldekette.dev.storage;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * The buckets of the local Cloud Storage stand-in and the rules Cloud Storage itself enforces on
 * them: a bucket's default event-based hold and retention period, object holds, and the refusal to
 * delete or overwrite an object that is held or still retained. Objects live in memory.
 */
public final class Buckets {
  /** What a bucket is configured with (Terraform sets the same on the real one). */
  public record Rules(boolean defaultEventBasedHold, Duration retention) {
    public static final Rules NONE = new Rules(false, Duration.ZERO);
  }

  /** One live object version. */
  public record StoredObject(
      String bucket,
      String name,
      long generation,
      long metageneration,
      byte[] data,
      String contentType,
      Instant created,
      Instant updated,
      boolean eventBasedHold,
      boolean temporaryHold,
      Instant retentionExpiresAt,
      Map<String, String> metadata) {

    public String md5() {
      return base64(digest("MD5", data));
    }

    public String crc32c() {
      CRC32C crc = new CRC32C();
      crc.update(data);
      long value = crc.getValue();
      return base64(
          new byte[] {
            (byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value
          });
    }

    private boolean locked(Instant now) {
      return eventBasedHold
          || temporaryHold
          || (retentionExpiresAt != null && now.isBefore(retentionExpiresAt));
    }
  }

  /** A request Cloud Storage refuses, with its HTTP status and reason. */
  public static final class Refusal extends RuntimeException {
    final int status;
    final String reason;

    Refusal(int status, String reason, String message) {
      super(message);
      this.status = status;
      this.reason = reason;
    }
  }

  private final Map<String, Rules> rules = new LinkedHashMap<>();
  private final Map<String, TreeMap<String, StoredObject>> objects = new LinkedHashMap<>();
  private final AtomicLong generations;
  private final Clock clock;

  public Buckets(Clock clock) {
    this.clock = clock;
    this.generations = new AtomicLong(clock.millis() * 1000);
  }

  public synchronized Buckets create(String bucket, Rules bucketRules) {
    rules.put(bucket, bucketRules);
    objects.putIfAbsent(bucket, new TreeMap<>());
    return this;
  }

  public synchronized boolean exists(String bucket) {
    return rules.containsKey(bucket);
  }

  public synchronized Rules rules(String bucket) {
    return bucketRules(bucket);
  }

  /**
   * Writes an object. {@code ifGenerationMatch} 0 means "only if there is none"; a held or retained
   * object is never overwritten.
   */
  public synchronized StoredObject put(
      String bucket,
      String name,
      byte[] data,
      String contentType,
      Map<String, String> metadata,
      Long ifGenerationMatch) {
    Rules bucketRules = bucketRules(bucket);
    requireName(name);
    StoredObject existing = objects.get(bucket).get(name);
    checkGeneration(existing, ifGenerationMatch);
    Instant now = clock.instant();
    if (existing != null && existing.locked(now)) {
      throw held(existing);
    }
    boolean eventHold = bucketRules.defaultEventBasedHold();
    StoredObject stored =
        new StoredObject(
            bucket,
            name,
            generations.incrementAndGet(),
            1,
            data.clone(),
            contentType == null ? "application/octet-stream" : contentType,
            now,
            now,
            eventHold,
            false,
            eventHold ? null : retentionFrom(bucketRules, now),
            metadata == null ? Map.of() : Map.copyOf(metadata));
    objects.get(bucket).put(name, stored);
    return stored;
  }

  public synchronized Optional<StoredObject> get(String bucket, String name) {
    bucketRules(bucket);
    return Optional.ofNullable(objects.get(bucket).get(name));
  }

  public synchronized StoredObject require(String bucket, String name) {
    return get(bucket, name)
        .orElseThrow(() -> new Refusal(404, "notFound", "No such object: " + bucket + "/" + name));
  }

  /**
   * Changes holds or metadata. Releasing the event-based hold starts the retention period, as in
   * Cloud Storage.
   */
  public synchronized StoredObject patch(
      String bucket,
      String name,
      Boolean eventBasedHold,
      Boolean temporaryHold,
      Map<String, String> metadata,
      Long ifMetagenerationMatch) {
    StoredObject o = require(bucket, name);
    if (ifMetagenerationMatch != null && ifMetagenerationMatch != o.metageneration()) {
      throw new Refusal(412, "conditionNotMet", "At least one of the pre-conditions did not hold.");
    }
    Instant now = clock.instant();
    boolean eventHold = eventBasedHold == null ? o.eventBasedHold() : eventBasedHold;
    Instant retention = o.retentionExpiresAt();
    if (o.eventBasedHold() && !eventHold) {
      retention = retentionFrom(bucketRules(bucket), now);
    }
    Map<String, String> merged = new LinkedHashMap<>(o.metadata());
    if (metadata != null) {
      merged.putAll(metadata);
    }
    StoredObject patched =
        new StoredObject(
            bucket,
            name,
            o.generation(),
            o.metageneration() + 1,
            o.data(),
            o.contentType(),
            o.created(),
            now,
            eventHold,
            temporaryHold == null ? o.temporaryHold() : temporaryHold,
            eventHold ? null : retention,
            Map.copyOf(merged));
    objects.get(bucket).put(name, patched);
    return patched;
  }

  /** Deletes an object; Cloud Storage refuses while it is held or retained. */
  public synchronized void delete(String bucket, String name, Long ifGenerationMatch) {
    StoredObject o = require(bucket, name);
    checkGeneration(o, ifGenerationMatch);
    if (o.locked(clock.instant())) {
      throw held(o);
    }
    objects.get(bucket).remove(name);
  }

  public synchronized List<StoredObject> list(String bucket, String prefix) {
    bucketRules(bucket);
    List<StoredObject> found = new ArrayList<>();
    for (StoredObject o : objects.get(bucket).tailMap(prefix == null ? "" : prefix).values()) {
      if (prefix != null && !o.name().startsWith(prefix)) {
        break;
      }
      found.add(o);
    }
    return found;
  }

  /**
   * Replaces an object's bytes bypassing every hold, as only someone with the power to break the
   * bucket's rules could: how a test shows that verification notices a change behind its back.
   */
  public synchronized void tamper(String bucket, String name, byte[] data) {
    StoredObject o = require(bucket, name);
    objects
        .get(bucket)
        .put(
            name,
            new StoredObject(
                bucket,
                name,
                o.generation(),
                o.metageneration(),
                data.clone(),
                o.contentType(),
                o.created(),
                o.updated(),
                o.eventBasedHold(),
                o.temporaryHold(),
                o.retentionExpiresAt(),
                o.metadata()));
  }

  /** Removes an object bypassing every hold (see {@link #tamper}). */
  public synchronized void lose(String bucket, String name) {
    objects.get(bucket).remove(name);
  }

  private Rules bucketRules(String bucket) {
    Rules r = rules.get(bucket);
    if (r == null) {
      throw new Refusal(404, "notFound", "The specified bucket does not exist: " + bucket);
    }
    return r;
  }

  private static Instant retentionFrom(Rules rules, Instant from) {
    return rules.retention().isZero() ? null : from.plus(rules.retention());
  }

  private static void checkGeneration(StoredObject existing, Long ifGenerationMatch) {
    if (ifGenerationMatch == null) {
      return;
    }
    long current = existing == null ? 0 : existing.generation();
    if (current != ifGenerationMatch) {
      throw new Refusal(412, "conditionNotMet", "At least one of the pre-conditions did not hold.");
    }
  }

  private static void requireName(String name) {
    if (name == null || name.isEmpty() || name.length() > 1024 || name.contains("\r")) {
      throw new Refusal(400, "invalid", "Invalid object name");
    }
  }

  private static Refusal held(StoredObject o) {
    String why =
        o.eventBasedHold()
            ? "is under active Event-Based hold"
            : o.temporaryHold()
                ? "is under active Temporary hold"
                : "is subject to bucket's retention policy";
    return new Refusal(
        403,
        "retentionPolicyNotMet",
        "Object '"
            + o.bucket()
            + "/"
            + o.name()
            + "' "
            + why
            + " and cannot be deleted, overwritten or archived until hold is removed.");
  }

  static byte[] digest(String algorithm, byte[] data) {
    try {
      return MessageDigest.getInstance(algorithm).digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
