package org.meldekette.dev;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;

/**
 * The JDK's HTTP server for the local stand-ins, on the loopback. It sets TCP_NODELAY on its
 * connections (a JVM-wide setting, read when the first server starts): without it every small
 * answer on a kept-alive connection waits about 40 ms for the client's delayed ACK, which made each
 * local task queue call take 45 ms.
 */
public final class LocalHttpServer {
  private LocalHttpServer() {}

  public static HttpServer create(int port) throws IOException {
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    return HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
  }
}
