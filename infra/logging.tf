# The audit log (meldekette-audit) goes to a bucket of its own whose retention is locked: nobody, not even
# a project owner, can shorten it or delete entries before it ends.

resource "google_logging_project_bucket_config" "audit" {
  project        = var.project_id
  location       = "eu"
  bucket_id      = local.audit_bucket
  retention_days = var.audit_log_retention_days
  locked         = true
  description    = "Meldekette audit events (hash-chained; see README, Audit trail)."
  depends_on     = [google_project_service.apis]

  # A locked bucket cannot be deleted before its retention ends; Terraform must not even try.
  lifecycle {
    prevent_destroy = true
  }
}

resource "google_logging_project_sink" "audit" {
  name                   = local.audit_log
  destination            = "logging.googleapis.com/projects/${var.project_id}/locations/eu/buckets/${local.audit_bucket}"
  filter                 = "logName=\"projects/${var.project_id}/logs/${local.audit_log}\""
  unique_writer_identity = true
  depends_on             = [google_logging_project_bucket_config.audit]
}

# The audit events live in the locked bucket only: the unlocked _Default bucket, which anyone with the
# right role can empty, keeps no second copy to be quietly altered or mistaken for the record.
resource "google_logging_project_exclusion" "audit_not_in_default" {
  name        = "meldekette-audit-only-in-its-bucket"
  description = "Meldekette audit events go to the locked meldekette-audit bucket only."
  filter      = "logName=\"projects/${var.project_id}/logs/${local.audit_log}\""
  depends_on  = [google_project_service.apis]
}
