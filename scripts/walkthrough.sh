#!/usr/bin/env bash
# Walks a data breach through all five phases against the local stack (./run-local.sh), with the same curl
# calls the README shows. Exits non-zero at the first answer that is not the expected one.
set -euo pipefail
cd "$(dirname "$0")/.."

INTAKE=${INTAKE_URL:-http://localhost:8081}
. scripts/api.sh

# A report comes in through the public form endpoint.
BODY=$(curl -s -X POST "$INTAKE/" -H 'Content-Type: application/json' \
  -d '{"kind":"SUSPECTED_DATA_BREACH","title":"Customer list on a public bucket","description":"The export bucket is readable without sign-in.","language":"en"}')
ID=$(field incidentId)
[ -n "$ID" ] || { echo "report-intake gave no incident ID: $BODY" >&2; exit 1; }
echo "report-intake -> $ID"

ETAG=
api GET "/incidents/$ID" responder; expect 200
api PUT "/incidents/$ID/triage" responder '{"classification":"BREACH","severity":"P2",
  "cia":{"confidentiality":"HIGH","integrity":"NONE","availability":"NONE"},
  "affectedSystems":["export-bucket"],"dataDomains":["user profiles"],"dataCategories":["name","email address"],
  "estimatedDataSubjects":1200,"estimatedRecords":1250,"initialRisk":"HIGH"}'; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"CONTAINMENT"}'; expect 200

api POST "/incidents/$ID/measures" responder '{"type":"CONTAINMENT","containmentKind":"ACCESS_REVOCATION",
  "description":"Bucket made private","owner":"ops-oncall"}'; expect 201
MEASURE=$(field id)
api POST "/incidents/$ID/transitions" responder '{"to":"FORENSICS"}'; expect 409   # effectiveness not yet checked
api PATCH "/incidents/$ID/measures/$MEASURE" responder '{"status":"DONE","effectiveness":{"result":"EFFECTIVE"}}'; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"FORENSICS"}'; expect 200

api POST "/incidents/$ID/evidence" responder '{"source":"CLOUD_LOGGING",
  "location":"gs://forensics-exports/bucket-access.json",
  "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}'; expect 201
api POST "/incidents/$ID/transitions" responder '{"to":"LEGAL_ASSESSMENT"}'; expect 200
# The DPO takes the escalation (closing would otherwise record it as missed, with a reason).
api POST "/incidents/$ID/acknowledgements" dpo; expect 200

api POST "/incidents/$ID/decisions" legal '{"type":"NOTIFY_AUTHORITY","reasoning":"Contact data of 1200 customers exposed."}'; expect 201
api POST "/incidents/$ID/decisions" dpo '{"type":"NOTIFY_DATA_SUBJECTS","reasoning":"Names with addresses: phishing risk is high."}'; expect 201
# A decision to notify starts the notification; the clock stops when it is sent, after legal's sign-off.
now() { date -u +%Y-%m-%dT%H:%M:%S.%3NZ; }
api POST "/incidents/$ID/approvals" legal '{"audience":"SUPERVISORY_AUTHORITY","note":"Draft reviewed."}'; expect 201
api POST "/incidents/$ID/communications" responder '{"audience":"SUPERVISORY_AUTHORITY","notification":"INITIAL",
  "channel":"authority portal","summary":"Initial notification under Art. 33","sentAt":"'"$(now)"'"}'; expect 201
api POST "/incidents/$ID/approvals" legal '{"audience":"DATA_SUBJECTS"}'; expect 201
api POST "/incidents/$ID/communications" responder '{"audience":"DATA_SUBJECTS",
  "channel":"email","summary":"Notice under Art. 34","sentAt":"'"$(now)"'"}'; expect 201
# The reporter hears back through the status page: for a breach, after legal's sign-off too.
api POST "/incidents/$ID/approvals" legal '{"audience":"REPORTER"}'; expect 201
api POST "/incidents/$ID/reporter-messages" responder '{"text":"Thank you: we confirmed the exposure and closed it."}'; expect 201
api POST "/incidents/$ID/transitions" responder '{"to":"RECOVERY_CLOSURE"}'; expect 200

api POST "/incidents/$ID/measures" responder '{"type":"CORRECTIVE","description":"Rotate the export links",
  "owner":"platform-team","dueAt":"2030-01-31T17:00:00+01:00"}'; expect 201
api POST "/incidents/$ID/measures" responder '{"type":"PREVENTIVE","description":"Org policy: no public buckets",
  "owner":"security-architecture","dueAt":"2030-02-28T17:00:00+01:00"}'; expect 201
api POST "/incidents/$ID/transitions" responder '{"to":"CLOSED"}'; expect 409   # operation not yet restored
api POST "/incidents/$ID/operation-restored" responder '{"restoredAt":"'"$(now)"'"}'; expect 200
api POST "/incidents/$ID/transitions" responder '{"to":"CLOSED"}'; expect 200

# The final report needs the root cause and the lessons taken into the ISMS; once issued it is frozen.
api POST "/incidents/$ID/final-report/issued" second-line; expect 409
api PUT "/incidents/$ID/assessment" legal '{"nature":"A customer export was readable without sign-in.",
  "rootCause":"A bucket policy granted allUsers read access during a migration.",
  "lessonsLearned":"Public access prevention is enforced by organisation policy; the ISMS change process now covers bucket policies."}'; expect 200
api POST "/incidents/$ID/final-report/issued" second-line; expect 200
api GET "/incidents/$ID/final-reports" dpo; expect 200

api GET "/incidents/$ID/timeline" responder; expect 200
echo "$ID is closed; final report due $(ETAG=; api GET "/incidents/$ID" responder >/dev/null; field finalReportDueAt)"
