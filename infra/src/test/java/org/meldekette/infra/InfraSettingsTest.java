package org.meldekette.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.meldekette.infra.Terraform.list;
import static org.meldekette.infra.Terraform.map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.meldekette.audit.AuditSink;
import org.meldekette.domain.alert.AlertRule;
import org.meldekette.domain.alert.AlertRules;
import org.meldekette.store.CollectionNames;

/**
 * The settings that matter, read from infra/*.tf itself: each test fails when the setting it guards
 * changes (or drifts apart from what the code expects).
 */
class InfraSettingsTest {

  @Test
  void
      firestoreKeepsBackupsForExactly14WeeksDailyAndWeeklyWithPointInTimeRecoveryAndDeleteProtection() {
    String fourteenWeeks = Duration.ofDays(14 * 7).getSeconds() + "s";
    Map<String, Object> daily = Terraform.resource("google_firestore_backup_schedule", "daily");
    Map<String, Object> weekly = Terraform.resource("google_firestore_backup_schedule", "weekly");
    assertThat(daily.get("retention")).isEqualTo(fourteenWeeks);
    assertThat(daily).containsKey("daily_recurrence");
    assertThat(weekly.get("retention")).isEqualTo(fourteenWeeks);
    assertThat(weekly).containsKey("weekly_recurrence");

    Map<String, Object> database = Terraform.resource("google_firestore_database", "main");
    assertThat(database.get("type")).isEqualTo("FIRESTORE_NATIVE");
    assertThat(database.get("delete_protection_state")).isEqualTo("DELETE_PROTECTION_ENABLED");
    assertThat(database.get("point_in_time_recovery_enablement"))
        .isEqualTo("POINT_IN_TIME_RECOVERY_ENABLED");
    // hcl4j resolves a variable to its default: the EU multi-region.
    assertThat(database.get("location_id")).isEqualTo("eur3");
    assertThat(Terraform.read("infra/firestore.tf"))
        .contains("location_id                       = var.firestore_location");
  }

  @Test
  void theRecordsThatExpireHaveTtlPoliciesOnTheFieldTheCodeWrites() {
    assertThat(list(Terraform.locals().get("ttl_collections")))
        .containsExactlyInAnyOrder(
            CollectionNames.IDEMPOTENCY,
            CollectionNames.DELIVERIES,
            CollectionNames.REJECTED_ALERTS,
            CollectionNames.RATE_LIMITS,
            CollectionNames.CHANNEL_WINDOWS);
    Map<String, Object> ttl = Terraform.resource("google_firestore_field", "ttl");
    assertThat(ttl.get("field")).isEqualTo("expireAt");
    assertThat(ttl).containsKey("ttl_config");
    assertThat(
            Terraform.read(
                "shared/adapters/src/main/java/org/meldekette/store/IdempotencyRecords.java"))
        .contains("\"expireAt\"");
    for (String store : List.of("RateLimits.java", "NotificationStore.java")) {
      assertThat(Terraform.read("shared/adapters/src/main/java/org/meldekette/store/" + store))
          .contains("\"expireAt\"");
    }
  }

  @Test
  void compositeIndexesComeFromFirestoreIndexesJsonTheOneSource() {
    assertThat(Terraform.text())
        .contains("jsondecode(file(\"${path.module}/../firestore.indexes.json\")).indexes");
    assertThat(Terraform.resources("google_firestore_index")).containsOnlyKeys("composite");
    assertThat(Terraform.read("firebase.json"))
        .contains("firestore.indexes.json")
        .contains("firestore.rules");
  }

