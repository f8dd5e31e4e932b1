package org.meldekette.config;

import java.util.function.Supplier;

/**
 * Builds a value on first use and keeps it. Google Cloud clients are made this way: each one built
 * at class load adds about 0.4 s to a function's cold start, and not every request needs every
 * client.
 */
public final class Lazy<T> implements Supplier<T> {
  private final Supplier<T> factory;
  private volatile T value;

  private Lazy(Supplier<T> factory) {
    this.factory = factory;
  }

  public static <T> Lazy<T> of(Supplier<T> factory) {
    return new Lazy<>(factory);
  }

  /** An already built value, for callers (tests, benchmarks) that hand in their own client. */
  public static <T> Lazy<T> ready(T value) {
    Lazy<T> lazy = new Lazy<>(() -> value);
    lazy.value = value;
    return lazy;
  }

  /**
   * Starts building the value on a background thread and returns at once. A function does this at
   * start for the client every request needs, so that building it overlaps the HTTP server's own
   * start instead of delaying the first request. A failure here is ignored: the first {@link
   * #get()} builds again and throws.
   */
  public Lazy<T> buildInBackground() {
    Thread builder =
        new Thread(
            () -> {
              try {
                get();
              } catch (RuntimeException ignored) {
                // get() on the request path tries again and reports it
              }
            },
            "lazy-build");
    builder.setDaemon(true);
    builder.start();
    return this;
  }

  @Override
  public T get() {
    T current = value;
    if (current == null) {
      synchronized (this) {
        current = value;
        if (current == null) {
          current = factory.get();
          value = current;
        }
      }
    }
    return current;
  }
}
