#!/usr/bin/env bash
# The reporter hears back, against the running local stack (part of scripts/e2e.sh): a report through the
# site gives a receipt code; the status page shows "received"; the team writes; the reporter reads it and
# answers; the team reads the answer. A breach's reporter hears nothing before legal approval. Wrong codes
# are 404 and, after ten from one client, 429.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/api.sh

site /api/report '{"kind":"VULNERABILITY","title":"XSS in search","description":"The q parameter is reflected.","language":"en"}' \
  "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"; expect 201
ID=$(field incidentId); CODE=$(field receiptCode)
[ -n "$CODE" ] || { echo "no receipt code in the receipt: $BODY" >&2; exit 1; }
echo "receipt: $ID with a receipt code"

site /api/status "{\"code\":\"$CODE\"}"; expect 200; contains '"status":"RECEIVED"'
ETAG=; api GET "/incidents/$ID" responder >/dev/null
api POST "/incidents/$ID/reporter-messages" responder '{"text":"Thank you! We could reproduce it and are fixing it."}'; expect 201
site /api/status "{\"code\":\"$CODE\"}"; expect 200; contains 'We could reproduce it'; contains '"from":"TEAM"'
site /api/status/messages "{\"code\":\"$CODE\",\"text\":\"It also works with the name parameter.\"}" \
  "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"; expect 201
api GET "/incidents/$ID/reporter-messages" second-line; expect 200; contains 'name parameter'; contains 'FROM_REPORTER'
api GET "/incidents/$ID" responder; expect 200
clock=$(node -e 'const i = JSON.parse(require("fs").readFileSync(0, "utf8"));
  const d = i.deadlines.find((d) => d.stage === "FIRST_RESPONSE"); console.log(d ? d.status : "none");' <<<"$BODY")
[ "$clock" = MET ] || { echo "the first-response clock is $clock, not MET" >&2; exit 1; }
echo "status page: received -> team message -> reporter answer -> staff read it; first response met"

site /api/report '{"kind":"SUSPECTED_DATA_BREACH","title":"Customer data visible","description":"Another customer'"'"'s address showed up.","language":"en"}'; expect 201
BREACH=$(field incidentId)
ETAG=; api GET "/incidents/$BREACH" responder >/dev/null
api PUT "/incidents/$BREACH/triage" responder '{"classification":"BREACH"}'; expect 200
api POST "/incidents/$BREACH/reporter-messages" responder '{"text":"We confirm a breach."}'; expect 409; contains LEGAL_APPROVAL_MISSING
api POST "/incidents/$BREACH/approvals" legal '{"audience":"REPORTER","note":"Wording agreed."}'; expect 201
api POST "/incidents/$BREACH/reporter-messages" responder '{"text":"Thank you for telling us; we are investigating."}'; expect 201
echo "breach: the reporter hears nothing before legal approval"

# Straight to the function, as one client behind one proxy address.
INTAKE=${INTAKE_URL:-http://localhost:8081}
for i in $(seq 1 10); do
  status=$(curl -s -o /dev/null -w '%{http_code}' -X POST "$INTAKE/api/status" -H 'Content-Type: application/json' \
    -H 'X-Forwarded-For: 198.51.100.99' -d "{\"code\":\"ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-$((10 + i))\"}")
  [ "$status" = 404 ] || { echo "wrong code $i answered $status, not 404" >&2; exit 1; }
done
answer=$(curl -s -D - -o /dev/null -X POST "$INTAKE/api/status" -H 'Content-Type: application/json' \
  -H 'X-Forwarded-For: 198.51.100.99' -d "{\"code\":\"$CODE\"}")
grep -q '^HTTP/1.1 429' <<<"$answer" && grep -qi '^retry-after:' <<<"$answer" \
  || { echo "the eleventh lookup was not refused with 429 and Retry-After: $answer" >&2; exit 1; }
echo "wrong codes: 404 ten times, then 429 with Retry-After (even for the right code)"

curl -s "$SITE/.well-known/security.txt" | grep -q '^Contact: http://localhost:5000/$' \
  || { echo "security.txt does not name the form" >&2; exit 1; }
echo "security.txt served on the site"
