package org.meldekette.tasks;

import com.google.api.gax.rpc.AlreadyExistsException;
import com.google.cloud.tasks.v2.CloudTasksClient;
import com.google.cloud.tasks.v2.HttpMethod;
import com.google.cloud.tasks.v2.HttpRequest;
import com.google.cloud.tasks.v2.OidcToken;
import com.google.cloud.tasks.v2.Task;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.meldekette.json.Json;

/**
 * Reminder tasks in Cloud Tasks: an HTTP task to the deadline-reminder function with an OIDC token
 * of the queue's service account (which the function verifies), scheduled for the reminder's time.
 * A name that exists already is success.
 *
 * @param queue {@code projects/P/locations/L/queues/Q}
 */
public record CloudTasksQueue(
    Supplier<CloudTasksClient> client,
    String queue,
    String targetUrl,
    String serviceAccount,
    String audience)
    implements TaskQueue {

  @Override
  public void create(ReminderTask task) {
    Task request =
        Task.newBuilder()
            .setName(queue + "/tasks/" + task.name())
            .setScheduleTime(
                Timestamp.newBuilder()
                    .setSeconds(task.scheduleTime().getEpochSecond())
                    .setNanos(task.scheduleTime().getNano()))
            .setHttpRequest(
                HttpRequest.newBuilder()
                    .setUrl(targetUrl)
                    .setHttpMethod(HttpMethod.POST)
                    .putHeaders("Content-Type", "application/json")
                    .setBody(ByteString.copyFrom(Json.write(task.body()), StandardCharsets.UTF_8))
                    .setOidcToken(
                        OidcToken.newBuilder()
                            .setServiceAccountEmail(serviceAccount)
                            .setAudience(audience)))
            .build();
    try {
      client.get().createTask(queue, request);
    } catch (AlreadyExistsException scheduledBefore) {
      // the same reminder was queued already: nothing to do
    }
  }
}
