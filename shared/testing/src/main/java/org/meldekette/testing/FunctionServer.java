package org.meldekette.testing;

import com.google.cloud.functions.invoker.runner.Invoker;
import java.net.URI;

/**
 * A function served over real HTTP by the Functions Framework invoker, in this JVM, on a free port:
 * the same request parsing, headers and status handling as in production. The function class is
 * instantiated by the invoker, so tests pass their dependencies through a subclass beside the test
 * (see the function tests).
 */
public final class FunctionServer implements AutoCloseable {
  private final Invoker invoker;
  private final int port;

  private FunctionServer(Invoker invoker, int port) {
    this.invoker = invoker;
    this.port = port;
  }

  /** Serves an HTTP function ({@code signature} "http") or a CloudEvent function ("cloudevent"). */
  public static FunctionServer start(Class<?> functionClass, String signature) throws Exception {
    return start(functionClass, signature, freePort());
  }

  /** On a port chosen before, for a function that must know its own URL when it starts. */
  public static FunctionServer start(Class<?> functionClass, String signature, int port)
      throws Exception {
    Invoker invoker =
        new Invoker(port, functionClass.getName(), signature, functionClass.getClassLoader());
    invoker.startTestServer();
    return new FunctionServer(invoker, port);
  }

  public static int freePort() {
    return FirestoreEmulator.freePort();
  }

  /**
   * Holds every answer a test receives from this server through {@link TestHttp} to the API
   * description.
   */
  public FunctionServer checkedAgainst(ApiContract contract) {
    TestHttp.holdTo(port, contract);
    return this;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  @Override
  public void close() throws Exception {
    TestHttp.release(port);
    invoker.stopServer();
  }
}
