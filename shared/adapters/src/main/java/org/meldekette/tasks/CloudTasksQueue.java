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
 * Tasks in Cloud Tasks: an HTTP task to a route of the deadline-reminder function with an OIDC
 * token of the queue's service account (which the function verifies), scheduled for its time. A
 * name that exists already is success.
 *
 * @param queue {@code projects/P/locations/L/queues/Q}
 * @param targetUrl the deadline-reminder function's URL; the task's path is appended
 */
public record CloudTasksQueue(
    Supplier<CloudTasksClient> client,
    String queue,
    String targetUrl,
    String serviceAccount,
    String audience)
    implements TaskQueue {

  @Override
  public void create(QueuedTask task) {
    Task request =
        Task.newBuilder()
            .setName(queue + "/tasks/" + task.name())
            .setScheduleTime(
                Timestamp.newBuilder()
                    .setSeconds(task.scheduleTime().getEpochSecond())
                    .setNanos(task.scheduleTime().getNano()))
            .setHttpRequest(
                HttpRequest.newBuilder()
                    .setUrl(targetUrl + task.path())
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
      // the same task was queued already: nothing to do
    }
  }
}
