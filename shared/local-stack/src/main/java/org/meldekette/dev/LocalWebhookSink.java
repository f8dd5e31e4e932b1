package org.meldekette.dev;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The local stack's chat channels: takes webhook posts at {@code /<channel>} and prints one line
 * per message, so reminders can be watched arriving ({@code tail -f
 * target/local-stack/webhooks.log}). Never deployed.
 */
public final class LocalWebhookSink {
  private LocalWebhookSink() {}

  public static void main(String[] args) throws IOException {
    HttpServer server = LocalHttpServer.create(Integer.parseInt(args[0]));
    server.createContext(
        "/",
        exchange -> {
          if (!exchange.getRequestMethod().equals("POST")) {
            exchange.sendResponseHeaders(204, -1); // a readiness probe, not a message
            exchange.close();
            return;
          }
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          synchronized (System.out) {
            System.out.println(
                Instant.now()
                    + " ["
                    + exchange.getRequestURI().getPath().substring(1)
                    + "] "
                    + body);
            System.out.flush();
          }
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
        });
    server.start();
    System.out.println("Local webhook sink on http://127.0.0.1:" + args[0] + "/<channel>");
  }
}
