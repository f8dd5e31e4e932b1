#!/usr/bin/env bash
# End-to-end checks against the whole local stack, as a new user would start it: ./run-local.sh, then the
# README's walkthrough, the team's notifications, the reporter's channel, a reminder, and the report form,
# status page and staff console in a browser. Part of ./test.sh, after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

# The tests below send more reports from this one machine than any person would: the per-client
# budgets and the surge rate are raised for them (their defaults are tested in AbuseTest).
export REPORT_CLIENT_LIMITS=${REPORT_CLIENT_LIMITS:-1000/PT10M} REPORT_SURGE_RATE=${REPORT_SURGE_RATE:-100000/PT10M}
start_local_stack

echo "== walkthrough (README) =="
scripts/walkthrough.sh

echo "== the same walk through a TypeScript client generated from the API descriptions =="
walk_with_generated_client

echo "== the team hears at once: a new report, a P1 alert delivered three times =="
scripts/e2e-team.sh announce
scripts/e2e-team.sh page

echo "== an alert storm of 400 groups (its digest is checked at the end, after its minute) =="
scripts/e2e-team.sh storm

echo "== the reporter hears back: receipt code, status page, messages both ways =="
scripts/e2e-reporter.sh

echo "== the security mailbox over real SMTP and IMAP =="
scripts/e2e-mail.sh

echo "== the evidence vault: an upload and a log capture through Cloud Storage and Cloud Logging stand-ins =="
scripts/e2e-vault.sh

echo "== a GDPR reminder through the local task queue =="
. scripts/api.sh
BODY=$(curl -s -X POST http://localhost:8081/ -H 'Content-Type: application/json' \
  -d '{"kind":"SUSPECTED_DATA_BREACH","title":"Old breach found late","description":"Noticed three days ago."}')
ID=$(field incidentId)
ETAG=; api GET "/incidents/$ID" responder >/dev/null
aware=$(date -u -d '-70 hours' +%Y-%m-%dT%H:%M:%SZ)
api PUT "/incidents/$ID/triage" responder "{\"classification\":\"BREACH\",\"awarenessAt\":\"$aware\",
  \"awarenessJustification\":\"The processor told us on Monday.\"}"; expect 200
# The local queue delivers one task at a time, and the storm's 400 announcements were queued first: up to a minute.
for _ in $(seq 1 120); do grep -q "$ID.*Art. 33" target/local-stack/webhooks.log && break; sleep 0.5; done
grep "$ID.*Art. 33" target/local-stack/webhooks.log || { echo "no Art. 33 reminder for $ID arrived" >&2; exit 1; }
grep -q "$ID.*Art. 33.*http://localhost:5000/console/#/incidents/$ID" target/local-stack/webhooks.log \
  || { echo "the reminder does not link to the incident's console page" >&2; exit 1; }

echo "== the report form, the status page and the staff console in headless Chromium (scripts/browser) =="
CHROMIUM=${CHROMIUM:-$(command -v chromium)} npm test --prefix scripts/browser --silent
echo "screenshots: target/screenshots/ (form, receipt, status page, console board, incident and draft)"

echo "== the storm's digest =="
scripts/e2e-team.sh digest
