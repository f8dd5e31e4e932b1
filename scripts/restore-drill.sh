#!/usr/bin/env bash
# Proves a backup restores to a working system, as docs/deployment.md's runbook does in Google Cloud:
#   1. starts the local stack on an empty emulator and fills it with incidents in every phase (a breach
#      walked to its issued final report, reports in triage, containment, forensics with evidence, legal
#      assessment with a decision, recovery; a monitoring alert; a legal hold; a closure as not an incident);
#   2. records what the API shows (every incident, its clocks, records and audit chains, the board's first page)
#      and exports the database as a backup (the emulator writes Cloud Firestore's export format);
#   3. starts the stack again on a fresh emulator seeded from that export and checks the same calls answer the
#      same: every incident and record present, every audit chain intact with the same head, every clock the same,
#      the board identical;
#   4. and that new work continues: a transition, and a reminder delivered through the task queue.
# Part of ./test.sh after the end-to-end tests; prints the counts and the verified chains.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
. scripts/api.sh

DRILL=target/restore-drill
rm -rf "$DRILL" && mkdir -p "$DRILL/export"
export LOCAL_SWEEP_MINUTES=0 # the drill compares states; the sweep would send reminders in between
# One machine sends every report of the drill: raise the per-client budget (its default is 5 in 10 minutes).
export REPORT_CLIENT_LIMITS=${REPORT_CLIENT_LIMITS:-1000/PT10M}

echo "== 1. a stack with incidents in every phase =="
start_local_stack
INTAKE=http://localhost:8081
report() { # title -> incident ID
  local id
  id=$(curl -s -X POST "$INTAKE/" -H 'Content-Type: application/json' \
    -d "{\"kind\":\"SECURITY_INCIDENT\",\"title\":\"$1\",\"description\":\"Restore drill.\"}" | sed -n 's/.*"incidentId":"\([^"]*\)".*/\1/p')
  [ -n "$id" ] || die "report-intake took no report \"$1\""
  echo "$id"
}
triage='{"classification":"INCIDENT","severity":"P3","cia":{"confidentiality":"NONE","integrity":"NONE","availability":"LOW"},
  "affectedSystems":["search"],"dataDomains":["infrastructure"],"initialRisk":"LOW"}'
scripts/walkthrough.sh >"$DRILL/walkthrough.log"   # a breach from report to issued final report
report "In triage" >/dev/null
ID=$(report "In containment"); ETAG=; api GET "/incidents/$ID" responder >/dev/null
api PUT "/incidents/$ID/triage" responder "$triage" >/dev/null; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"CONTAINMENT"}' >/dev/null; expect 200
TRIAGED=$(report "Triaged, moves on after the restore"); ETAG=; api GET "/incidents/$TRIAGED" responder >/dev/null
api PUT "/incidents/$TRIAGED/triage" responder "$triage" >/dev/null; expect 200
ID=$(report "In forensics"); ETAG=; api GET "/incidents/$ID" responder >/dev/null
api PUT "/incidents/$ID/triage" responder "$triage" >/dev/null; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"CONTAINMENT"}' >/dev/null; expect 200
api POST "/incidents/$ID/measures" responder '{"type":"CONTAINMENT","description":"Blocked the address"}' >/dev/null; expect 201
M=$(field id)
api PATCH "/incidents/$ID/measures/$M" responder '{"status":"DONE","effectiveness":{"result":"EFFECTIVE"}}' >/dev/null; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"FORENSICS"}' >/dev/null; expect 200
api POST "/incidents/$ID/evidence" responder '{"source":"CLOUD_LOGGING","location":"gs://forensics/drill.json",
  "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}' >/dev/null; expect 201
api POST "/incidents/$ID/transitions" responder '{"to":"LEGAL_ASSESSMENT"}' >/dev/null; expect 200
api POST "/incidents/$ID/decisions" legal '{"type":"NO_PERSONAL_DATA_AFFECTED","reasoning":"Search logs only."}' >/dev/null; expect 201
api POST "/incidents/$ID/transitions" responder '{"to":"RECOVERY_CLOSURE"}' >/dev/null; expect 200
api POST "/incidents/$ID/measures" responder '{"type":"CORRECTIVE","description":"Rate limit the search",
  "owner":"platform","dueAt":"2030-01-31T17:00:00Z"}' >/dev/null; expect 201
NOT=$(report "A test of the form"); ETAG=; api GET "/incidents/$NOT" responder >/dev/null
api POST "/incidents/$NOT/dismissal-requests" responder '{"reason":"TEST","justification":"Drill."}' >/dev/null; expect 201
DSM=$(field id)
api POST "/incidents/$NOT/dismissal-requests/$DSM/approve" second-line >/dev/null; expect 200
scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-cpu-open.json drill-alert-1 >/dev/null
ETAG=; api POST /legal-holds legal '{"subject":"account:4711","reason":"OPEN_DISPUTE","reasonCodes":["CHARGEBACK"],
  "justification":"A chargeback dispute about this account is open."}' >/dev/null; expect 201
sleep 1 # the alert's delivery

echo "== 2. what the API shows, and the backup =="
node scripts/restore-drill.mjs snapshot "$DRILL/before.json"
curl -sf -X POST "http://127.0.0.1:8080/emulator/v1/projects/meldekette-local:export" -H 'Content-Type: application/json' \
  -d "{\"database\":\"projects/meldekette-local/databases/(default)\",\"export_directory\":\"$(pwd)/$DRILL/export\"}" >/dev/null
METADATA=$(find "$DRILL/export" -name '*.overall_export_metadata' | head -1)
[ -n "$METADATA" ] || die "the emulator wrote no export"
echo "backup: $METADATA ($(du -sh "$DRILL/export" | cut -f1))"
stop_local_stack

echo "== 3. a fresh emulator from the backup, the functions on it =="
FIRESTORE_IMPORT=$METADATA start_local_stack
node scripts/restore-drill.mjs compare "$DRILL/before.json"

echo "== 4. new work continues =="
ETAG=; api GET "/incidents/$TRIAGED" responder >/dev/null
api POST "/incidents/$TRIAGED/transitions" responder '{"to":"CONTAINMENT"}'; expect 200
BODY=$(curl -s -X POST "$INTAKE/" -H 'Content-Type: application/json' \
  -d '{"kind":"SUSPECTED_DATA_BREACH","title":"After the restore","description":"Noticed three days ago."}')
ID=$(field incidentId); ETAG=; api GET "/incidents/$ID" responder >/dev/null
aware=$(date -u -d '-70 hours' +%Y-%m-%dT%H:%M:%SZ)
api PUT "/incidents/$ID/triage" responder "{\"classification\":\"BREACH\",\"awarenessAt\":\"$aware\",
  \"awarenessJustification\":\"The processor told us on Monday.\"}"; expect 200
for _ in $(seq 1 60); do grep -q "$ID.*Art. 33" target/local-stack/webhooks.log && break; sleep 0.5; done
grep -q "$ID.*Art. 33" target/local-stack/webhooks.log || die "no Art. 33 reminder for $ID after the restore"
echo "reminder for $ID delivered after the restore"
stop_local_stack
echo "restore drill passed"
