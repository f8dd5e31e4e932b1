package org.meldekette.store;

import com.google.cloud.firestore.Firestore;
import com.google.cloud.firestore.FirestoreOptions;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;

/**
 * The Firestore client a function uses, built from the environment: {@code GOOGLE_CLOUD_PROJECT}
 * (the project; found from the metadata server when unset), {@code FIRESTORE_DATABASE} (default
 * {@code (default)}) and {@code FIRESTORE_EMULATOR_HOST} (host:port of an emulator; unset in
 * production).
 */
public final class FirestoreClients {

  private FirestoreClients() {}

  /**
   * The client for a deployed function: built on a background thread from the start (see {@link
   * Lazy#buildInBackground}).
   */
  public static Lazy<Firestore> forFunction(Env env) {
    return fromEnvironment(env).buildInBackground();
  }

  /** Built on first use, for a process that may never need it. */
  public static Lazy<Firestore> fromEnvironment(Env env) {
    return Lazy.of(
        () -> {
          FirestoreOptions.Builder options =
              FirestoreOptions.newBuilder()
                  .setDatabaseId(env.get("FIRESTORE_DATABASE", "(default)"));
          String project = env.get("GOOGLE_CLOUD_PROJECT", null);
          if (project != null) {
            options.setProjectId(project);
          }
          String emulator = env.get("FIRESTORE_EMULATOR_HOST", null);
          if (emulator != null) {
            options.setEmulatorHost(emulator);
          }
          return options.build().getService();
        });
  }
}
