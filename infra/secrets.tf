# Secrets whose values are added by hand (gcloud secrets versions add incident-team-webhook --data-file=-),
# each readable by one function only:
# - the webhook URLs reminders and notifications go to (and, for a PagerDuty-style on-call endpoint, its
#   routing key; with isms_webhook, the ISMS's), for deadline-reminder;
# - the security mailbox's IMAP login (password or OAuth2 token), the SMTP relay's, the key the thread
#   HMACs and sealed receipt codes are made with (at least 16 random bytes) and the inbound gateway's
#   shared secret, for the mailbox.
locals {
  secret_readers = merge(
    { for s in concat(
      [local.team_webhook, local.escalation_webhook, local.oncall_webhook],
      var.oncall_format == "pagerduty-events-v2" ? ["${local.oncall_webhook}-routing-key"] : [],
      var.isms_webhook ? [local.isms_webhook] : []
    ) : s => "deadline-reminder" },
    { for s in local.mail_secrets : s => "mailbox" }
  )
}

resource "google_secret_manager_secret" "held" {
  for_each  = local.secret_readers
  secret_id = each.key
  replication {
    user_managed {
      replicas {
        location = var.region
      }
    }
  }
  depends_on = [google_project_service.apis]
}

resource "google_secret_manager_secret_iam_member" "reader" {
  for_each  = google_secret_manager_secret.held
  secret_id = each.value.id
  role      = "roles/secretmanager.secretAccessor"
  member    = "serviceAccount:${google_service_account.functions[local.secret_readers[each.key]].email}"
}