  @Test
  void topicQueueAndLogNamesMatchWhatTheFunctionsAreConfiguredWith() {
    Map<String, Object> locals = Terraform.locals();
    assertThat(locals.get("audit_log")).isEqualTo(AuditSink.LOG_NAME);
    assertThat(
            map(Terraform.resource("google_logging_project_sink", "audit"))
                .get("filter")
                .toString())
        .contains("logs/" + AuditSink.LOG_NAME);
    assertThat(Terraform.resource("google_logging_project_bucket_config", "audit").get("locked"))
        .isEqualTo(true);

    assertThat(Terraform.resource("google_pubsub_topic", "monitoring_alerts").get("name"))
        .isIn("local.alert_topic", locals.get("alert_topic"));
    Map<String, Object> trigger =
        map(
            map(map(Terraform.resource("google_cloudfunctions2_function", "functions")
                        .get("dynamic"))
                    .get("event_trigger"))
                .get("content"));
    assertThat(String.valueOf(trigger.get("pubsub_topic")))
        .isEqualTo("google_pubsub_topic.monitoring_alerts.id");
    assertThat(trigger.get("event_type"))
        .isEqualTo("google.cloud.pubsub.topic.v1.messagePublished");
    assertThat(
            String.valueOf(
                map(Terraform.resource("google_monitoring_notification_channel", "pubsub")
                        .get("labels"))
                    .get("topic")))
        .isEqualTo("google_pubsub_topic.monitoring_alerts.id");

    assertThat(Terraform.resource("google_cloud_tasks_queue", "reminders").get("name"))
        .isIn("local.reminder_queue", locals.get("reminder_queue"));
    assertThat(locals.get("tasks_queue_path").toString())
        .endsWith("/queues/" + locals.get("reminder_queue"));
    String functions = Terraform.read("infra/functions.tf");
    assertThat(functions)
        .contains("TASKS_QUEUE           = local.tasks_queue_path")
        .contains("TASKS_TARGET_URL      = local.reminder_url");
    assertThat(Terraform.read("infra/tasks.tf"))
        .contains("uri         = \"${local.reminder_url}/sweep\"");
    assertThat(
            Terraform.read(
                "functions/deadline-reminder/src/main/java/org/meldekette/reminders/DeadlineReminderFunction.java"))
        .contains("\"/tasks/reminder\"")
        .contains("\"/sweep\"");
    assertThat(List.of(locals.get("team_webhook"), locals.get("escalation_webhook")))
        .containsExactly("incident-team-webhook", "dpo-management-webhook");
  }

  @Test
  void everyEnvironmentVariableTerraformSetsIsOneTheCodeReads() throws IOException {
    Set<String> read = new TreeSet<>();
    Pattern getter = Pattern.compile("env\\.(?:get|require|list|integer)\\(\\s*\"([A-Z_]+)\"");
    try (Stream<Path> sources = Files.walk(Terraform.ROOT)) {
      for (Path source :
          sources
              .filter(p -> p.toString().endsWith(".java") && p.toString().contains("/src/main/"))
              .toList()) {
        Matcher matcher = getter.matcher(Files.readString(source));
        while (matcher.find()) {
          read.add(matcher.group(1));
        }
      }
    }
    read.add("JAVA_TOOL_OPTIONS"); // read by the JVM itself
    Matcher keys =
        Pattern.compile("^\\s+([A-Z][A-Z_]+)\\s+=", Pattern.MULTILINE)
            .matcher(Terraform.read("infra/functions.tf"));
    List<String> unknown = new ArrayList<>();
    while (keys.find()) {
      if (!read.contains(keys.group(1))) {
        unknown.add(keys.group(1));
      }
    }
    assertThat(unknown).as("set by Terraform but read by no function").isEmpty();
  }

