package org.meldekette.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay between a client and a server that can be cut: {@link #cut()} resets every open
 * connection and refuses new ones (the server is gone, as far as the client can tell), {@link
 * #restore()} accepts again on the same port. The outage test puts it between the functions and the
 * Firestore emulator, so the emulator can be stopped and restarted while no request reaches it.
 */
public final class CuttableProxy implements AutoCloseable {
  private final int port;
  private final InetSocketAddress target;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket listener;

  public CuttableProxy(int port, InetSocketAddress target) throws IOException {
    this.port = port;
    this.target = target;
    restore();
  }

  /** {@code host:port} of the relay. */
  public String host() {
    return "127.0.0.1:" + port;
  }

  /** Stops listening and resets every connection. */
  public synchronized void cut() throws IOException {
    ServerSocket current = listener;
    listener = null;
    if (current != null) {
      current.close();
    }
    for (Socket socket : open) {
      reset(socket);
    }
    open.clear();
  }

  /** Listens again on the same port. */
  public synchronized void restore() throws IOException {
    if (listener != null) {
      return;
    }
    ServerSocket socket = new ServerSocket();
    socket.setReuseAddress(true);
    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    listener = socket;
    Thread acceptor = new Thread(() -> accept(socket), "proxy-accept-" + port);
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept(ServerSocket socket) {
    while (!socket.isClosed()) {
      try {
        Socket client = socket.accept();
        Socket server;
        try {
          server = new Socket(target.getAddress(), target.getPort());
        } catch (IOException refused) {
          reset(client);
          continue;
        }
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        // A connection accepted while cut() ran must not outlive it: it would carry writes to the
        // emulator
        // during the outage (a write after the export is acknowledged, then lost with the process).
        synchronized (this) {
          if (listener != socket) {
            reset(client);
            reset(server);
            continue;
          }
          open.add(client);
          open.add(server);
        }
        pump(client, server);
        pump(server, client);
      } catch (IOException e) {
        // closed by cut(), or the target refused: the client sees its connection end
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              byte[] buffer = new byte[16 * 1024];
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                  out.write(buffer, 0, read);
                  out.flush();
                }
              } catch (IOException e) {
                // one side went away
              } finally {
                reset(from);
                reset(to);
                open.remove(from);
                open.remove(to);
              }
            },
            "proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  /** Closes with a reset rather than an orderly close, as a dead peer looks. */
  private static void reset(Socket socket) {
    try {
      socket.setSoLinger(true, 0);
      socket.close();
    } catch (IOException ignored) {
      // already gone
    }
  }

  @Override
  public void close() throws IOException {
    cut();
  }
}
