package org.meldekette.vault;

import com.google.api.core.ApiClock;
import com.google.api.gax.core.NoCredentialsProvider;
import com.google.api.gax.grpc.InstantiatingGrpcChannelProvider;
import com.google.auth.ServiceAccountSigner;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import com.google.cloud.logging.v2.LoggingClient;
import com.google.cloud.logging.v2.LoggingSettings;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The Google Cloud clients the vault uses, built from its settings: Google's endpoints with the
 * function's own service account deployed, the local stack's stand-ins without credentials locally.
 */
final class VaultClients {
  private VaultClients() {}

  /** The client; {@code clock} dates the URLs it signs. */
  static Storage storage(VaultSettings settings, Clock clock) {
    StorageOptions.Builder options =
        StorageOptions.newBuilder()
            .setProjectId(settings.project())
            .setClock(
                new ApiClock() {
                  @Override
                  public long nanoTime() {
                    return TimeUnit.MILLISECONDS.toNanos(clock.millis());
                  }

                  @Override
                  public long millisTime() {
                    return clock.millis();
                  }
                });
    if (settings.storageHost() != null) {
      options.setHost(settings.storageHost()).setCredentials(NoCredentials.getInstance());
    }
    return options.build().getService();
  }

  /**
   * Who signs URLs: a key from a file (local stack), else the function's service account, whose
   * credentials sign through the IAM Credentials API (it needs Token Creator on itself).
   */
  static ServiceAccountSigner signer(VaultSettings settings) {
    try {
      if (settings.signerKeyFile() != null) {
        return ServiceAccountCredentials.newBuilder()
            .setClientEmail(settings.signerEmail())
            .setPrivateKey(privateKey(Files.readString(Path.of(settings.signerKeyFile()))))
            .setProjectId(settings.project())
            .build();
      }
      GoogleCredentials credentials = GoogleCredentials.getApplicationDefault();
      if (credentials instanceof ServiceAccountSigner signer) {
        return signer;
      }
      throw new IllegalStateException(
          "the function's credentials cannot sign URLs: " + credentials.getClass().getName());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static LoggingClient logging(VaultSettings settings) {
    try {
      if (settings.loggingEndpoint() == null) {
        return LoggingClient.create();
      }
      return LoggingClient.create(
          LoggingSettings.newBuilder()
              .setCredentialsProvider(NoCredentialsProvider.create())
              .setTransportChannelProvider(
                  InstantiatingGrpcChannelProvider.newBuilder()
                      .setEndpoint(settings.loggingEndpoint())
                      .setChannelConfigurator(ManagedChannelBuilder::usePlaintext)
                      .build())
              .build());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static PrivateKey privateKey(String pem) {
    String base64 =
        pem.replace("-----BEGIN PRIVATE KEY-----", "")
            .replace("-----END PRIVATE KEY-----", "")
            .replaceAll("\\s", "");
    try {
      return KeyFactory.getInstance("RSA")
          .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("STORAGE_SIGNER_KEY_FILE holds no RSA key in PKCS#8 PEM", e);
    }
  }
}
