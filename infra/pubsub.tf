# Monitoring alerts reach alert-triage through a Pub/Sub topic. Messages that keep failing go to the
# dead-letter topic (deploy.sh attaches it to the subscription Eventarc creates for the function).

resource "google_pubsub_topic" "monitoring_alerts" {
  name       = local.alert_topic
  depends_on = [google_project_service.apis]
}

resource "google_pubsub_topic" "dead_letter" {
  name       = local.alert_dead_letter
  depends_on = [google_project_service.apis]
}

resource "google_pubsub_subscription" "dead_letter_inspection" {
  name                       = "${local.alert_dead_letter}-inspection"
  topic                      = google_pubsub_topic.dead_letter.id
  message_retention_duration = "1209600s"
  ack_deadline_seconds       = 60
  # Read only when something went wrong: without this Pub/Sub deletes it after 31 days unread, and with it
  # the dead letters.
  expiration_policy {
    ttl = ""
  }
}

# Pub/Sub's service agent forwards undeliverable messages to the dead-letter topic.
resource "google_pubsub_topic_iam_member" "dead_letter_publisher" {
  topic  = google_pubsub_topic.dead_letter.id
  role   = "roles/pubsub.publisher"
  member = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-pubsub.iam.gserviceaccount.com"
}

resource "google_monitoring_notification_channel" "pubsub" {
  display_name = "Meldekette alert triage"
  type         = "pubsub"
  labels = {
    topic = google_pubsub_topic.monitoring_alerts.id
  }
  depends_on = [google_project_service.apis]
}

# Cloud Monitoring's notification service agent publishes the alerts. The agent exists only once the
# project's first Pub/Sub notification channel does: granting it earlier fails on a fresh project.
resource "google_pubsub_topic_iam_member" "monitoring_publisher" {
  topic      = google_pubsub_topic.monitoring_alerts.id
  role       = "roles/pubsub.publisher"
  member     = "serviceAccount:service-${data.google_project.this.number}@gcp-sa-monitoring-notification.iam.gserviceaccount.com"
  depends_on = [google_monitoring_notification_channel.pubsub]
}
