#!/usr/bin/env bash
# The evidence vault end to end against the running local stack (./run-local.sh): a 64 MiB file uploaded the way the
# console does it (signed URL, resumable, in 8 MiB chunks) and recorded with its SHA-256; Cloud Storage refuses to
# delete it; a wrong SHA-256 records nothing; a capture of every generated log entry (50,000 by default) becomes one
# object whose line count and SHA-256 match the manifest. Prints the upload and capture throughput (also written to
# target/bench/vault-throughput.txt). Part of scripts/e2e.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/api.sh

VAULT=${VAULT_URL:-http://localhost:8086}
STORAGE=${STORAGE_URL:-http://127.0.0.1:8092}
BUCKET=meldekette-local-evidence
PROJECT=${GOOGLE_CLOUD_PROJECT:-meldekette-local}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# vault METHOD PATH [JSON [HEADER]]: calls evidence-vault as the demo responder.
vault() {
  local args=(-s -X "$1" "$VAULT$2" -H "Authorization: Bearer $(cat "$TOKENS/responder.token")")
  [ -n "${3:-}" ] && args+=(-H 'Content-Type: application/json' -d "$3")
  [ -n "${4:-}" ] && args+=(-H "$4")
  answer "${args[@]}"
  echo "$1 $2 -> $STATUS"
}

echo "-- an incident with the responder on its team"
answer -s -X POST http://localhost:8081/ -H 'Content-Type: application/json' \
  -d '{"kind":"SECURITY_INCIDENT","title":"Evidence vault walk","description":"Unusual logins on the export bucket."}'
expect 201
ID=$(field incidentId)
ETAG=
api GET "/incidents/$ID" responder; expect 200
api PUT "/incidents/$ID/team" responder '{"members":["responder@meldekette.local"]}'; expect 200

echo "-- a 64 MiB log export uploaded as the console does it"
FILE="$WORK/export.log"
head -c $((48 * 1024 * 1024)) /dev/urandom | base64 -w 120 >"$FILE"
truncate -s $((64 * 1024 * 1024)) "$FILE"
SIZE=$(stat -c %s "$FILE")
SHA=$(sha256sum "$FILE" | cut -d' ' -f1)
started=$(date +%s%N)
vault POST "/incidents/$ID/uploads" "{\"fileName\":\"export.log\",\"contentType\":\"text/plain\",\"size\":$SIZE}"; expect 201
UPLOAD=$(jq -r .uploadId <<<"$BODY")
URL=$(jq -r .upload.url <<<"$BODY")
mapfile -t HEADERS < <(jq -r '.upload.headers | to_entries[] | "\(.key): \(.value)"' <<<"$BODY")
header_args=(); for h in "${HEADERS[@]}"; do header_args+=(-H "$h"); done
SESSION=$(curl -s -D - -o /dev/null -X POST "$URL" "${header_args[@]}" | sed -n 's/^Location: \(.*\)\r$/\1/Ip')
[ -n "$SESSION" ] || { echo "Cloud Storage did not start the upload" >&2; exit 1; }
CHUNK=$((8 * 1024 * 1024))
for ((offset = 0; offset < SIZE; offset += CHUNK)); do
  end=$(( offset + CHUNK < SIZE ? offset + CHUNK : SIZE ))
  code=$(dd if="$FILE" bs=1M iflag=skip_bytes,count_bytes skip=$offset count=$((end - offset)) status=none \
    | curl -s -o /dev/null -w '%{http_code}' -X PUT "$SESSION" -H "Content-Range: bytes $offset-$((end - 1))/$SIZE" --data-binary @-)
  [ "$code" = 308 ] || [ "$code" = 200 ] || { echo "chunk at $offset refused: $code" >&2; exit 1; }
done
uploaded_ms=$(ms "$started")
vault POST "/incidents/$ID/uploads/$UPLOAD/complete" "{\"sha256\":\"$SHA\"}"; expect 201
upload_ms=$(ms "$started")
[ "$(jq -r .sha256 <<<"$BODY")" = "$SHA" ] || { echo "recorded SHA-256 differs" >&2; exit 1; }
OBJECT=$(jq -r '.files[0].object' <<<"$BODY")
echo "uploaded $SIZE bytes in $uploaded_ms ms; recorded (hashed again, copied into the vault) after $upload_ms ms"

echo "-- Cloud Storage itself refuses to delete the held object"
code=$(curl -s -o /dev/null -w '%{http_code}' -X DELETE "$STORAGE/storage/v1/b/$BUCKET/o/$(jq -rn --arg o "$OBJECT" '$o|@uri')")
[ "$code" = 403 ] || { echo "a held object was deletable: $code" >&2; exit 1; }

echo "-- a file whose SHA-256 differs is refused and nothing is recorded"
printf 'small file\n' >"$WORK/small.txt"
vault POST "/incidents/$ID/uploads" '{"fileName":"small.txt","contentType":"text/plain","size":11}'; expect 201
UPLOAD=$(jq -r .uploadId <<<"$BODY"); URL=$(jq -r .upload.url <<<"$BODY")
mapfile -t HEADERS < <(jq -r '.upload.headers | to_entries[] | "\(.key): \(.value)"' <<<"$BODY")
header_args=(); for h in "${HEADERS[@]}"; do header_args+=(-H "$h"); done
SESSION=$(curl -s -D - -o /dev/null -X POST "$URL" "${header_args[@]}" | sed -n 's/^Location: \(.*\)\r$/\1/Ip')
curl -s -o /dev/null -X PUT "$SESSION" --data-binary @"$WORK/small.txt"
vault POST "/incidents/$ID/uploads/$UPLOAD/complete" "{\"sha256\":\"$(printf 'other' | sha256sum | cut -d' ' -f1)\"}"; expect 422
api GET "/incidents/$ID/evidence" responder; expect 200
[ "$(jq '.evidence | length' <<<"$BODY")" = 1 ] || { echo "a refused upload was recorded" >&2; exit 1; }

echo "-- every generated log entry captured into the vault"
FROM=$(date -u -d '-49 hours' +%Y-%m-%dT%H:%M:%SZ)
TO=$(date -u +%Y-%m-%dT%H:%M:%SZ)
started=$(date +%s%N)
vault POST "/incidents/$ID/captures" "{\"filter\":\"logName:\\\"projects/$PROJECT/logs/\\\"\",\"from\":\"$FROM\",\"to\":\"$TO\"}" "Idempotency-Key: $ID"
expect 202
CAPTURE=$(jq -r .id <<<"$BODY")
for _ in $(seq 1 600); do
  vault GET "/incidents/$ID/captures" >/dev/null
  STATE=$(jq -r --arg c "$CAPTURE" '.captures[] | select(.id == $c) | .state' <<<"$BODY")
  [ "$STATE" = COMPLETE ] || [ "$STATE" = FAILED ] && break
  sleep 0.2
done
capture_ms=$(ms "$started")
[ "$STATE" = COMPLETE ] || { echo "the capture ended $STATE: $BODY" >&2; exit 1; }
ENTRIES=$(jq -r --arg c "$CAPTURE" '.captures[] | select(.id == $c) | .entries' <<<"$BODY")
EVIDENCE=$(jq -r --arg c "$CAPTURE" '.captures[] | select(.id == $c) | .evidenceId' <<<"$BODY")
curl -s "$STORAGE/storage/v1/b/$BUCKET/o/$(jq -rn --arg o "incidents/$ID/$EVIDENCE/manifest.json" '$o|@uri')?alt=media" >"$WORK/manifest.json"
curl -s "$STORAGE/storage/v1/b/$BUCKET/o/$(jq -rn --arg o "incidents/$ID/$EVIDENCE/log-entries.ndjson.gz" '$o|@uri')?alt=media" >"$WORK/entries.gz"
LINES=$(gunzip -c "$WORK/entries.gz" | wc -l)
[ "$LINES" = "$ENTRIES" ] && [ "$(jq -r .entryCount "$WORK/manifest.json")" = "$ENTRIES" ] \
  || { echo "entries: $LINES lines, capture says $ENTRIES, manifest says $(jq -r .entryCount "$WORK/manifest.json")" >&2; exit 1; }
[ "$(jq -r '.files[0].sha256' "$WORK/manifest.json")" = "$(sha256sum "$WORK/entries.gz" | cut -d' ' -f1)" ] \
  || { echo "the manifest's SHA-256 is not the entries object's" >&2; exit 1; }
api GET "/incidents/$ID/evidence" responder; expect 200
[ "$(jq --arg e "$EVIDENCE" '[.evidence[] | select(.id == $e and .secured)] | length' <<<"$BODY")" = 1 ] \
  || { echo "the capture is not recorded once as vault evidence" >&2; exit 1; }

upload_mib_s=$(awk -v b="$SIZE" -v t="$upload_ms" 'BEGIN { printf "%.1f", b / 1048576 / (t / 1000) }')
capture_per_s=$(awk -v n="$ENTRIES" -v t="$capture_ms" 'BEGIN { printf "%.0f", n / (t / 1000) }')
echo "upload: $SIZE bytes recorded in $upload_ms ms ($upload_mib_s MiB/s); capture: $ENTRIES entries in $capture_ms ms ($capture_per_s entries/s)"
mkdir -p target/bench
echo "upload-bytes $SIZE upload-ms $upload_ms upload-mib-per-s $upload_mib_s capture-entries $ENTRIES capture-ms $capture_ms capture-entries-per-s $capture_per_s" \
  >target/bench/vault-throughput.txt
echo "evidence vault walk passed"
