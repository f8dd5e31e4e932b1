package org.meldekette.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.api.gax.core.NoCredentialsProvider;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.CloudTasksSettings;
import com.google.cloud.tasks.v2.CreateTaskRequest;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.Task;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.Status;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.meldekette.config.Lazy;
import org.meldekette.domain.deadline.ReminderRef;
import org.meldekette.testing.InProcessGrpcServer;

/**
 * The Cloud Tasks adapter, with the real google-cloud-tasks client over gRPC to an in-process
 * CloudTasks service.
 */
class CloudTasksQueueTest {
  private static final String QUEUE =
      "projects/meldekette-prod/locations/europe-west3/queues/reminders";
  private InProcessGrpcServer tasks;
  private CloudTasksClient client;
  private CloudTasksQueue queue;

  @BeforeEach
  void start() throws Exception {
    tasks =
        new InProcessGrpcServer("google.cloud.tasks.v2.CloudTasks")
            .unary(
                "CreateTask",
                CreateTaskRequest.getDefaultInstance(),
                Task.getDefaultInstance(),
                request -> request.getTask())
            .start();
    client =
        CloudTasksClient.create(
            CloudTasksSettings.newBuilder()
                .setTransportChannelProvider(tasks.channelProvider())
                .setCredentialsProvider(NoCredentialsProvider.create())
                .build());
    queue =
        new CloudTasksQueue(
            Lazy.ready(client),
            QUEUE,
            "https://europe-west3-meldekette-prod.cloudfunctions.net/deadline-reminder",
            "meldekette-tasks@meldekette-prod.iam.gserviceaccount.com",
            "https://europe-west3-meldekette-prod.cloudfunctions.net/deadline-reminder");
  }

  @AfterEach
  void stop() {
    client.close();
    tasks.close();
  }

  @Test
  void aReminderBecomesAnHttpTaskWithItsNameScheduleTimeTargetAndOidcToken() throws Exception {
    Instant at = Instant.parse("2026-11-22T08:00:00.250Z");
    queue.create(
        new ReminderTask(
            "INC-20261120-AAAAAA-GDPR-ART33-before-48h-1795600000",
            at,
            new ReminderRef(
                "INC-20261120-AAAAAA", "GDPR", "ART33", null, "before-48h", 1795600000L)));

    List<CreateTaskRequest> requests = tasks.requests();
    assertThat(requests).hasSize(1);
    CreateTaskRequest request = requests.get(0);
    assertThat(request.getParent()).isEqualTo(QUEUE);
    Task task = request.getTask();
    assertThat(task.getName())
        .isEqualTo(QUEUE + "/tasks/INC-20261120-AAAAAA-GDPR-ART33-before-48h-1795600000");
    assertThat(task.getScheduleTime().getSeconds()).isEqualTo(at.getEpochSecond());
    assertThat(task.getScheduleTime().getNanos()).isEqualTo(250_000_000);
    assertThat(task.getHttpRequest().getUrl())
        .isEqualTo(
            "https://europe-west3-meldekette-prod.cloudfunctions.net/deadline-reminder/tasks/reminder");
    assertThat(task.getHttpRequest().getHttpMethod()).isEqualTo(HttpMethod.POST);
    assertThat(task.getHttpRequest().getHeadersMap())
        .containsEntry("Content-Type", "application/json");
    assertThat(task.getHttpRequest().getOidcToken().getServiceAccountEmail())
        .isEqualTo("meldekette-tasks@meldekette-prod.iam.gserviceaccount.com");
    assertThat(task.getHttpRequest().getOidcToken().getAudience())
        .isEqualTo("https://europe-west3-meldekette-prod.cloudfunctions.net/deadline-reminder");
    JsonObject body =
        JsonParser.parseString(task.getHttpRequest().getBody().toStringUtf8()).getAsJsonObject();
    assertThat(body.get("incidentId").getAsString()).isEqualTo("INC-20261120-AAAAAA");
    assertThat(body.get("stage").getAsString()).isEqualTo("ART33");
    assertThat(body.get("kind").getAsString()).isEqualTo("before-48h");
    assertThat(body.get("dueAt").getAsLong()).isEqualTo(1795600000L);
  }

  @Test
  void aNotificationGoesToItsOwnRouteUnderANameThatMakesItOnce() throws Exception {
    Instant now = Instant.parse("2026-11-22T08:00:00Z");
    queue.create(NotificationTask.page("INC-20261120-AAAAAA", now));
    queue.create(NotificationTask.digest("incident-team-webhook", 1795600000L, now));
    List<CreateTaskRequest> requests = tasks.requests();
    Task page = requests.get(0).getTask();
    assertThat(page.getName()).isEqualTo(QUEUE + "/tasks/INC-20261120-AAAAAA-page");
    assertThat(page.getHttpRequest().getUrl())
        .isEqualTo(
            "https://europe-west3-meldekette-prod.cloudfunctions.net/deadline-reminder/tasks/notification");
    assertThat(page.getHttpRequest().getBody().toStringUtf8())
        .isEqualTo("{\"kind\":\"PAGE\",\"incidentId\":\"INC-20261120-AAAAAA\"}");
    Task digest = requests.get(1).getTask();
    assertThat(digest.getName())
        .isEqualTo(QUEUE + "/tasks/digest-incident-team-webhook-1795600000");
    assertThat(digest.getHttpRequest().getBody().toStringUtf8())
        .isEqualTo(
            "{\"kind\":\"DIGEST\",\"channel\":\"incident-team-webhook\",\"window\":1795600000}");
  }

  @Test
  void aTaskThatExistsAlreadyCountsAsScheduled() throws Exception {
    tasks.failWith(Status.ALREADY_EXISTS.withDescription("task exists"));
    queue.create(
        new ReminderTask(
            "n",
            Instant.parse("2026-11-22T08:00:00Z"),
            new ReminderRef("INC-20261120-AAAAAA", "GDPR", "ART33", null, "due", 1L)));
    assertThat(tasks.requests()).hasSize(1);
  }

  @Test
  void anyOtherFailureReachesTheCaller() {
    tasks.failWith(Status.PERMISSION_DENIED.withDescription("no"));
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () ->
                queue.create(
                    new ReminderTask(
                        "n",
                        Instant.parse("2026-11-22T08:00:00Z"),
                        new ReminderRef("INC-20261120-AAAAAA", "GDPR", "ART33", null, "due", 1L))))
        .isInstanceOf(com.google.api.gax.rpc.PermissionDeniedException.class);
  }
}
