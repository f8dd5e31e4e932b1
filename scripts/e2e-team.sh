#!/usr/bin/env bash
# The team hears at once, against the running local stack (part of scripts/e2e.sh).
#   scripts/e2e-team.sh announce   a new report is in the team's channel within 5 s
#   scripts/e2e-team.sh page       a P1 alert delivered three times pages on-call once
#   scripts/e2e-team.sh storm      400 alert groups at once (run early: its digest comes after the minute)
#   scripts/e2e-team.sh digest     every incident of the storm is in the channel exactly once
set -euo pipefail
cd "$(dirname "$0")/.."
LOG=target/local-stack/webhooks.log
INTAKE=${INTAKE_URL:-http://localhost:8081}
ALERTS=${ALERT_TRIAGE_URL:-http://localhost:8082/}
STORM=target/local-stack/storm-incidents.txt

announce() {
  local start id
  start=$(date +%s%N)
  id=$(curl -s -X POST "$INTAKE/" -H 'Content-Type: application/json' \
    -d '{"kind":"SECURITY_INCIDENT","title":"Phishing mail","description":"A mail asked for my password."}' \
    | sed -n 's/.*"incidentId":"\([^"]*\)".*/\1/p')
  for _ in $(seq 1 50); do
    grep -q "\[incident-team\].*New incident: $id" "$LOG" && break
    sleep 0.1
  done
  grep -q "\[incident-team\].*New incident: $id" "$LOG" || { echo "no announcement of $id within 5 s" >&2; exit 1; }
  echo "new incident $id in the team channel after $(( ($(date +%s%N) - start) / 1000000 )) ms (limit 5,000)"
}

page() {
  local status
  for _ in 1 2 3; do
    status=$(scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-uptime-open.json e2e-1)
    [ "$status" = 200 ] || { echo "alert-triage answered $status" >&2; exit 1; }
  done
  local incidents count
  incidents=$(curl -s "http://localhost:8083/incidents?severity=P1" \
    -H "Authorization: Bearer $(cat target/local-stack/tokens/responder.token)")
  count=$(grep -o '"source":"ALERT"' <<<"$incidents" | wc -l)
  [ "$count" = 1 ] || { echo "expected one alert incident, found $count: $incidents" >&2; exit 1; }
  for _ in $(seq 1 50); do grep -q '\[on-call\]' "$LOG" && break; sleep 0.1; done
  sleep 3 # time for a second page, were there one
  local pages
  pages=$(grep -c '\[on-call\].*P1 incident' "$LOG" || true)
  [ "$pages" = 1 ] || { echo "expected one page, found $pages" >&2; grep '\[on-call\]' "$LOG" >&2; exit 1; }
  echo "P1 alert delivered three times: one incident, on-call paged once"
}

storm() {
  local run
  run=$(date +%s)
  : >"$STORM.sent"
  seq 1 400 | xargs -P 8 -I{} sh -c '
    data=$(printf "{\"source\":\"e2e-storm\",\"fingerprint\":\"storm-%s-{}\",\"state\":\"open\",\"severity\":\"warning\",\"summary\":\"Storm {}\",\"occurredAt\":\"%s\",\"resource\":\"host-%s-{}\"}" \
      "$1" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" "$1" | base64 -w0)
    curl -s -o /dev/null -w "%{http_code}\n" -X POST "$2" -H "Content-Type: application/json" \
      -H "ce-id: storm-$1-{}" -H "ce-specversion: 1.0" -H "ce-type: google.cloud.pubsub.topic.v1.messagePublished" \
      -H "ce-source: //pubsub.googleapis.com/projects/meldekette-local/topics/monitoring-alerts" \
      -d "{\"message\":{\"data\":\"$data\",\"messageId\":\"storm-$1-{}\"},\"subscription\":\"projects/meldekette-local/subscriptions/alert-triage\"}"
  ' _ "$run" "$ALERTS" >>"$STORM.sent"
  local ok
  ok=$(grep -c '^200$' "$STORM.sent" || true)
  [ "$ok" = 400 ] || { echo "only $ok of 400 storm alerts were taken" >&2; exit 1; }
  # Every incident whose title names this storm's hosts, page by page.
  TOKEN=$(cat target/local-stack/tokens/responder.token) RUN=$run node -e '
    (async () => {
      let token = "";
      do {
        const answer = await fetch("http://localhost:8083/incidents?pageSize=200" + (token ? "&pageToken=" + encodeURIComponent(token) : ""),
          { headers: { Authorization: "Bearer " + process.env.TOKEN } });
        const page = await answer.json();
        for (const i of page.incidents) if (i.title.includes("host-" + process.env.RUN + "-")) console.log(i.id);
        token = page.nextPageToken;
      } while (token);
    })();' >"$STORM"
  [ "$(wc -l <"$STORM")" = 400 ] || { echo "expected 400 storm incidents, found $(wc -l <"$STORM")" >&2; exit 1; }
  echo "storm: 400 alert groups opened 400 incidents"
}

digest() {
  # The digest of the storm's minute goes out five seconds after the minute ends.
  for _ in $(seq 1 150); do
    missing=0
    while read -r id; do grep -q "\[incident-team\].*$id" "$LOG" || { missing=1; break; }; done <"$STORM"
    [ "$missing" = 0 ] && break
    sleep 1
  done
  node -e '
    const fs = require("fs");
    const ids = fs.readFileSync(process.argv[1], "utf8").trim().split("\n");
    const messages = fs.readFileSync(process.argv[2], "utf8").split("\n").filter((l) => l.startsWith("[incident-team]") || / \[incident-team\] /.test(l));
    const seen = new Map(ids.map((id) => [id, 0]));
    let digests = 0;
    for (const line of messages) {
      const text = JSON.parse(line.slice(line.indexOf("{"))).text;
      if (text.includes("digest")) digests++;
      for (const id of new Set(text.match(/INC-\d{8}-[0-9A-Z]{6}/g) || [])) if (seen.has(id)) seen.set(id, seen.get(id) + 1);
    }
    const wrong = [...seen].filter(([, n]) => n !== 1);
    if (wrong.length) { console.error("not exactly once:", wrong.slice(0, 5)); process.exit(1); }
    if (!digests) { console.error("no digest message"); process.exit(1); }
    console.log(`storm: every one of ${ids.length} incidents in the team channel exactly once, ${digests} digest messages`);
  ' "$STORM" "$LOG"
}

"${1:?usage: scripts/e2e-team.sh announce|page|storm|digest}"
