# The audit log (meldekette-audit) goes to a bucket of its own whose retention is locked: nobody, not even
# a project owner, can shorten it or delete entries before it ends.

resource "google_logging_project_bucket_config" "audit" {
  project        = var.project_id
  location       = "eu"
  bucket_id      = local.audit_bucket
  retention_days = var.audit_log_retention_days
  locked         = true
  description    = "Meldekette audit events (hash-chained; see README, Audit trail)."
}

resource "google_logging_project_sink" "audit" {
  name                   = local.audit_log
  destination            = "logging.googleapis.com/projects/${var.project_id}/locations/eu/buckets/${local.audit_bucket}"
  filter                 = "logName=\"projects/${var.project_id}/logs/${local.audit_log}\""
  unique_writer_identity = true
  depends_on             = [google_logging_project_bucket_config.audit]
}
