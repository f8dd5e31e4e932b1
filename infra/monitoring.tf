# The eight signals the company watches. Each policy carries the user labels alert-triage's rules match on
# (functions/alert-triage/src/main/resources/alert-rules.json) and notifies the Pub/Sub channel.
#
# How long a condition must hold before it fires is chosen per signal: sporadic events (a stuck job, a
# batch with too many failures) fire at once (0s), because a one-off event never lasts five minutes;
# saturation (CPU, memory, queue backlog) must persist for 15 minutes, disk for 10, and two failed uptime
# checks in a row (2 minutes) mean the search is down.

resource "google_monitoring_uptime_check_config" "typesense" {
  display_name = "Typesense search endpoint"
  timeout      = "10s"
  period       = "60s"
  http_check {
    path         = "/health"
    port         = 443
    use_ssl      = true
    validate_ssl = true
  }
  monitored_resource {
    type = "uptime_url"
    labels = {
      project_id = var.project_id
      host       = var.typesense_uptime_host
    }
  }
  depends_on = [google_project_service.apis]
}

resource "google_logging_metric" "verification_stuck_jobs" {
  name   = "verification_stuck_jobs"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.verification_service}\" AND jsonPayload.event=\"job_stuck\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
  depends_on = [google_project_service.apis]
}

resource "google_logging_metric" "verification_failure_ratio" {
  name            = "verification_failure_ratio"
  filter          = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.verification_service}\" AND jsonPayload.event=\"batch_finished\""
  value_extractor = "EXTRACT(jsonPayload.failureRatio)"
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "DISTRIBUTION"
  }
  bucket_options {
    linear_buckets {
      num_finite_buckets = 20
      width              = 0.05
      offset             = 0
    }
  }
  depends_on = [google_project_service.apis]
}

# A log-based metric is not usable in an alert policy for a few minutes after it is created: the policy
# would fail with 404 (provider issue #11102). The policies wait for this.
resource "time_sleep" "log_metrics_usable" {
  create_duration = "180s"
  triggers = {
    metrics = join(",", [
      google_logging_metric.verification_stuck_jobs.id,
      google_logging_metric.verification_failure_ratio.id,
      google_logging_metric.verification_heartbeat.id,
      google_logging_metric.vault_verification_failures.id,
    ])
  }
}

resource "google_logging_metric" "vault_verification_failures" {
  name   = "vault_verification_failures"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"evidence-vault\" AND jsonPayload.message=\"vault evidence failed verification\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
  depends_on = [google_project_service.apis]
}

resource "google_logging_metric" "verification_heartbeat" {
  name   = "verification_heartbeat"
  filter = "resource.type=\"cloud_run_revision\" AND resource.labels.service_name=\"${var.verification_service}\" AND jsonPayload.event=\"heartbeat\""
  metric_descriptor {
    metric_kind = "DELTA"
    value_type  = "INT64"
  }
  depends_on = [google_project_service.apis]
}

