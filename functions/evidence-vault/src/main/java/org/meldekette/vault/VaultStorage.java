package org.meldekette.vault;

import com.google.auth.ServiceAccountSigner;
import com.google.cloud.ReadChannel;
import com.google.cloud.WriteChannel;
import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.HttpMethod;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The two buckets, through {@code google-cloud-storage}: the staging bucket browsers upload to and
 * capture pages wait in, and the vault, whose objects are held. Every SHA-256 here is computed by
 * reading the stored bytes, never taken from anyone's word.
 */
final class VaultStorage {
  private static final int CHUNK = 2 * 1024 * 1024;

  /** A request the browser makes by itself: its URL and the headers it must send. */
  record Signed(String url, Map<String, String> headers, Instant expiresAt) {}

  /** An object as Meldekette read it. */
  record Stored(
      String name,
      String sha256,
      long size,
      String crc32c,
      String contentType,
      boolean eventBasedHold,
      boolean temporaryHold) {}

  /** Writes an object's bytes. */
  interface Content {
    void writeTo(OutputStream out) throws IOException;
  }

  private final Storage storage;
  private final String vault;
  private final String staging;
  private final ServiceAccountSigner signer;
  private final String signedUrlHost;
  private final Clock clock;

  /**
   * @param signedUrlHost where signed URLs point ({@code https://storage.googleapis.com} deployed)
   */
  VaultStorage(
      Storage storage,
      String vault,
      String staging,
      ServiceAccountSigner signer,
      String signedUrlHost,
      Clock clock) {
    this.storage = storage;
    this.vault = vault;
    this.staging = staging;
    this.signer = signer;
    this.signedUrlHost = signedUrlHost;
    this.clock = clock;
  }

  String vaultBucket() {
    return vault;
  }

  /**
   * A signed POST that starts a resumable upload of exactly {@code size} bytes of {@code
   * contentType} to a staged object that must not exist yet: the URL cannot write anything else,
   * larger, or twice.
   */
  Signed signUpload(String stagedName, String contentType, long size, Duration ttl) {
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("content-type", contentType);
    headers.put("x-goog-content-length-range", size + "," + size);
    headers.put("x-goog-if-generation-match", "0");
    headers.put("x-goog-resumable", "start");
    String url =
        storage
            .signUrl(
                BlobInfo.newBuilder(staging, stagedName).build(),
                ttl.toSeconds(),
                TimeUnit.SECONDS,
                Storage.SignUrlOption.httpMethod(HttpMethod.POST),
                Storage.SignUrlOption.withV4Signature(),
                Storage.SignUrlOption.withExtHeaders(headers),
                Storage.SignUrlOption.signWith(signer),
                Storage.SignUrlOption.withHostName(signedUrlHost),
                Storage.SignUrlOption.withPathStyle())
            .toString();
    return new Signed(url, headers, clock.instant().plus(ttl));
  }

  /** A signed GET of a vault object, offered to the browser as {@code fileName}. */
  Signed signDownload(String vaultName, String fileName, Duration ttl) {
    String url =
        storage
            .signUrl(
                BlobInfo.newBuilder(vault, vaultName).build(),
                ttl.toSeconds(),
                TimeUnit.SECONDS,
                Storage.SignUrlOption.httpMethod(HttpMethod.GET),
                Storage.SignUrlOption.withV4Signature(),
                Storage.SignUrlOption.withQueryParams(
                    Map.of(
                        "response-content-disposition",
                        "attachment; filename=\""
                            + fileName.replaceAll("[^A-Za-z0-9._-]", "_")
                            + "\"")),
                Storage.SignUrlOption.signWith(signer),
                Storage.SignUrlOption.withHostName(signedUrlHost),
                Storage.SignUrlOption.withPathStyle())
            .toString();
    return new Signed(url, Map.of(), clock.instant().plus(ttl));
  }

  Optional<Stored> readStaged(String name) {
    return read(staging, name);
  }

  Optional<Stored> readVault(String name) {
    return read(vault, name);
  }

