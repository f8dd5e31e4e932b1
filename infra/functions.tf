# The functions (gen2, Java 17), each from the jar its Maven module builds in target/deployment.

locals {
  entry_points = {
    "report-intake"      = "org.meldekette.intake.ReportIntakeFunction"
    "alert-triage"       = "org.meldekette.alerts.AlertTriageFunction"
    "incident-lifecycle" = "org.meldekette.lifecycle.IncidentLifecycleFunction"
    "deadline-reminder"  = "org.meldekette.reminders.DeadlineReminderFunction"
    "mailbox"            = "org.meldekette.mailbox.MailboxFunction"
    "evidence-vault"     = "org.meldekette.vault.EvidenceVaultFunction"
  }

  common_env = {
    GOOGLE_CLOUD_PROJECT = var.project_id
    # The database the functions use: "(default)", or a database restored from a backup (runbook in
    # docs/deployment.md).
    FIRESTORE_DATABASE = var.firestore_database
    AUDIT_SINK         = "cloud-logging"
    REGIMES            = join(",", var.regimes)
    # A shorter JIT warm-up halves the cold start (docs/performance.md). The serial collector is
    # what the JVM picks on its own with one vCPU; named so it stays so with more, since G1's own
    # structures cost about 40 MiB of a small instance (docs/performance.md). The benchmarks start
    # the functions with these options.
    JAVA_TOOL_OPTIONS = "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC"
  }

  reminder_env = {
    TASK_QUEUE            = "cloud-tasks"
    TASKS_QUEUE           = local.tasks_queue_path
    TASKS_TARGET_URL      = local.reminder_url
    TASKS_AUDIENCE        = local.reminder_url
    TASKS_SERVICE_ACCOUNT = google_service_account.tasks.email
  }

  # Staff messages to reporters who wrote with an address also go by mail, through the mailbox.
  mail_tasks_env = {
    MAIL_TASKS_TARGET_URL = local.mailbox_url
    MAIL_TASKS_AUDIENCE   = local.mailbox_url
  }

  # Legal holds, closing and reopening tell the evidence vault to bring its objects' holds in step.
  vault_tasks_env = {
    VAULT_TASKS_TARGET_URL = local.vault_url
    VAULT_TASKS_AUDIENCE   = local.vault_url
  }

  # With an ISMS connected, measures are posted to it as actions: queued by the lifecycle, posted by
  # deadline-reminder with the webhook URL from the secret of that name.
  isms_env = var.isms_webhook ? { ISMS_WEBHOOK_CHANNEL = local.isms_webhook } : {}

  function_env = {
    # Every function queues tasks: reminders, and the announcement of each new incident.
    "report-intake" = merge(local.common_env, local.reminder_env, {
      REPORT_FORM_ORIGINS = join(",", var.report_form_origins)
      REPORT_SITE_URL     = var.report_site_url
      # Google's front end and Firebase Hosting each append to X-Forwarded-For: the client is the entry
      # before the last two.
      TRUSTED_PROXIES = "2"
      # Abuse: each client's budgets of reports and messages, and the rate beyond which reports are held
      # for screening.
      REPORT_CLIENT_LIMITS = var.report_client_limits
      REPORT_SURGE_RATE    = var.report_surge_rate
    })
    "alert-triage" = merge(local.common_env, local.reminder_env)
    "incident-lifecycle" = merge(local.common_env, local.reminder_env, local.mail_tasks_env, local.vault_tasks_env, local.isms_env, {
      # Its own URL (tokens from gcloud or IAP) and the console's sign-in client.
      AUTH_AUDIENCE   = join(",", [local.lifecycle_url, var.console_oauth_client_id])
      ADMIN_EMAILS    = join(",", var.admin_emails)
      CONTROLLER_NAME = var.controller_name
      DPO_NAME        = var.dpo_name
      DPO_CONTACT     = var.dpo_contact
    })
    "deadline-reminder" = merge(local.common_env, local.reminder_env, {
      OIDC_AUDIENCE             = local.reminder_url
      SCHEDULER_SERVICE_ACCOUNT = google_service_account.scheduler.email
      SECRETS                   = "secret-manager"
      REMINDER_CHANNELS         = local.team_webhook
      ESCALATION_CHANNELS       = local.escalation_webhook
      NEW_INCIDENT_CHANNELS     = local.team_webhook
      ONCALL_CHANNELS           = local.oncall_webhook
      ONCALL_FORMAT             = var.oncall_format
      INCIDENT_LINK_BASE        = "${var.report_site_url}/console/#"
    }, local.isms_env)
    "mailbox" = merge(local.common_env, local.reminder_env, local.mail_tasks_env, {
      OIDC_AUDIENCE             = local.mailbox_url
      SCHEDULER_SERVICE_ACCOUNT = google_service_account.scheduler.email
      SECRETS                   = "secret-manager"
      MAIL_ADDRESS              = var.mail_address
      MAIL_AUTHSERV_ID          = var.mail_authserv_id
      MAIL_IMAP_HOST            = var.mail_imap_host
      MAIL_IMAP_PORT            = "993"
      MAIL_IMAP_SECURITY        = "ssl"
      MAIL_IMAP_AUTH            = var.mail_imap_auth
      MAIL_SMTP_HOST            = var.mail_smtp_host
      MAIL_SMTP_PORT            = "587"
      MAIL_SMTP_SECURITY        = "starttls"
      MAIL_SMTP_AUTH            = var.mail_smtp_auth
      REPORT_SITE_URL           = var.report_site_url
      REPORT_CLIENT_LIMITS      = var.report_client_limits
      REPORT_SURGE_RATE         = var.report_surge_rate
    })
    "evidence-vault" = merge(local.common_env, local.reminder_env, local.vault_tasks_env, {
      # Staff through the console (its sign-in client), Tasks and Scheduler with tokens for its URL.
      AUTH_AUDIENCE             = join(",", [local.vault_url, var.console_oauth_client_id])
      ADMIN_EMAILS              = join(",", var.admin_emails)
      OIDC_AUDIENCE             = local.vault_url
      SCHEDULER_SERVICE_ACCOUNT = google_service_account.scheduler.email
      VAULT_BUCKET              = google_storage_bucket.evidence.name
      VAULT_STAGING_BUCKET      = google_storage_bucket.evidence_staging.name
      VAULT_UPLOAD_MAX_BYTES    = tostring(var.vault_upload_max_bytes)
      CAPTURE_MAX_ENTRIES       = tostring(var.capture_max_entries)
      # Audit packs name the controller in their policy summary.
      CONTROLLER_NAME = var.controller_name
    })
  }
}

