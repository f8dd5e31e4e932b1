package org.meldekette.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.secretmanager.v1.AccessSecretVersionRequest;
import com.google.cloud.secretmanager.v1.AccessSecretVersionResponse;
import com.google.cloud.secretmanager.v1.SecretManagerServiceClient;
import com.google.cloud.secretmanager.v1.SecretManagerServiceSettings;
import com.google.cloud.secretmanager.v1.SecretPayload;
import com.google.protobuf.ByteString;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meldekette.config.Lazy;
import org.meldekette.testing.InProcessGrpcServer;
import org.meldekette.testing.MutableClock;

/**
 * The Secret Manager adapter, with the real client over gRPC to an in-process SecretManagerService.
 */
class SecretManagerSecretsTest {
  private InProcessGrpcServer secretManager;
  private SecretManagerServiceClient client;
  private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T08:00:00Z"));

  @BeforeEach
  void start() throws Exception {
    secretManager =
        new InProcessGrpcServer("google.cloud.secretmanager.v1.SecretManagerService")
            .unary(
                "AccessSecretVersion",
                AccessSecretVersionRequest.getDefaultInstance(),
                AccessSecretVersionResponse.getDefaultInstance(),
                request ->
                    AccessSecretVersionResponse.newBuilder()
                        .setName(request.getName())
                        .setPayload(
                            SecretPayload.newBuilder()
                                .setData(
                                    ByteString.copyFromUtf8(
                                        "https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t\n")))
                        .build())
            .start();
    client =
        SecretManagerServiceClient.create(
            SecretManagerServiceSettings.newBuilder()
                .setTransportChannelProvider(secretManager.channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
  }

  @AfterEach
  void stop() {
    client.close();
    secretManager.close();
  }

  @Test
  void readsTheLatestVersionOfTheNamedSecretAndKeepsItForFiveMinutes() {
    SecretManagerSecrets secrets =
        new SecretManagerSecrets(Lazy.ready(client), "meldekette-prod", clock);

    assertThat(secrets.value("incident-team-webhook"))
        .isEqualTo("https://chat.googleapis.com/v1/spaces/AAA/messages?key=k&token=t");
    assertThat(secrets.value("incident-team-webhook")).isNotEmpty();
    List<AccessSecretVersionRequest> requests = secretManager.requests();
    assertThat(requests).hasSize(1);
    assertThat(requests.get(0).getName())
        .isEqualTo("projects/meldekette-prod/secrets/incident-team-webhook/versions/latest");

    clock.advance(Duration.ofMinutes(6));
    secrets.value("incident-team-webhook");
    assertThat(secretManager.requests()).hasSize(2);
  }
}