locals {
  alert_policies = {
    typesense_uptime = {
      name     = "Typesense uptime"
      severity = "CRITICAL"
      labels   = { system = "typesense", signal = "uptime", cia = "availability" }
      filter   = "metric.type=\"monitoring.googleapis.com/uptime_check/check_passed\" AND resource.type=\"uptime_url\" AND metric.label.check_id=\"${google_monitoring_uptime_check_config.typesense.uptime_check_id}\""
      aligner  = "ALIGN_NEXT_OLDER"
      reducer  = "REDUCE_COUNT_FALSE"
      above    = 1
      duration = "120s"
    }
    typesense_cpu = {
      name     = "Typesense CPU utilization"
      severity = "WARNING"
      labels   = { system = "typesense", signal = "cpu", cia = "availability" }
      filter   = "metric.type=\"compute.googleapis.com/instance/cpu/utilization\" AND resource.type=\"gce_instance\" AND ${var.typesense_instance_filter}"
      aligner  = "ALIGN_MEAN"
      reducer  = "REDUCE_NONE"
      above    = 0.85
      duration = "900s"
    }
    typesense_memory = {
      name     = "Typesense memory utilization"
      severity = "WARNING"
      labels   = { system = "typesense", signal = "memory", cia = "availability" }
      filter   = "metric.type=\"agent.googleapis.com/memory/percent_used\" AND metric.label.state=\"used\" AND resource.type=\"gce_instance\" AND ${var.typesense_instance_filter}"
      aligner  = "ALIGN_MEAN"
      reducer  = "REDUCE_NONE"
      above    = 90
      duration = "900s"
    }
    typesense_disk = {
      name     = "Typesense disk utilization"
      severity = "ERROR"
      labels   = { system = "typesense", signal = "disk", cia = "availability" }
      filter   = "metric.type=\"agent.googleapis.com/disk/percent_used\" AND metric.label.state=\"used\" AND resource.type=\"gce_instance\" AND ${var.typesense_instance_filter}"
      aligner  = "ALIGN_MEAN"
      reducer  = "REDUCE_NONE"
      above    = 85
      duration = "600s"
    }
    verification_stuck = {
      name     = "Verification stuck detection"
      severity = "ERROR"
      labels   = { system = "verification", signal = "stuck", cia = "integrity" }
      filter   = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.verification_stuck_jobs.name}\" AND resource.type=\"cloud_run_revision\""
      aligner  = "ALIGN_SUM"
      reducer  = "REDUCE_SUM"
      above    = 0
      duration = "0s"
    }
    verification_queue_backlog = {
      name     = "Verification queue backlog"
      severity = "WARNING"
      labels   = { system = "verification", signal = "queue_backlog", cia = "availability" }
      filter   = "metric.type=\"cloudtasks.googleapis.com/queue/depth\" AND resource.type=\"cloud_tasks_queue\" AND resource.label.queue_id=\"${var.verification_queue}\""
      aligner  = "ALIGN_MEAN"
      reducer  = "REDUCE_NONE"
      above    = 1000
      duration = "900s"
    }
    # The weekly verification of the evidence vault found an object changed or missing (VaultCheck.FAILED).
    vault_verification = {
      name     = "Evidence vault verification failed"
      severity = "CRITICAL"
      labels   = { system = "evidence-vault", signal = "verification", cia = "integrity" }
      filter   = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.vault_verification_failures.name}\" AND resource.type=\"cloud_run_revision\""
      aligner  = "ALIGN_SUM"
      reducer  = "REDUCE_SUM"
      above    = 0
      duration = "0s"
    }
    verification_failure_ratio = {
      name     = "Verification failure ratio"
      severity = "ERROR"
      labels   = { system = "verification", signal = "failure_ratio", cia = "integrity" }
      filter   = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.verification_failure_ratio.name}\" AND resource.type=\"cloud_run_revision\""
      aligner  = "ALIGN_PERCENTILE_50"
      reducer  = "REDUCE_NONE"
      above    = 0.2
      duration = "0s"
    }
  }
}

resource "google_monitoring_alert_policy" "threshold" {
  for_each              = local.alert_policies
  display_name          = each.value.name
  combiner              = "OR"
  severity              = each.value.severity
  user_labels           = each.value.labels
  notification_channels = [google_monitoring_notification_channel.pubsub.id]

  conditions {
    display_name = "${each.value.name} condition"
    condition_threshold {
      filter          = each.value.filter
      comparison      = "COMPARISON_GT"
      threshold_value = each.value.above
      duration        = each.value.duration
      aggregations {
        alignment_period     = "60s"
        per_series_aligner   = each.value.aligner
        cross_series_reducer = each.value.reducer
      }
    }
  }

  documentation {
    content   = "Runbook: incident process phase 1 (Detection & Triage) for ${each.value.name}."
    mime_type = "text/markdown"
  }

  depends_on = [time_sleep.log_metrics_usable]
}

# Worker silent: the heartbeat metric is absent for 10 minutes.
resource "google_monitoring_alert_policy" "verification_worker_silent" {
  display_name          = "Verification worker silent"
  combiner              = "OR"
  severity              = "CRITICAL"
  user_labels           = { system = "verification", signal = "worker_silent", cia = "availability" }
  notification_channels = [google_monitoring_notification_channel.pubsub.id]

  conditions {
    display_name = "Verification worker silent condition"
    condition_absent {
      filter   = "metric.type=\"logging.googleapis.com/user/${google_logging_metric.verification_heartbeat.name}\" AND resource.type=\"cloud_run_revision\""
      duration = "600s"
      aggregations {
        alignment_period   = "60s"
        per_series_aligner = "ALIGN_SUM"
      }
    }
  }

  documentation {
    content   = "Runbook: incident process phase 1 (Detection & Triage) for Verification worker silent."
    mime_type = "text/markdown"
  }

  depends_on = [time_sleep.log_metrics_usable]
}