resource "google_storage_bucket" "sources" {
  name                        = "${var.project_id}-meldekette-sources"
  location                    = var.region
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  depends_on                  = [google_project_service.apis]
}

data "archive_file" "functions" {
  for_each    = local.entry_points
  type        = "zip"
  source_dir  = "${path.module}/../functions/${each.key}/target/deployment"
  output_path = "${path.module}/.build/${each.key}.zip"
}

# Named by the jar's digest: the build is reproducible, so an unchanged function keeps its object and is
# not redeployed (the zip's own digest would change with every build's file times).
resource "google_storage_bucket_object" "functions" {
  for_each = local.entry_points
  name     = "${each.key}-${filemd5("${path.module}/../functions/${each.key}/target/deployment/${each.key}.jar")}.zip"
  bucket   = google_storage_bucket.sources.name
  source   = data.archive_file.functions[each.key].output_path
}

resource "google_cloudfunctions2_function" "functions" {
  for_each = local.entry_points
  name     = each.key
  location = var.region

  build_config {
    runtime         = "java17"
    entry_point     = each.value
    service_account = google_service_account.builder.id
    source {
      storage_source {
        bucket = google_storage_bucket.sources.name
        object = google_storage_bucket_object.functions[each.key].name
      }
    }
  }

  service_config {
    available_memory                 = var.functions[each.key].memory
    timeout_seconds                  = var.functions[each.key].timeout
    max_instance_request_concurrency = var.functions[each.key].concurrency
    min_instance_count               = var.functions[each.key].min_instances
    max_instance_count               = var.functions[each.key].max_instances
    available_cpu                    = "1"
    # Pub/Sub (through Eventarc), Cloud Tasks and Cloud Scheduler count as internal callers: only the
    # functions people reach take traffic from outside.
    ingress_settings = contains(["alert-triage", "deadline-reminder"], each.key) ? "ALLOW_INTERNAL_ONLY" : "ALLOW_ALL"
    # mailbox takes Scheduler and Tasks (internal) and an inbound-mail gateway's posts (from outside).
    all_traffic_on_latest_revision = true
    service_account_email          = google_service_account.functions[each.key].email
    environment_variables          = local.function_env[each.key]
  }

  dynamic "event_trigger" {
    for_each = each.key == "alert-triage" ? [1] : []
    content {
      trigger_region        = var.region
      event_type            = "google.cloud.pubsub.topic.v1.messagePublished"
      pubsub_topic          = google_pubsub_topic.monitoring_alerts.id
      retry_policy          = "RETRY_POLICY_RETRY"
      service_account_email = google_service_account.alert_trigger.email
    }
  }

  depends_on = [google_project_service.apis, google_project_iam_member.functions, google_project_iam_member.builder]
}
