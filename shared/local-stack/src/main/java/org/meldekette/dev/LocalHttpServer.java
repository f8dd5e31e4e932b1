package org.meldekette.dev;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server for the local stand-ins, on the loopback. It sets TCP_NODELAY on its
 * connections (a JVM-wide setting, read when the first server starts): without it every small
 * answer on a kept-alive connection waits about 40 ms for the client's delayed ACK, which made each
 * local task queue call take 45 ms. Requests are handled on a pool of threads: the JDK's default
 * handles them one after the other on its dispatcher thread, which made the local Hosting pass the
 * console's parallel API calls to incident-lifecycle one at a time.
 */
public final class LocalHttpServer {
  private LocalHttpServer() {}

  public static HttpServer create(int port) throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
    server.setExecutor(
        Executors.newCachedThreadPool(
            task -> {
              Thread thread = new Thread(task, "local-http-" + port);
              thread.setDaemon(true);
              return thread;
            }));
    return server;
  }
}
