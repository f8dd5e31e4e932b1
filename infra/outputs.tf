output "function_urls" {
  description = "The functions' URLs."
  value       = { for name, function in google_cloudfunctions2_function.functions : name => function.url }
}

output "alert_trigger" {
  description = "The Eventarc trigger of alert-triage, whose subscription deploy.sh gives the dead-letter topic."
  value       = google_cloudfunctions2_function.functions["alert-triage"].event_trigger[0].trigger
}

output "dead_letter_topic" {
  value = google_pubsub_topic.dead_letter.id
}

output "monitoring_notification_channel" {
  value = google_monitoring_notification_channel.pubsub.id
}
