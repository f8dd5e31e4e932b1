package org.meldekette.dev;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Serves a {@link TokenIssuer}'s public key as a JWK set at {@code /certs} on loopback. */
public final class JwksEndpoint implements AutoCloseable {
  private final HttpServer server;

  private JwksEndpoint(HttpServer server) {
    this.server = server;
  }

  /** Serves on {@code port}; 0 picks a free one. */
  public static JwksEndpoint serve(TokenIssuer issuer, int port) {
    try {
      HttpServer server = LocalHttpServer.create(port);
      server.createContext(
          "/certs",
          exchange -> {
            byte[] body = issuer.jwks().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      server.start();
      return new JwksEndpoint(server);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String certsUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/certs";
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
