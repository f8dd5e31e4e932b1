package org.meldekette.dev.storage;

import static org.meldekette.dev.storage.StorageHttp.cors;
import static org.meldekette.dev.storage.StorageHttp.error;
import static org.meldekette.dev.storage.StorageHttp.segments;
import static org.meldekette.dev.storage.StorageHttp.send;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.meldekette.dev.LocalHttpServer;
import org.meldekette.dev.storage.Buckets.Refusal;

/**
 * A small Cloud Storage for the local stack and the tests, since no emulator can be installed: the
 * JSON API calls {@code google-cloud-storage} makes for what Meldekette does (uploads, reads,
 * copies, holds, deletes, listings) and the XML API a browser uses with V4 signed URLs (a resumable
 * upload started by a signed POST, a signed GET). It enforces what the vault relies on: signatures
 * and expiry, the signed size range, preconditions, holds and retention. Never deployed.
 *
 * <p>Arguments: {@code port signer-key-file bucket[:hold][:retention=P…]…}. The signer's private
 * key is written to {@code signer-key-file} (PKCS#8 PEM) for the functions that sign URLs.
 */
public final class LocalStorageServer implements AutoCloseable {

  private final HttpServer server;
  private final Buckets buckets;
  private final KeyPair signer;
  private final JsonApi jsonApi;
  private final SignedUrls signedUrls;
  private final String origin;
  private volatile String failing;
  private final java.util.concurrent.atomic.AtomicInteger failuresLeft =
      new java.util.concurrent.atomic.AtomicInteger();

  private LocalStorageServer(int port, Buckets buckets, Clock clock) throws IOException {
    this.buckets = buckets;
    this.signer = rsaKeyPair();
    this.server = LocalHttpServer.create(port);
    this.origin = "http://127.0.0.1:" + server.getAddress().getPort();
    UploadSessions sessions = new UploadSessions(buckets);
    this.jsonApi = new JsonApi(buckets, sessions, origin);
    this.signedUrls =
        new SignedUrls(buckets, sessions, new V4Signatures(signer.getPublic()), clock, origin);
    server.createContext("/", this::handle);
    server.start();
  }

  /** Starts on {@code port} (0: any free one) serving {@code buckets}. */
  public static LocalStorageServer start(int port, Buckets buckets, Clock clock)
      throws IOException {
    return new LocalStorageServer(port, buckets, clock);
  }

  public static void main(String[] args) throws IOException {
    Buckets buckets = new Buckets(Clock.systemUTC());
    for (int i = 2; i < args.length; i++) {
      String[] parts = args[i].split(":");
      boolean hold = false;
      Duration retention = Duration.ZERO;
      for (int p = 1; p < parts.length; p++) {
        if (parts[p].equals("hold")) {
          hold = true;
        } else if (parts[p].startsWith("retention=")) {
          retention = Duration.parse(parts[p].substring("retention=".length()));
        }
      }
      buckets.create(parts[0], new Buckets.Rules(hold, retention));
    }
    LocalStorageServer server = start(Integer.parseInt(args[0]), buckets, Clock.systemUTC());
    Files.writeString(Path.of(args[1]), server.signerKeyPem());
    System.out.println(
        "Local Cloud Storage on "
            + server.origin()
            + " serving "
            + List.of(args).subList(2, args.length));
  }

  /** Where it listens, as a signed URL's host names it: {@code http://127.0.0.1:port}. */
  public String origin() {
    return origin;
  }

  public Buckets buckets() {
    return buckets;
  }

  /** The PKCS#8 PEM of the key whose signatures this server accepts. */
  public String signerKeyPem() {
    return "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(signer.getPrivate().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
  }

  /**
   * The next {@code count} requests whose path or query contains {@code fragment} fail with a 400
   * the client does not retry: how a test stops a function half-way, as a crash would.
   */
  public void failNext(String fragment, int count) {
    failing = fragment;
    failuresLeft.set(count);
  }

  /** How many of the failures asked for are still to come. */
  public int pendingFailures() {
    return failuresLeft.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      cors(exchange);
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        exchange.sendResponseHeaders(204, -1);
        return;
      }
      try {
        String target =
            URLDecoder.decode(exchange.getRequestURI().toString(), StandardCharsets.UTF_8);
        String fragment = failing;
        if (fragment != null
            && target.contains(fragment)
            && failuresLeft.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
          throw new Refusal(400, "simulatedFailure", "the local Cloud Storage fails on purpose");
        }
        route(exchange);
      } catch (Refusal refusal) {
        error(exchange, refusal);
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    // The client's HTTP transport cannot send PATCH and says so in this header instead.
    String override = exchange.getRequestHeaders().getFirst("X-HTTP-Method-Override");
    String method = override == null ? exchange.getRequestMethod() : override;
    String path = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    Map<String, String> query = V4Signatures.decode(rawQuery);
    if (path.startsWith("/upload/storage/v1/b/")) {
      jsonApi.upload(exchange, method, segments(path, "/upload/storage/v1/b/"), query);
    } else if (path.startsWith("/storage/v1/b/") || path.startsWith("/download/storage/v1/b/")) {
      String prefix = path.startsWith("/download/") ? "/download/storage/v1/b/" : "/storage/v1/b/";
      jsonApi.objects(exchange, method, segments(path, prefix), query);
    } else if (query.containsKey("upload_id")) {
      jsonApi.sessionPut(exchange, query.get("upload_id"), false);
    } else if (V4Signatures.isSigned(rawQuery)) {
      signedUrls.serve(exchange, method, path, rawQuery, query);
    } else if (path.equals("/")) {
      send(exchange, 200, "text/plain", "Local Cloud Storage\n".getBytes(StandardCharsets.UTF_8));
    } else {
      throw new Refusal(
          403, "AccessDenied", "Anonymous caller does not have storage.objects.get access");
    }
  }

  private static KeyPair rsaKeyPair() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
