# The database, its backups (14 weeks, as the company's policy keeps them), TTL for the records that only
# serve deduplication, and the composite indexes. firestore.indexes.json stays the one source of indexes:
# the emulator, the Firebase CLI and this file all read it.

resource "google_firestore_database" "main" {
  name                              = "(default)"
  location_id                       = var.firestore_location
  type                              = "FIRESTORE_NATIVE"
  delete_protection_state           = "DELETE_PROTECTION_ENABLED"
  point_in_time_recovery_enablement = "POINT_IN_TIME_RECOVERY_ENABLED"
  deletion_policy                   = "ABANDON"
  depends_on                        = [google_project_service.apis]
}

locals {
  # 14 weeks: 14 * 7 * 24 * 3600 seconds.
  backup_retention = "8467200s"
  ttl_collections  = ["idempotency", "deliveries", "rejected-alerts", "rate-limits", "channel-windows"]
  indexes          = jsondecode(file("${path.module}/../firestore.indexes.json")).indexes
}

resource "google_firestore_backup_schedule" "daily" {
  database  = google_firestore_database.main.name
  retention = local.backup_retention
  daily_recurrence {}
}

resource "google_firestore_backup_schedule" "weekly" {
  database  = google_firestore_database.main.name
  retention = local.backup_retention
  weekly_recurrence {
    day = "SUNDAY"
  }
}

resource "google_firestore_field" "ttl" {
  for_each   = toset(local.ttl_collections)
  database   = google_firestore_database.main.name
  collection = each.value
  field      = "expireAt"
  ttl_config {}
}

resource "google_firestore_index" "composite" {
  for_each    = { for index in local.indexes : join("-", concat([index.collectionGroup], [for f in index.fields : f.fieldPath])) => index }
  database    = google_firestore_database.main.name
  collection  = each.value.collectionGroup
  query_scope = each.value.queryScope

  dynamic "fields" {
    for_each = each.value.fields
    content {
      field_path   = fields.value.fieldPath
      order        = lookup(fields.value, "order", null)
      array_config = lookup(fields.value, "arrayConfig", null)
    }
  }
}

# No client access at all: only the functions' service accounts reach Firestore (they bypass the rules).
resource "google_firebaserules_ruleset" "firestore" {
  source {
    files {
      name    = "firestore.rules"
      content = file("${path.module}/../firestore.rules")
    }
  }
  depends_on = [google_firestore_database.main]
}

resource "google_firebaserules_release" "firestore" {
  name         = "cloud.firestore"
  ruleset_name = google_firebaserules_ruleset.firestore.name
  # A changed ruleset is a new ruleset; the release must be replaced with it, or the apply fails
  # (provider issue #15497).
  lifecycle {
    replace_triggered_by = [google_firebaserules_ruleset.firestore]
  }
}
