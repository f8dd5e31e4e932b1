package org.meldekette.dev.storage;

import java.io.ByteArrayOutputStream;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.meldekette.dev.storage.Buckets.Refusal;
import org.meldekette.dev.storage.Buckets.StoredObject;

/**
 * Resumable uploads as Cloud Storage runs them (JSON API and signed-URL XML API alike): a session
 * is started with the object's name, type and limits, then takes the bytes in order, in one request
 * or in {@code Content-Range} chunks, and writes the object when the last byte arrives. A session
 * may be asked how far it got, after a broken connection, with {@code Content-Range: bytes *}.
 */
final class UploadSessions {
  private static final Pattern RANGE = Pattern.compile("bytes (?:(\\d+)-(\\d+)|\\*)/(\\d+|\\*)");

  /** What a session was started with. */
  record Target(
      String bucket,
      String name,
      String contentType,
      Map<String, String> metadata,
      Long ifGenerationMatch,
      long minSize,
      long maxSize) {}

  /** The answer to one request: the object when complete, otherwise the bytes persisted so far. */
  record Progress(StoredObject object, long persisted) {}

  private static final class Session {
    final Target target;
    final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StoredObject done;

    Session(Target target) {
      this.target = target;
    }
  }

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Buckets buckets;

  UploadSessions(Buckets buckets) {
    this.buckets = buckets;
  }

  String start(Target target) {
    buckets.rules(target.bucket());
    String id = UUID.randomUUID().toString().replace("-", "");
    sessions.put(id, new Session(target));
    return id;
  }

  /** Takes one request's bytes ({@code contentRange} null: the whole object in one go). */
  Progress put(String uploadId, String contentRange, byte[] body) {
    Session session = sessions.get(uploadId);
    if (session == null) {
      throw new Refusal(404, "notFound", "No such upload session");
    }
    synchronized (session) {
      if (session.done != null) {
        return new Progress(session.done, session.done.data().length);
      }
      long total;
      if (contentRange == null) {
        append(session, 0, body);
        total = session.bytes.size();
      } else {
        Matcher m = RANGE.matcher(contentRange.strip());
        if (!m.matches()) {
          throw new Refusal(400, "invalid", "Malformed Content-Range: " + contentRange);
        }
        if (m.group(1) != null) {
          long first = Long.parseLong(m.group(1));
          long last = Long.parseLong(m.group(2));
          if (last - first + 1 != body.length) {
            throw new Refusal(400, "invalid", "Content-Range does not match the body's length");
          }
          append(session, first, body);
        }
        total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
      }
      if (total >= 0 && session.bytes.size() == total) {
        Target t = session.target;
        if (total < t.minSize()) {
          sessions.remove(uploadId);
          throw new Refusal(400, "EntityTooSmall", "the upload is smaller than the URL allows");
        }
        session.done =
            buckets.put(
                t.bucket(),
                t.name(),
                session.bytes.toByteArray(),
                t.contentType(),
                t.metadata(),
                t.ifGenerationMatch());
        return new Progress(session.done, total);
      }
      return new Progress(null, session.bytes.size());
    }
  }

  private void append(Session session, long offset, byte[] body) {
    if (offset != session.bytes.size()) {
      throw new Refusal(400, "invalid", "expected the bytes from offset " + session.bytes.size());
    }
    if (session.bytes.size() + (long) body.length > session.target.maxSize()) {
      sessions.values().remove(session);
      throw new Refusal(
          400, "EntityTooLarge", "the upload is larger than the URL allows; the session is closed");
    }
    session.bytes.writeBytes(body);
  }
}
