# Webhook URLs of the channels reminders and notifications go to (and, for a PagerDuty-style on-call
# endpoint, its routing key). The values are added by hand
# (gcloud secrets versions add incident-team-webhook --data-file=-); only deadline-reminder may read them.

resource "google_secret_manager_secret" "webhooks" {
  for_each = toset(concat(
    [local.team_webhook, local.escalation_webhook, local.oncall_webhook],
    var.oncall_format == "pagerduty-events-v2" ? ["${local.oncall_webhook}-routing-key"] : []
  ))
  secret_id = each.value
  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_iam_member" "reminder_reads_webhooks" {
  for_each  = google_secret_manager_secret.webhooks
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.functions["deadline-reminder"].email}"
}