  @Test
  void everyFunctionRunsWithTheShortJitWarmUpAndTheSerialCollector() {
    @SuppressWarnings("unchecked")
    Map<String, Object> common = (Map<String, Object>) Terraform.locals().get("common_env");
    // The benchmarks start the functions with these options: the memory figures hold only with
    // them.
    assertThat(String.valueOf(common.get("JAVA_TOOL_OPTIONS")).split(" "))
        .containsExactlyInAnyOrder("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
  }

  @Test
  void noServiceAccountHoldsOwnerOrEditor() {
    List<String> roles = new ArrayList<>();
    collectRoles(Terraform.config(), roles);
    assertThat(roles).isNotEmpty().doesNotContain("roles/owner", "roles/editor");
    String text = Terraform.text();
    assertThat(text).doesNotContain("roles/owner").doesNotContain("roles/editor");
  }

  @Test
  void theHostedReportFormPostsToReportIntakeInTheRegionTerraformDeploysTo() {
    JsonObject hosting =
        JsonParser.parseString(Terraform.read("firebase.json"))
            .getAsJsonObject()
            .getAsJsonObject("hosting");
    assertThat(hosting.get("public").getAsString()).isEqualTo("public");
    assertThat(Files.exists(Terraform.ROOT.resolve("public/index.html"))).isTrue();
    JsonObject rewrite = hosting.getAsJsonArray("rewrites").get(0).getAsJsonObject();
    assertThat(rewrite.get("source").getAsString()).isEqualTo("/api/report");
    JsonObject function = rewrite.getAsJsonObject("function");
    assertThat(function.get("functionId").getAsString())
        .isEqualTo("report-intake")
        .isIn(map(Terraform.locals().get("entry_points")).keySet());
    Map<String, Object> region = map(map(Terraform.config().get("variable")).get("region"));
    assertThat(function.get("region").getAsString()).isEqualTo(region.get("default"));
    assertThat(Terraform.read("public/form.js")).contains("const ENDPOINT = '/api/report';");
  }

  @Test
  void theFunctionsUseTheConfiguredDatabaseAndReportIntakeItsAbuseLimits() {
    String functions = Terraform.read("infra/functions.tf").replaceAll("\\s+", " ");
    assertThat(functions)
        .as("every function reads the database a restore may switch to")
        .contains("common_env = { GOOGLE_CLOUD_PROJECT = var.project_id")
        .contains("FIRESTORE_DATABASE = var.firestore_database")
        .contains("REPORT_CLIENT_LIMITS = var.report_client_limits")
        .contains("REPORT_SURGE_RATE = var.report_surge_rate");
    String vars = Terraform.read("infra/variables.tf").replaceAll("\\s+", " ");
    assertThat(vars)
        .contains("variable \"firestore_database\"")
        .contains("default = \"(default)\"")
        .contains("default = \"5/PT10M,30/P1D\"")
        .contains("default = \"50/PT10M\"");
  }

  @Test
  void everyFunctionMayQueueTasksAndTheReporterRoutesReachReportIntake() {
    Map<String, Object> locals = Terraform.locals();
    String functions = Terraform.read("infra/functions.tf").replaceAll("\\s+", " ");
    for (String function : map(locals.get("entry_points")).keySet()) {
      assertThat(functions)
          .as(function + " is configured with the task queue")
          .containsPattern(
              "\"" + function + "\" = merge\\(local\\.common_env, local\\.reminder_env");
      assertThat(String.valueOf(map(locals.get("project_roles")).get(function)))
          .as(function + " may enqueue on the queue only, not project-wide")
          .doesNotContain("roles/cloudtasks.enqueuer");
    }
    assertThat(
            Terraform.resource("google_service_account_iam_member", "act_as_tasks").get("for_each"))
        .isEqualTo(locals.get("entry_points"));
    assertThat(Terraform.read("infra/secrets.tf"))
        .contains("[local.team_webhook, local.escalation_webhook, local.oncall_webhook]")
        .contains(": s => \"deadline-reminder\" }")
        .contains("{ for s in local.mail_secrets : s => \"mailbox\" }");
    assertThat(locals.get("oncall_webhook")).isEqualTo("on-call-webhook");
    assertThat(Terraform.read("infra/functions.tf"))
        .contains("ONCALL_CHANNELS           = local.oncall_webhook")
        .contains("REPORT_SITE_URL     = var.report_site_url")
        .contains("TRUSTED_PROXIES = \"2\"");
    List<String> rewritten = new ArrayList<>();
    JsonParser.parseString(Terraform.read("firebase.json"))
        .getAsJsonObject()
        .getAsJsonObject("hosting")
        .getAsJsonArray("rewrites")
        .forEach(
            r -> {
              JsonObject rewrite = r.getAsJsonObject();
              if (rewrite.has("function")
                  && rewrite
                      .getAsJsonObject("function")
                      .get("functionId")
                      .getAsString()
                      .equals("report-intake")) {
                rewritten.add(rewrite.get("source").getAsString());
              }
            });
    assertThat(rewritten)
        .contains(
            "/api/report", "/api/status", "/api/status/messages", "/.well-known/security.txt");
  }

  @Test
  void onlyTheFunctionsThatCheckEveryRequestThemselvesAreOpenToAllUsers() {
    List<String> publicBindings = new ArrayList<>();
    Terraform.resources("google_cloud_run_service_iam_member")
        .forEach(
            (name, value) -> {
              String member = String.valueOf(map(value).get("member"));
              if (member.equals("allUsers") || member.equals("allAuthenticatedUsers")) {
                publicBindings.add(Terraform.block("google_cloud_run_service_iam_member", name));
              }
            });
    assertThat(publicBindings).as("bindings open to allUsers").hasSize(1);
    assertThat(publicBindings.get(0))
        .contains(
            "toset(concat([\"report-intake\", \"incident-lifecycle\", \"evidence-vault\"],"
                + " var.mail_inbound_gateway ? [\"mailbox\"] : []))")
        .doesNotContain("deadline-reminder")
        .doesNotContain("alert-triage");
    assertThat(Terraform.resources("google_cloudfunctions2_function_iam_member")).isEmpty();
    assertThat(Terraform.text()).doesNotContain("allAuthenticatedUsers");
    // incident-lifecycle is open only because it verifies each token and member itself (a change
    // that confirms its member in its transaction may take the member as recently read).
    assertThat(
            Terraform.read(
                "functions/incident-lifecycle/src/main/java/org/meldekette/lifecycle/IncidentLifecycleFunction.java"))
        .contains("Optional<String> authorization = request.getFirstHeader(\"Authorization\");")
        .contains("? w.authenticator().authenticateRecent(authorization)")
        .contains(": w.authenticator().authenticate(authorization);");
    // So is evidence-vault: every route but the OIDC-checked service routes signs the member in.
    assertThat(
            Terraform.read(
                "functions/evidence-vault/src/main/java/org/meldekette/vault/EvidenceVaultFunction.java"))
        .contains("w.authenticator().authenticate(request.getFirstHeader(\"Authorization\"))")
        .contains("caller.require(call.request(), tasksAccount)")
        .contains("caller.require(call.request(), schedulerAccount)");
    assertThat(Terraform.read("infra/functions.tf"))
        .contains(
            "AUTH_AUDIENCE   = join(\",\", [local.lifecycle_url, var.console_oauth_client_id])");
  }

  @Test
  void everyAlertPolicyCarriesTheLabelsTheAlertRulesExpectAndNotifiesThePubSubChannel() {
    AlertRules rules =
        AlertRules.parse(
            Terraform.read("functions/alert-triage/src/main/resources/alert-rules.json"));
    List<Map<String, Object>> policies = new ArrayList<>();
    map(Terraform.locals().get("alert_policies")).values().forEach(p -> policies.add(map(p)));
    policies.add(
        Terraform.resource("google_monitoring_alert_policy", "verification_worker_silent"));
    assertThat(policies).hasSize(9);

    Set<String> matched = new HashSet<>();
    for (Map<String, Object> policy : policies) {
      Map<String, Object> labels =
          map(policy.get("labels") != null ? policy.get("labels") : policy.get("user_labels"));
      AlertRule rule =
          rules.rules().stream()
              .filter(r -> r.kind() == AlertRule.MatchKind.LABELS)
              .filter(
                  r ->
                      r.labels().entrySet().stream()
                          .allMatch(e -> e.getValue().equals(labels.get(e.getKey()))))
              .findFirst()
              .orElse(null);
      assertThat(rule).as("a rule for the policy labelled " + labels).isNotNull();
      matched.add(rule.name());
    }
    assertThat(matched).as("every signal the rules know has its alert policy").hasSize(9);

    for (String policy : List.of("threshold", "verification_worker_silent")) {
      assertThat(
              Terraform.resource("google_monitoring_alert_policy", policy)
                  .get("notification_channels")
                  .toString())
          .contains("google_monitoring_notification_channel.pubsub.id");
    }
    assertThat(
            Terraform.resource("google_monitoring_alert_policy", "verification_worker_silent")
                .get("conditions")
                .toString())
        .contains("condition_absent");
  }

  @Test
  void theSixFunctionsAreJava17WithEntryPointsThatExist() {
    Map<String, Object> entryPoints = map(Terraform.locals().get("entry_points"));
    assertThat(entryPoints)
        .containsOnlyKeys(
            "report-intake",
            "alert-triage",
            "incident-lifecycle",
            "deadline-reminder",
            "mailbox",
            "evidence-vault");
    entryPoints.forEach(
        (function, entryPoint) ->
            assertThat(
                    Files.exists(
                        Terraform.ROOT.resolve(
                            "functions/"
                                + function
                                + "/src/main/java/"
                                + entryPoint.toString().replace('.', '/')
                                + ".java")))
                .as(function)
                .isTrue());
    assertThat(Terraform.read("infra/functions.tf"))
        .contains("runtime         = \"java17\"")
        .contains("${path.module}/../functions/${each.key}/target/deployment");
    Map<String, Object> scheduler = Terraform.resource("google_cloud_scheduler_job", "sweep");
    assertThat(scheduler.get("schedule")).isEqualTo("*/15 * * * *");
    assertThat(map(map(scheduler.get("http_target")).get("oidc_token")))
        .containsKey("service_account_email");
  }

  @Test
  void theTfvarsExampleShowsEveryVariable() {
    Set<String> variables = map(Terraform.config().get("variable")).keySet();
    String example = Terraform.read("infra/terraform.tfvars.example");
    List<String> missing =
        variables.stream()
            .filter(v -> !Pattern.compile("(?m)^" + v + "\\s+=").matcher(example).find())
            .toList();
    assertThat(missing).isEmpty();
  }

  @SuppressWarnings("unchecked")
  private static void collectRoles(Object node, List<String> roles) {
    if (node instanceof Map<?, ?> map) {
      map.forEach(
          (key, value) -> {
            if ("role".equals(key) && value instanceof String role) {
              roles.add(role);
            } else if (value instanceof String text && text.startsWith("roles/")) {
              roles.add(text);
            }
            collectRoles(value, roles);
          });
    } else if (node instanceof List<?> list) {
      list.forEach(
          item -> {
            if (item instanceof String text && text.startsWith("roles/")) {
              roles.add(text);
            }
            collectRoles(item, roles);
          });
    }
  }

  // Issue 18: what a first apply on a fresh project needs, and what keeps working later. Each test
  // fails when its setting is reverted.

  @Test
  void theDeadLetterInspectionSubscriptionNeverExpires() {
    Map<String, Object> subscription =
        Terraform.resource("google_pubsub_subscription", "dead_letter_inspection");
    assertThat(map(subscription.get("expiration_policy"))).containsEntry("ttl", "");
  }

  @Test
  void eachAlertPolicyWaitsAsLongAsItsSignalCallsFor() {
    Map<String, Object> policies = map(Terraform.locals().get("alert_policies"));
    Map<String, String> durations = new java.util.TreeMap<>();
    policies.forEach(
        (name, policy) -> durations.put(name, String.valueOf(map(policy).get("duration"))));
    assertThat(durations)
        .containsEntry("verification_stuck", "0s")
        .containsEntry("verification_failure_ratio", "0s")
        .containsEntry("typesense_uptime", "120s")
        .containsEntry("typesense_cpu", "900s")
        .containsEntry("typesense_memory", "900s")
        .containsEntry("typesense_disk", "600s")
        .containsEntry("verification_queue_backlog", "900s");
    assertThat(Terraform.block("google_monitoring_alert_policy", "threshold"))
        .contains("duration        = each.value.duration");
  }

  @Test
  void alertPoliciesOnLogBasedMetricsWaitUntilTheMetricsAreUsable() {
    Map<String, Object> sleep = Terraform.resource("time_sleep", "log_metrics_usable");
    assertThat(sleep.get("create_duration")).isEqualTo("180s");
    assertThat(Terraform.block("time_sleep", "log_metrics_usable"))
        .contains("google_logging_metric.verification_stuck_jobs.id")
        .contains("google_logging_metric.verification_failure_ratio.id")
        .contains("google_logging_metric.verification_heartbeat.id");
    for (String policy : List.of("threshold", "verification_worker_silent")) {
      assertThat(Terraform.block("google_monitoring_alert_policy", policy))
          .contains("depends_on = [time_sleep.log_metrics_usable]");
    }
  }

  @Test
  void theMonitoringAgentIsGrantedOnlyOnceItsFirstChannelExistsAndEveryResourceWaitsForItsApi() {
    assertThat(Terraform.block("google_pubsub_topic_iam_member", "monitoring_publisher"))
        .contains("depends_on = [google_monitoring_notification_channel.pubsub]");
    Map<String, String> needingAnApi =
        Map.ofEntries(
            Map.entry("google_service_account", "functions"),
            Map.entry("google_storage_bucket", "sources"),
            Map.entry("google_pubsub_topic", "dead_letter"),
            Map.entry("google_monitoring_notification_channel", "pubsub"),
            Map.entry("google_monitoring_uptime_check_config", "typesense"),
            Map.entry("google_logging_metric", "verification_heartbeat"),
            Map.entry("google_logging_project_bucket_config", "audit"),
            Map.entry("google_logging_project_exclusion", "audit_not_in_default"),
            Map.entry("google_cloud_tasks_queue", "reminders"),
            Map.entry("google_cloud_scheduler_job", "sweep"),
            Map.entry("google_secret_manager_secret", "held"),
            Map.entry("google_firestore_database", "main"),
            Map.entry("google_cloudfunctions2_function", "functions"));
    needingAnApi.forEach(
        (type, name) ->
            assertThat(Terraform.block(type, name))
                .as(type + "." + name)
                .contains("google_project_service.apis"));
    for (String type : List.of("google_service_account", "google_logging_metric")) {
      Terraform.resources(type)
          .keySet()
          .forEach(
              name ->
                  assertThat(Terraform.block(type, name))
                      .as(type + "." + name)
                      .contains("google_project_service.apis"));
    }
    assertThat(list(Terraform.locals().get("apis")))
        .contains("firebase.googleapis.com", "firebasehosting.googleapis.com");
  }

  @Test
  void schedulerNeverStartsASweepBesideOneStillRunning() {
    assertThat(Terraform.block("google_cloud_scheduler_job", "sweep"))
        .contains("attempt_deadline = \"${var.functions[\"deadline-reminder\"].timeout + 30}s\"");
    Map<String, Object> functions = map(map(Terraform.config().get("variable")).get("functions"));
    Map<String, Object> reminder = map(map(functions.get("default")).get("deadline-reminder"));
    int timeout = ((Number) reminder.get("timeout")).intValue();
    assertThat(timeout + 30)
        .as("the deadline, under the 15 minutes between sweeps")
        .isLessThan(900);
  }

  @Test
  void aChangedRulesetReplacesItsRelease() {
    assertThat(Terraform.block("google_firebaserules_release", "firestore"))
        .contains("replace_triggered_by = [google_firebaserules_ruleset.firestore]");
  }

  @Test
  void theLockedAuditBucketIsProtectedAndTheAuditLogHasNoCopyInTheDefaultBucket() {
    assertThat(Terraform.block("google_logging_project_bucket_config", "audit"))
        .contains("prevent_destroy = true");
    assertThat(
            Terraform.resource("google_logging_project_exclusion", "audit_not_in_default")
                .get("filter")
                .toString())
        .endsWith("/logs/meldekette-audit\"");
  }

  @Test
  void functionsAreBuiltByTheirOwnAccountAndStateProvidersAndQuotaProjectAreSet() {
    assertThat(Terraform.block("google_cloudfunctions2_function", "functions"))
        .contains("service_account = google_service_account.builder.id");
    assertThat(Terraform.block("google_service_account", "builder"))
        .contains("mk-function-builder");
    assertThat(Terraform.block("google_project_iam_member", "builder"))
        .contains("roles/artifactregistry.writer")
        .contains("roles/logging.logWriter");
    String versions = Terraform.read("infra/versions.tf");
    assertThat(versions)
        .contains("backend \"gcs\"")
        .contains("user_project_override = true")
        .contains("billing_project       = var.project_id")
        .contains("source  = \"hashicorp/time\"");
    assertThat(Terraform.read("infra/deploy.sh"))
        .contains("-backend-config=\"bucket=$bucket\"")
        .contains("terraform -chdir=infra providers lock");
  }

  @Test
  void tasksAreEnqueuedOnTheQueueOnlyAndOnlyThePeoplesFunctionsTakeOutsideTraffic() {
    Map<String, Object> enqueuers =
        Terraform.resource("google_cloud_tasks_queue_iam_member", "enqueuers");
    assertThat(enqueuers.get("role")).isEqualTo("roles/cloudtasks.enqueuer");
    assertThat(Terraform.block("google_cloud_tasks_queue_iam_member", "enqueuers"))
        .contains("google_cloud_tasks_queue.reminders.name");
    assertThat(Terraform.text()).doesNotContain("roles/eventarc.eventReceiver");
    assertThat(Terraform.block("google_cloudfunctions2_function", "functions"))
        .contains(
            "contains([\"alert-triage\", \"deadline-reminder\"], each.key) ? \"ALLOW_INTERNAL_ONLY\" : \"ALLOW_ALL\"");
  }

  @Test
  void anUnchangedFunctionKeepsItsUploadAndIsNotRedeployed() {
    assertThat(Terraform.block("google_storage_bucket_object", "functions"))
        .contains(
            "filemd5(\"${path.module}/../functions/${each.key}/target/deployment/${each.key}.jar\")");
    assertThat(Terraform.read("pom.xml"))
        .contains(
            "<project.build.outputTimestamp>2026-01-01T00:00:00Z</project.build.outputTimestamp>");
    String deploy = Terraform.read("infra/deploy.sh");
    assertThat(deploy).contains("mvn -B -ntp -q clean package -DskipTests");
    assertThat(deploy.indexOf("firebase.json rewrites to another region"))
        .as("the region is checked before anything is applied")
        .isLessThan(deploy.indexOf("terraform -chdir=infra apply"));
  }

  @Test
  void theEvidenceVaultHoldsEveryObjectUntilReleasedAndKeepsSecurityLogsUnderRetention() {
    Map<String, Object> vault = Terraform.resource("google_storage_bucket", "evidence");
    assertThat(vault)
        .containsEntry("uniform_bucket_level_access", true)
        .containsEntry("public_access_prevention", "enforced")
        .containsEntry("default_event_based_hold", true);
    assertThat(Terraform.block("google_storage_bucket", "evidence"))
        .contains("retention_period = var.evidence_retention_days * 86400")
        .contains("is_locked        = var.evidence_retention_locked")
        .contains("enabled = true")
        .contains("prevent_destroy = true");
    assertThat(
            map(map(Terraform.config().get("variable")).get("evidence_retention_days"))
                .get("default"))
        .as("six years, as long as the incident file (INCIDENT_RETENTION P6Y)")
        .isEqualTo(2190.0);

    Map<String, Object> staging = Terraform.resource("google_storage_bucket", "evidence_staging");
    assertThat(staging)
        .containsEntry("uniform_bucket_level_access", true)
        .containsEntry("public_access_prevention", "enforced")
        .doesNotContainKey("default_event_based_hold");
    assertThat(Terraform.block("google_storage_bucket", "evidence_staging"))
        .contains("age = 1")
        .contains("type = \"Delete\"")
        .contains("origin          = [var.report_site_url]")
        .contains("\"x-goog-content-length-range\"");

    assertThat(Terraform.block("google_storage_bucket", "security_logs"))
        .contains("retention_period = var.security_log_retention_days * 86400")
        .contains("is_locked        = var.security_log_retention_locked");
    assertThat(Terraform.block("google_logging_project_sink", "security_logs"))
        .contains("cloudaudit.googleapis.com")
        .contains("compute.googleapis.com%2Fvpc_flows")
        .contains("unique_writer_identity = true");
    assertThat(Terraform.block("google_storage_bucket_iam_member", "security_log_writer"))
        .contains("google_logging_project_sink.security_logs.writer_identity");

    // Only the vault's function reaches the buckets, and it signs URLs as itself.
    assertThat(Terraform.block("google_storage_bucket_iam_member", "vault_objects"))
        .contains("google_service_account.functions[\"evidence-vault\"].email");
    assertThat(Terraform.block("google_service_account_iam_member", "vault_signs_urls"))
        .contains("roles/iam.serviceAccountTokenCreator");
    assertThat(String.valueOf(map(Terraform.locals().get("project_roles")).get("evidence-vault")))
        .contains("roles/logging.privateLogViewer")
        .doesNotContain("storage.admin");
    assertThat(Terraform.read("infra/functions.tf"))
        .contains("VAULT_BUCKET              = google_storage_bucket.evidence.name")
        .contains("VAULT_STAGING_BUCKET      = google_storage_bucket.evidence_staging.name");
    // The hourly reconciliation and the weekly verification, with the Scheduler's OIDC token.
    assertThat(Terraform.block("google_cloud_scheduler_job", "vault"))
        .contains("path = \"/reconcile\", schedule = \"0 * * * *\"")
        .contains("path = \"/verify\", schedule = \"0 3 * * 1\"")
        .contains("service_account_email = google_service_account.scheduler.email");
    assertThat(Terraform.read("firebase.json"))
        .contains("\"source\": \"/api/vault/**\"")
        .contains("https://storage.googleapis.com");
  }
}
