variable "project_id" {
  description = "The Google Cloud project Meldekette runs in."
  type        = string
}

variable "region" {
  description = "Region of the functions, the queue and the scheduler job."
  type        = string
  default     = "europe-west3"
}

variable "firestore_location" {
  description = "Location of the Firestore database: an EU multi-region or region."
  type        = string
  default     = "eur3"
}

variable "audit_log_retention_days" {
  description = "How long the locked audit log bucket keeps audit events."
  type        = number
  default     = 3650
}

variable "console_oauth_client_id" {
  description = "The OAuth client ID (Web application) of the staff console's Google sign-in: the audience of the ID tokens the console sends, which incident-lifecycle accepts besides its own URL."
  type        = string
}

variable "admin_emails" {
  description = "Emails that hold ADMIN without a member document, to name the first members."
  type        = list(string)
}

variable "report_form_origins" {
  description = "Origins of the web forms allowed to post reports from a browser."
  type        = list(string)
}

variable "regimes" {
  description = "Reporting regimes switched on."
  type        = list(string)
  default     = ["GDPR", "INTERNAL"]
}

variable "controller_name" {
  description = "The controller named in notifications."
  type        = string
}

variable "dpo_name" {
  description = "The data protection officer named in notifications."
  type        = string
}

variable "dpo_contact" {
  description = "How to reach the data protection officer, for notifications."
  type        = string
}

variable "report_site_url" {
  description = "The report site's origin (Firebase Hosting), for security.txt: Contact, Policy and Canonical point there."
  type        = string
}

variable "oncall_format" {
  description = "What the on-call webhook takes: chat (a Chat/Slack-style incoming webhook) or pagerduty-events-v2 (then the secret on-call-webhook-routing-key holds the routing key)."
  type        = string
  default     = "chat"
  validation {
    condition     = contains(["chat", "pagerduty-events-v2"], var.oncall_format)
    error_message = "oncall_format must be chat or pagerduty-events-v2."
  }
}

variable "functions" {
  description = "Memory, timeout, concurrency and instances per function."
  type = map(object({
    memory        = string
    timeout       = number
    concurrency   = number
    min_instances = number
    max_instances = number
  }))
  default = {
    "report-intake"      = { memory = "512Mi", timeout = 30, concurrency = 20, min_instances = 0, max_instances = 20 }
    "alert-triage"       = { memory = "512Mi", timeout = 60, concurrency = 16, min_instances = 0, max_instances = 20 }
    "incident-lifecycle" = { memory = "512Mi", timeout = 60, concurrency = 20, min_instances = 1, max_instances = 10 }
    "deadline-reminder"  = { memory = "512Mi", timeout = 300, concurrency = 4, min_instances = 0, max_instances = 5 }
  }
}

variable "typesense_uptime_host" {
  description = "Host name of the Typesense search endpoint the uptime check probes."
  type        = string
}

variable "typesense_instance_filter" {
  description = "Monitoring filter selecting the Typesense VMs, e.g. metadata.user_labels.app=\"typesense\"."
  type        = string
  default     = "metadata.user_labels.app=\"typesense\""
}

variable "verification_queue" {
  description = "Cloud Tasks queue of the verification pipeline whose backlog is watched."
  type        = string
  default     = "verification-queue"
}

variable "verification_service" {
  description = "Cloud Run service of the verification worker."
  type        = string
  default     = "verification-worker"
}

variable "firestore_database" {
  description = "The Firestore database the functions use: (default), or one restored from a backup (docs/deployment.md, Restoring a backup)."
  type        = string
  default     = "(default)"
}

variable "report_client_limits" {
  description = "Each client's budgets of reports and status-page messages, LIMIT/ISO-8601-DURATION, comma-separated; beyond them 429."
  type        = string
  default     = "5/PT10M,30/P1D"
}

variable "report_surge_rate" {
  description = "Reports per window (LIMIT/DURATION) beyond which new reports are held for screening: kept, no clocks, one digest."
  type        = string
  default     = "50/PT10M"
}
