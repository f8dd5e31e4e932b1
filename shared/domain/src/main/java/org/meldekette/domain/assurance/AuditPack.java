package org.meldekette.domain.assurance;

import com.google.gson.GsonBuilder;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.meldekette.domain.Actor;
import org.meldekette.domain.Change;
import org.meldekette.domain.ChangeType;
import org.meldekette.domain.Hashes;

/**
 * An audit pack: named files and a manifest with the SHA-256 of every one, zipped in a fixed order
 * with fixed times, so the same files always give the same pack.
 */
public final class AuditPack {
  public static final String MANIFEST = "manifest.json";

  /** Entries carry this time, not the moment of zipping: the bytes depend on the contents only. */
  private static final long ENTRY_TIME = Instant.parse("2000-01-01T00:00:00Z").toEpochMilli();

  private final Map<String, byte[]> files = new LinkedHashMap<>();

  public AuditPack add(String name, byte[] content) {
    if (name.equals(MANIFEST) || files.containsKey(name)) {
      throw new IllegalArgumentException("a pack holds " + name + " once");
    }
    files.put(name, content);
    return this;
  }

  public AuditPack addJson(String name, Object value) {
    return add(name, json(value));
  }

  /** The manifest: what the pack is, then every file with its size and SHA-256. */
  public Map<String, Object> manifest(Map<String, Object> about) {
    Map<String, Object> manifest = new LinkedHashMap<>(about);
    List<Map<String, Object>> listed = new ArrayList<>();
    files.forEach(
        (name, content) -> {
          Map<String, Object> file = new LinkedHashMap<>();
          file.put("name", name);
          file.put("bytes", content.length);
          file.put("sha256", Hashes.sha256(content));
          listed.add(file);
        });
    manifest.put("files", listed);
    return manifest;
  }

  /** The pack as a ZIP: the files in the order added, then the manifest. */
  public byte[] zip(Map<String, Object> about) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
      for (Map.Entry<String, byte[]> file : files.entrySet()) {
        entry(zip, file.getKey(), file.getValue());
      }
      entry(zip, MANIFEST, json(manifest(about)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** The change that records a generated pack on its own audit chain. */
  public static Change generated(
      String id,
      String from,
      String to,
      String customer,
      int incidents,
      String sha256,
      Actor actor,
      Instant at) {
    Map<String, Object> after = new LinkedHashMap<>();
    after.put("auditPack", id);
    after.put("from", from);
    after.put("to", to);
    if (customer != null) {
      after.put("customer", customer);
    }
    after.put("incidents", incidents);
    after.put("sha256", sha256);
    return new Change(
        ChangeType.AUDIT_PACK_GENERATED,
        actor,
        at,
        null,
        "Audit pack " + id + " generated for " + from + " to " + to,
        null,
        after);
  }

  private static void entry(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    entry.setTime(ENTRY_TIME);
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
  }

  private static byte[] json(Object value) {
    return new GsonBuilder()
        .setPrettyPrinting()
        .serializeNulls()
        .disableHtmlEscaping()
        .create()
        .toJson(value)
        .getBytes(StandardCharsets.UTF_8);
  }
}
