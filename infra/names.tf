# Names the functions are configured with; the infra tests check they agree with the code.
locals {
  alert_topic         = "meldekette-monitoring-alerts"
  alert_dead_letter   = "meldekette-monitoring-alerts-dead-letter"
  reminder_queue      = "meldekette-reminders"
  sweep_job           = "meldekette-deadline-sweep"
  audit_log           = "meldekette-audit"
  audit_bucket        = "meldekette-audit"
  team_webhook        = "incident-team-webhook"
  escalation_webhook  = "dpo-management-webhook"
  oncall_webhook      = "on-call-webhook"
  function_url_prefix = "https://${var.region}-${var.project_id}.cloudfunctions.net"
  reminder_url        = "${local.function_url_prefix}/deadline-reminder"
  lifecycle_url       = "${local.function_url_prefix}/incident-lifecycle"
  mailbox_url         = "${local.function_url_prefix}/mailbox"
  mail_poll_job       = "meldekette-mailbox-poll"
  mail_secrets        = ["mail-imap-credential", "mail-smtp-credential", "mail-thread-key", "mail-inbound-secret"]
  tasks_queue_path    = "projects/${var.project_id}/locations/${var.region}/queues/${local.reminder_queue}"
}
