package org.meldekette.tasks;

import com.google.cloud.tasks.v2.CloudTasksClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.meldekette.config.Env;
import org.meldekette.config.Lazy;

/**
 * The task queue from {@code TASK_QUEUE}: {@code cloud-tasks} (default; {@code TASKS_QUEUE} names
 * the queue, {@code TASKS_SERVICE_ACCOUNT} the account whose OIDC token the tasks carry) or {@code
 * local} ({@code LOCAL_TASK_QUEUE_URL}). {@code TASKS_TARGET_URL} is the deadline-reminder
 * function's URL, where every task is delivered (each to its own route).
 */
public final class TaskQueues {
  private TaskQueues() {}

  public static TaskQueue fromEnvironment(Env env) {
    String target = env.require("TASKS_TARGET_URL");
    return queue(env, target, env.get("TASKS_AUDIENCE", target));
  }

  /**
   * The same queue, its tasks delivered to the mailbox function ({@code MAIL_TASKS_TARGET_URL}).
   */
  public static TaskQueue toMailbox(Env env) {
    String target = env.require("MAIL_TASKS_TARGET_URL");
    return queue(env, target, env.get("MAIL_TASKS_AUDIENCE", target));
  }

  /**
   * The same queue, its tasks delivered to the evidence-vault function ({@code
   * VAULT_TASKS_TARGET_URL}).
   */
  public static TaskQueue toVault(Env env) {
    String target = env.require("VAULT_TASKS_TARGET_URL");
    return queue(env, target, env.get("VAULT_TASKS_AUDIENCE", target));
  }

  private static TaskQueue queue(Env env, String target, String audience) {
    String kind = env.get("TASK_QUEUE", "cloud-tasks");
    return switch (kind) {
      case "local" ->
          new LocalTaskQueueClient(
              env.get("LOCAL_TASK_QUEUE_URL", "http://127.0.0.1:8090"), target, audience);
      case "cloud-tasks" ->
          new CloudTasksQueue(
              Lazy.of(
                  () -> {
                    try {
                      return CloudTasksClient.create();
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }),
              env.require("TASKS_QUEUE"),
              target,
              env.require("TASKS_SERVICE_ACCOUNT"),
              audience);
      default ->
          throw new IllegalStateException("TASK_QUEUE must be cloud-tasks or local, not " + kind);
    };
  }
}
