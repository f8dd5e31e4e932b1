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

variable "isms_webhook" {
  description = "Post corrective and preventive measures as actions to the ISMS's webhook as they change (its URL goes into the secret isms-webhook, added by hand)."
  type        = bool
  default     = false
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
    "mailbox"            = { memory = "512Mi", timeout = 120, concurrency = 4, min_instances = 0, max_instances = 3 }
    # Hashes uploads of up to vault_upload_max_bytes as a stream; a capture step holds one page range.
    "evidence-vault" = { memory = "1Gi", timeout = 540, concurrency = 4, min_instances = 0, max_instances = 5 }
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

variable "mail_address" {
  description = "The published security mailbox (security@example.com): read over IMAP, the sender of Meldekette's mail; replies come to security+<token>@ (plus addressing)."
  type        = string
}

variable "mail_authserv_id" {
  description = "The authserv-id of the mailbox's own receiving server in Authentication-Results (mx.google.com for Gmail, the tenant's for Microsoft 365): only its verdicts count."
  type        = string
}

variable "mail_imap_host" {
  description = "IMAP server of the security mailbox (imap.gmail.com, outlook.office365.com, …), port 993 with TLS."
  type        = string
}

variable "mail_imap_auth" {
  description = "How the mailbox signs in to IMAP: xoauth2 (an OAuth2 access token in mail-imap-credential) or password."
  type        = string
  default     = "xoauth2"
}

variable "mail_smtp_host" {
  description = "SMTP relay for Meldekette's mail (smtp-relay.gmail.com, smtp.sendgrid.net, …), port 587 with STARTTLS required."
  type        = string
}

variable "mail_smtp_auth" {
  description = "How the mailbox signs in to the SMTP relay: password, xoauth2 or none (a relay that trusts the project's egress)."
  type        = string
  default     = "password"
}

variable "mail_inbound_gateway" {
  description = "Whether an inbound-mail gateway posts raw messages to the mailbox's /inbound (it then takes calls from outside, each checked against mail-inbound-secret)."
  type        = bool
  default     = false
}

variable "evidence_retention_days" {
  description = "The evidence vault's retention period in days. It runs from when Meldekette releases an object's event-based hold (the investigation closed, no legal hold or retention extension left); keep it at least as long as the incident file (INCIDENT_RETENTION, six years)."
  type        = number
  default     = 2190
}

variable "evidence_retention_locked" {
  description = "Whether the vault's retention policy is locked (Bucket Lock): irreversible, nobody can shorten it or delete the bucket until every object's retention has passed. Lock once the period is agreed."
  type        = bool
  default     = false
}

variable "vault_upload_max_bytes" {
  description = "The largest file a member may upload into the evidence vault."
  type        = number
  default     = 536870912
}

variable "capture_max_entries" {
  description = "The most Cloud Logging entries one capture reads; a larger one fails with a clear reason and records nothing."
  type        = number
  default     = 2000000
}

variable "security_log_retention_days" {
  description = "How long the sink of security-relevant logs (Cloud Audit Logs, VPC Flow Logs, the functions' logs) keeps them in its bucket; _Default keeps 30 days only."
  type        = number
  default     = 400
}

variable "security_log_retention_locked" {
  description = "Whether the security-log bucket's retention policy is locked (Bucket Lock, CIS GCP 2.3); irreversible."
  type        = bool
  default     = false
}
