# Shared by the end-to-end scripts: calls to the local stack as its demo members, with the answer kept.
# shellcheck shell=bash

API=${LIFECYCLE_URL:-http://localhost:8083}
SITE=${SITE_URL:-http://localhost:5000}
TOKENS=${TOKENS:-target/local-stack/tokens}

# api METHOD PATH ROLE [JSON]: calls incident-lifecycle as the demo member of ROLE with If-Match: $ETAG,
# prints the answer's status and keeps the body in $BODY and the incident's new ETag in $ETAG.
api() {
  local method=$1 path=$2 role=$3 json=${4:-}
  local args=(-s -X "$method" "$API$path" -H "Authorization: Bearer $(cat "$TOKENS/$role.token")")
  [ -n "${ETAG:-}" ] && args+=(-H "If-Match: $ETAG")
  [ -n "$json" ] && args+=(-H 'Content-Type: application/json' -d "$json")
  answer "${args[@]}"
  local etag
  etag=$(grep -i '^etag:' <<<"$HEAD" | cut -d' ' -f2 | tr -d '\r' || true)
  [ -n "$etag" ] && ETAG=$etag
  echo "$method $path as $role -> $STATUS"
}

# site PATH JSON [HEADER...]: a POST to the report site, as the form and the status page send it.
site() {
  local path=$1 json=$2
  shift 2
  local args=(-s -X POST "$SITE$path" -H 'Content-Type: application/json' -d "$json")
  for header in "$@"; do args+=(-H "$header"); done
  answer "${args[@]}"
  echo "POST $path -> $STATUS"
}

# answer CURL-ARGS...: one request; its status line and headers in $HEAD, $STATUS, the body in $BODY.
answer() {
  local response
  response=$(curl -D - "$@")
  HEAD=${response%%$'\r\n\r\n'*}
  BODY=${response#*$'\r\n\r\n'}
  STATUS=$(head -1 <<<"$HEAD" | cut -d' ' -f2)
}

expect() { [ "$STATUS" = "$1" ] || { echo "expected $1, got $STATUS: $BODY" >&2; exit 1; }; }
field() { sed -n "s/.*\"$1\":\"\([^\"]*\)\".*/\1/p" <<<"$BODY"; }
contains() { grep -q -- "$1" <<<"$BODY" || { echo "expected the answer to contain $1: $BODY" >&2; exit 1; }; }
