package org.meldekette.notify;

import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretVersionName;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Secrets from Secret Manager ({@code projects/P/secrets/NAME/versions/latest}) through the real
 * client, kept for five minutes so a burst of reminders does not read the same secret each time,
 * while a rotated webhook URL is picked up soon.
 */
public final class SecretManagerSecrets implements Secrets {
  private static final Duration CACHE = Duration.ofMinutes(5);
  private final Supplier<SecretManagerServiceClient> client;
  private final String project;
  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  private record Cached(String value, Instant until) {}

  public SecretManagerSecrets(
      Supplier<SecretManagerServiceClient> client, String project, Clock clock) {
    this.client = client;
    this.project = project;
    this.clock = clock;
  }

  @Override
  public String value(String name) {
    Instant now = clock.instant();
    Cached cached = cache.get(name);
    if (cached != null && now.isBefore(cached.until())) {
      return cached.value();
    }
    String value =
        client
            .get()
            .accessSecretVersion(SecretVersionName.of(project, name, "latest"))
            .getPayload()
            .getData()
            .toStringUtf8()
            .strip();
    cache.put(name, new Cached(value, now.plus(CACHE)));
    return value;
  }
}