  /**
   * Copies a staged object into the vault under {@code vaultName}, only if nothing is there yet (a
   * repeated completion finds its own earlier copy). Gives the vault object's checksum, which the
   * caller compares with the staged one's.
   */
  String copyIntoVault(String stagedName, String vaultName, Map<String, String> metadata) {
    try {
      Blob copied =
          storage
              .copy(
                  Storage.CopyRequest.newBuilder()
                      .setSource(BlobId.of(staging, stagedName))
                      .setTarget(
                          BlobInfo.newBuilder(vault, vaultName).setMetadata(metadata).build(),
                          Storage.BlobTargetOption.doesNotExist())
                      .build())
              .getResult();
      return copied.getCrc32c();
    } catch (StorageException e) {
      if (e.getCode() != 412) {
        throw e;
      }
      return storage.get(BlobId.of(vault, vaultName)).getCrc32c();
    }
  }

  /** Writes a staged object (a capture's page range), replacing any earlier attempt's. */
  void writeStaged(String name, String contentType, byte[] bytes) {
    storage.create(BlobInfo.newBuilder(staging, name).setContentType(contentType).build(), bytes);
  }

  InputStream openStaged(String name) {
    ReadChannel reader = storage.reader(BlobId.of(staging, name));
    reader.setChunkSize(CHUNK);
    return Channels.newInputStream(reader);
  }

  void deleteStaged(String name) {
    storage.delete(BlobId.of(staging, name));
  }

  /**
   * Writes a vault object once, hashing it on the way. When it exists already (an earlier attempt
   * wrote it before failing), the object is left as it is and read back for its hash.
   */
  Stored writeVault(
      String name, String contentType, Map<String, String> metadata, Content content) {
    if (storage.get(BlobId.of(vault, name)) != null) {
      return readVault(name).orElseThrow();
    }
    MessageDigest sha256 = sha256();
    long[] size = {0};
    try (WriteChannel writer =
        storage.writer(
            BlobInfo.newBuilder(vault, name)
                .setContentType(contentType)
                .setMetadata(metadata)
                .build(),
            Storage.BlobWriteOption.doesNotExist())) {
      writer.setChunkSize(8 * CHUNK);
      OutputStream counting =
          new OutputStream() {
            final OutputStream out = Channels.newOutputStream(writer);

            @Override
            public void write(int b) throws IOException {
              out.write(b);
              size[0]++;
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              out.write(b, off, len);
              size[0] += len;
            }
          };
      content.writeTo(new DigestOutputStream(counting, sha256));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Blob written = storage.get(BlobId.of(vault, name));
    return new Stored(
        name,
        HexFormat.of().formatHex(sha256.digest()),
        size[0],
        written.getCrc32c(),
        contentType,
        Boolean.TRUE.equals(written.getEventBasedHold()),
        Boolean.TRUE.equals(written.getTemporaryHold()));
  }

  /** The vault objects under {@code prefix} with the holds they carry. */
  List<Stored> listVault(String prefix) {
    List<Stored> found = new ArrayList<>();
    for (Blob blob : storage.list(vault, Storage.BlobListOption.prefix(prefix)).iterateAll()) {
      found.add(
          new Stored(
              blob.getName(),
              null,
              blob.getSize(),
              blob.getCrc32c(),
              blob.getContentType(),
              Boolean.TRUE.equals(blob.getEventBasedHold()),
              Boolean.TRUE.equals(blob.getTemporaryHold())));
    }
    return found;
  }

  void setHolds(String vaultName, boolean eventBased, boolean temporary) {
    storage.update(
        BlobInfo.newBuilder(vault, vaultName)
            .setEventBasedHold(eventBased)
            .setTemporaryHold(temporary)
            .build());
  }

  private Optional<Stored> read(String bucket, String name) {
    Blob blob = storage.get(BlobId.of(bucket, name));
    if (blob == null) {
      return Optional.empty();
    }
    MessageDigest sha256 = sha256();
    long size = 0;
    try (ReadChannel reader = storage.reader(BlobId.of(bucket, name))) {
      reader.setChunkSize(CHUNK);
      ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
      int n;
      while ((n = reader.read(buffer)) >= 0) {
        buffer.flip();
        sha256.update(buffer);
        buffer.clear();
        size += n;
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.of(
        new Stored(
            name,
            HexFormat.of().formatHex(sha256.digest()),
            size,
            blob.getCrc32c(),
            blob.getContentType(),
            Boolean.TRUE.equals(blob.getEventBasedHold()),
            Boolean.TRUE.equals(blob.getTemporaryHold())));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
