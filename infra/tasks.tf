# Reminder tasks, and the sweep that catches any task that was lost.

resource "google_cloud_tasks_queue" "reminders" {
  name     = local.reminder_queue
  location = var.region

  rate_limits {
    max_dispatches_per_second = 50
    max_concurrent_dispatches = 20
  }

  retry_config {
    max_attempts       = 50
    min_backoff        = "10s"
    max_backoff        = "600s"
    max_doublings      = 6
    max_retry_duration = "86400s"
  }

  depends_on = [google_project_service.apis]
}

resource "google_cloud_scheduler_job" "sweep" {
  name        = local.sweep_job
  region      = var.region
  description = "Meldekette: queue missing reminders, export audit events Cloud Logging missed."
  schedule    = "*/15 * * * *"
  time_zone   = "Etc/UTC"

  # Longer than a sweep may run (the function's timeout), so Scheduler never starts a second sweep beside
  # one still running; every 15 minutes leaves room for its retries.
  attempt_deadline = "${var.functions["deadline-reminder"].timeout + 30}s"

  retry_config {
    retry_count = 3
  }

  http_target {
    http_method = "POST"
    uri         = "${local.reminder_url}/sweep"
    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = local.reminder_url
    }
  }

  depends_on = [google_project_service.apis]
}

# Every function queues tasks (reminders, announcements) on this queue, and only on it.
resource "google_cloud_tasks_queue_iam_member" "enqueuers" {
  for_each = local.entry_points
  name     = google_cloud_tasks_queue.reminders.name
  location = var.region
  role     = "roles/cloudtasks.enqueuer"
  member   = "serviceAccount:${google_service_account.functions[each.key].email}"
}

# About once a minute the mailbox reads the security mailbox's new mail.
resource "google_cloud_scheduler_job" "mail_poll" {
  name             = local.mail_poll_job
  region           = var.region
  description      = "Meldekette: read the security mailbox's new mail over IMAP and file it."
  schedule         = "* * * * *"
  time_zone        = "Etc/UTC"
  attempt_deadline = "${var.functions["mailbox"].timeout + 30}s"

  retry_config {
    retry_count = 0 # the next minute's poll is the retry
  }

  http_target {
    http_method = "POST"
    uri         = "${local.mailbox_url}/poll"
    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = local.mailbox_url
    }
  }

  depends_on = [google_project_service.apis]
}
