#!/usr/bin/env bash
# Sends an alert notification to the local alert-triage function as Pub/Sub would through Eventarc: the
# file's JSON as the message data of a google.cloud.pubsub.topic.v1.messagePublished CloudEvent.
#   scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-cpu-open.json [message-id]
# Sending the same message ID again is a redelivery: it changes nothing.
set -euo pipefail
file=${1:?usage: scripts/send-alert.sh <notification.json> [message-id]}
id=${2:-$(date +%s%N)}
url=${ALERT_TRIAGE_URL:-http://localhost:8082/}
data=$(base64 -w0 <"$file")
curl -s -o /dev/null -w '%{http_code}\n' -X POST "$url" \
  -H 'Content-Type: application/json' \
  -H "ce-id: $id" -H 'ce-specversion: 1.0' \
  -H 'ce-type: google.cloud.pubsub.topic.v1.messagePublished' \
  -H 'ce-source: //pubsub.googleapis.com/projects/meldekette-local/topics/monitoring-alerts' \
  -d "{\"message\":{\"data\":\"$data\",\"messageId\":\"$id\"},\"subscription\":\"projects/meldekette-local/subscriptions/alert-triage\"}"
