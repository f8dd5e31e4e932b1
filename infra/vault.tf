# The evidence vault (docs/evidence-vault.md): a bucket whose every object arrives under an event-based hold, so
# Cloud Storage itself refuses to delete or overwrite it until Meldekette releases the hold (investigation closed,
# no legal hold or retention extension left), after which the retention period runs. A legal hold adds the
# temporary hold. Browsers upload to a staging bucket first; only files whose SHA-256 checks out are copied in.

resource "google_storage_bucket" "evidence" {
  name                        = local.evidence_bucket
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"
  default_event_based_hold    = true

  versioning {
    enabled = true
  }

  retention_policy {
    retention_period = var.evidence_retention_days * 86400
    is_locked        = var.evidence_retention_locked
  }

  # Downloads are signed GETs the browser follows as a link; no script reads the vault.
  cors {
    origin          = [var.report_site_url]
    method          = ["GET"]
    response_header = ["Content-Type", "Content-Disposition"]
    max_age_seconds = 3600
  }

  depends_on = [google_project_service.apis]

  lifecycle {
    prevent_destroy = true
  }
}

# Where the console uploads to (through signed URLs) and capture pages wait: nothing stays longer than a day.
resource "google_storage_bucket" "evidence_staging" {
  name                        = local.staging_bucket
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  lifecycle_rule {
    condition {
      age = 1
    }
    action {
      type = "Delete"
    }
  }

  cors {
    origin          = [var.report_site_url]
    method          = ["POST", "PUT"]
    response_header = ["Content-Type", "Content-Range", "Location", "Range", "x-goog-resumable", "x-goog-content-length-range", "x-goog-if-generation-match"]
    max_age_seconds = 3600
  }

  depends_on = [google_project_service.apis]
}

# The vault's function reads, writes and holds objects in both buckets (a delete in the vault is refused by the
# holds and the retention policy, not merely by missing permission); nobody else is granted anything.
resource "google_storage_bucket_iam_member" "vault_objects" {
  for_each = {
    evidence = google_storage_bucket.evidence.name
    staging  = google_storage_bucket.evidence_staging.name
  }
  bucket = each.value
  role   = "roles/storage.objectUser"
  member = "serviceAccount:${google_service_account.functions["evidence-vault"].email}"
}

# Signed URLs are signed by the function's own service account through the IAM Credentials API (no key file).
resource "google_service_account_iam_member" "vault_signs_urls" {
  service_account_id = google_service_account.functions["evidence-vault"].name
  role               = "roles/iam.serviceAccountTokenCreator"
  member             = "serviceAccount:${google_service_account.functions["evidence-vault"].email}"
}

# Security-relevant logs kept beyond _Default's 30 days from the moment they are written, before anyone captures
# them (CIS GCP 2.3: retention policies on log buckets configured using Bucket Lock).
resource "google_storage_bucket" "security_logs" {
  name                        = local.security_log_bucket
  location                    = var.region
  storage_class               = "STANDARD"
  uniform_bucket_level_access = true
  public_access_prevention    = "enforced"

  retention_policy {
    retention_period = var.security_log_retention_days * 86400
    is_locked        = var.security_log_retention_locked
  }

  depends_on = [google_project_service.apis]

  lifecycle {
    prevent_destroy = true
  }
}

resource "google_logging_project_sink" "security_logs" {
  name                   = "meldekette-security-logs"
  destination            = "storage.googleapis.com/${google_storage_bucket.security_logs.name}"
  filter                 = "logName:\"/logs/cloudaudit.googleapis.com\" OR logName:\"/logs/compute.googleapis.com%2Fvpc_flows\" OR (resource.type=\"cloud_run_revision\" AND (${join(" OR ", [for f in keys(local.entry_points) : "resource.labels.service_name=\"${f}\""])})))"
  unique_writer_identity = true
  depends_on             = [google_project_service.apis]
}

resource "google_storage_bucket_iam_member" "security_log_writer" {
  bucket = google_storage_bucket.security_logs.name
  role   = "roles/storage.objectCreator"
  member = google_logging_project_sink.security_logs.writer_identity
}

# Every hour the holds of every incident with vault objects are brought in step (a lost task costs at most an
# hour); every Monday the whole vault is read again and verified.
resource "google_cloud_scheduler_job" "vault" {
  for_each = {
    reconcile = { name = local.vault_reconcile_job, path = "/reconcile", schedule = "0 * * * *", description = "Meldekette: bring the evidence vault's holds in step with legal holds and closure." }
    verify    = { name = local.vault_verify_job, path = "/verify", schedule = "0 3 * * 1", description = "Meldekette: verify every file in the evidence vault against its recorded SHA-256." }
  }
  name             = each.value.name
  region           = var.region
  description      = each.value.description
  schedule         = each.value.schedule
  time_zone        = "Etc/UTC"
  attempt_deadline = "${var.functions["evidence-vault"].timeout + 30}s"

  http_target {
    http_method = "POST"
    uri         = "${local.vault_url}${each.value.path}"
    oidc_token {
      service_account_email = google_service_account.scheduler.email
      audience              = local.vault_url
    }
  }

  depends_on = [google_project_service.apis]
}
