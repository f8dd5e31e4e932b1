#!/usr/bin/env bash
# End-to-end checks against the whole local stack, as a new user would start it: ./run-local.sh, then the
# README's walkthrough, an alert, a reminder and the report form in a browser. Part of ./test.sh, after the Maven build.
set -euo pipefail
cd "$(dirname "$0")/.."

mkdir -p target/local-stack
out=target/local-stack/run-local.out
./run-local.sh --no-build >"$out" 2>&1 &
stack=$!
# Background jobs of a script ignore SIGINT, so the stack is stopped with TERM, which run-local.sh traps.
trap 'kill -TERM $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT

for _ in $(seq 1 180); do
  grep -q "Press Ctrl-C" "$out" && break
  kill -0 $stack 2>/dev/null || { cat "$out"; echo "run-local.sh exited early" >&2; exit 1; }
  sleep 1
done
grep -q "Press Ctrl-C" "$out" || { cat "$out"; echo "run-local.sh did not come up in 3 minutes" >&2; exit 1; }

echo "== walkthrough (README) =="
scripts/walkthrough.sh

echo "== an alert through alert-triage =="
status=$(scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-uptime-open.json e2e-1)
[ "$status" = 200 ] || { echo "alert-triage answered $status" >&2; exit 1; }
scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-uptime-open.json e2e-1 >/dev/null
incidents=$(curl -s "http://localhost:8083/incidents?severity=P1" \
  -H "Authorization: Bearer $(cat target/local-stack/tokens/responder.token)")
count=$(grep -o '"source":"ALERT"' <<<"$incidents" | wc -l)
[ "$count" = 1 ] || { echo "expected one alert incident, found $count: $incidents" >&2; exit 1; }
echo "alert-triage -> one P1 incident from the Typesense uptime alert (redelivery changed nothing)"

echo "== a GDPR reminder through the local task queue =="
source <(sed -n '/^api()/,/^}/p;/^expect()/p;/^field()/p' scripts/walkthrough.sh)
API=http://localhost:8083 TOKENS=target/local-stack/tokens headers=$(mktemp)
BODY=$(curl -s -X POST http://localhost:8081/ -H 'Content-Type: application/json' \
  -d '{"kind":"SUSPECTED_DATA_BREACH","title":"Old breach found late","description":"Noticed three days ago."}')
ID=$(field incidentId)
ETAG=; api GET "/incidents/$ID" responder >/dev/null
aware=$(date -u -d '-70 hours' +%Y-%m-%dT%H:%M:%SZ)
api PUT "/incidents/$ID/triage" responder "{\"classification\":\"BREACH\",\"awarenessAt\":\"$aware\",
  \"awarenessJustification\":\"The processor told us on Monday.\"}"; expect 200
for _ in $(seq 1 30); do grep -q "$ID.*Art. 33" target/local-stack/webhooks.log && break; sleep 0.5; done
grep "$ID.*Art. 33" target/local-stack/webhooks.log || { echo "no Art. 33 reminder for $ID arrived" >&2; exit 1; }

echo "== the public report form in headless Chromium (scripts/browser) =="
CHROMIUM=${CHROMIUM:-$(command -v chromium)} npm test --prefix scripts/browser --silent
echo "screenshots: target/screenshots/form-filled.png, target/screenshots/receipt.png"
