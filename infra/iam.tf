# One service account per function, with only the roles it needs; no owner or editor anywhere.

resource "google_service_account" "functions" {
  for_each     = var.functions
  account_id   = "mk-${each.key}"
  display_name = "Meldekette ${each.key}"
  depends_on   = [google_project_service.apis]
}

# Builds the functions (Cloud Build). New projects no longer give the default compute account the roles a
# build needs, and organisation policies often forbid them: a first apply would fail in the build.
resource "google_service_account" "builder" {
  account_id   = "mk-function-builder"
  display_name = "Meldekette function builds"
  depends_on   = [google_project_service.apis]
}

resource "google_project_iam_member" "builder" {
  for_each = toset(["roles/logging.logWriter", "roles/artifactregistry.writer", "roles/storage.objectViewer"])
  project  = var.project_id
  role     = each.value
  member   = "serviceAccount:${google_service_account.builder.email}"
}

# The identity of reminder tasks (their OIDC token) and of the sweep's scheduler job.
resource "google_service_account" "tasks" {
  account_id   = "mk-reminder-tasks"
  display_name = "Meldekette reminder tasks"
  depends_on   = [google_project_service.apis]
}

resource "google_service_account" "scheduler" {
  account_id   = "mk-sweep-scheduler"
  display_name = "Meldekette sweep scheduler"
  depends_on   = [google_project_service.apis]
}

resource "google_service_account" "alert_trigger" {
  account_id   = "mk-alert-trigger"
  display_name = "Meldekette alert trigger (Eventarc)"
  depends_on   = [google_project_service.apis]
}

locals {
  project_roles = {
    "report-intake"      = ["roles/datastore.user", "roles/logging.logWriter"]
    "alert-triage"       = ["roles/datastore.user", "roles/logging.logWriter"]
    "incident-lifecycle" = ["roles/datastore.user", "roles/logging.logWriter"]
    "deadline-reminder"  = ["roles/datastore.user", "roles/logging.logWriter"]
    "mailbox"            = ["roles/datastore.user", "roles/logging.logWriter"]
    # Captures read Cloud Logging, Data Access audit logs included (private logs).
    "evidence-vault" = ["roles/datastore.user", "roles/logging.logWriter", "roles/logging.privateLogViewer"]
  }
  project_grants = flatten([
    for function, roles in local.project_roles : [for role in roles : { function = function, role = role }]
  ])
}

resource "google_project_iam_member" "functions" {
  for_each = { for grant in local.project_grants : join("-", [grant.function, grant.role]) => grant }
  project  = var.project_id
  role     = each.value.role
  member   = "serviceAccount:${google_service_account.functions[each.value.function].email}"
}

# Every function queues tasks (reminders, announcements) carrying the tasks account's OIDC token.
resource "google_service_account_iam_member" "act_as_tasks" {
  for_each           = local.entry_points
  service_account_id = google_service_account.tasks.name
  role               = "roles/iam.serviceAccountUser"
  member             = "serviceAccount:${google_service_account.functions[each.key].email}"
}

# Who may call which function. report-intake is the public side. incident-lifecycle is reached through
# Firebase Hosting (the staff console's /api/staff), which cannot present an identity to Cloud Run, so
# Cloud Run lets every request through and the function checks each one itself: a Google-signed ID token
# for its URL or the console's client, a verified email, an active member holding the role.
# evidence-vault likewise (the console's /api/vault; /tasks/*, /reconcile and /verify check OIDC tokens).
# The mailbox is public only when an inbound-mail gateway posts to it (/inbound checks its shared secret;
# /poll and /tasks/mail check the Scheduler's and Tasks' OIDC tokens themselves).
resource "google_cloud_run_service_iam_member" "public" {
  for_each = toset(concat(["report-intake", "incident-lifecycle", "evidence-vault"], var.mail_inbound_gateway ? ["mailbox"] : []))
  location = var.region
  service  = google_cloudfunctions2_function.functions[each.value].service_config[0].service
  role     = "roles/run.invoker"
  member   = "allUsers"
}

# Cloud Tasks and Cloud Scheduler call the functions that take tasks or scheduled calls: one grant per
# (function, caller) pair.
locals {
  internal_callers = {
    for pair in setproduct(["deadline-reminder", "mailbox", "evidence-vault"], ["tasks", "scheduler"]) :
    join("-", pair) => pair
  }
}

resource "google_cloud_run_service_iam_member" "internal_callers" {
  for_each = local.internal_callers
  location = var.region
  service  = google_cloudfunctions2_function.functions[each.value[0]].service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${each.value[1] == "tasks" ? google_service_account.tasks.email : google_service_account.scheduler.email}"
}

resource "google_cloud_run_service_iam_member" "alert_trigger_invoker" {
  location = var.region
  service  = google_cloudfunctions2_function.functions["alert-triage"].service_config[0].service
  role     = "roles/run.invoker"
  member   = "serviceAccount:${google_service_account.alert_trigger.email}"
}
