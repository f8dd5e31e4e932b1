# Shared by run-local.sh and test.sh: prerequisite checks and the Firestore emulator's location.
# shellcheck shell=bash

die() { echo "error: $*" >&2; exit 1; }

require_java17() {
  command -v java >/dev/null || die "Java 17 or newer is required (java not found on PATH)."
  local version
  version=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}')
  [ "${version%%.*}" -ge 17 ] 2>/dev/null || die "Java 17 or newer is required (found ${version:-unknown})."
}

require_maven() {
  command -v mvn >/dev/null || die "Apache Maven 3.8 or newer is required (mvn not found on PATH)."
}

# Prints the path of the Cloud Firestore emulator jar of the installed Google Cloud CLI, or nothing.
firestore_emulator_jar() {
  local root=""
  if [ -n "${CLOUDSDK_ROOT_DIR:-}" ]; then
    root=$CLOUDSDK_ROOT_DIR
  elif command -v gcloud >/dev/null; then
    root=$(cd "$(dirname "$(readlink -f "$(command -v gcloud)")")/.." && pwd)
    [ -d "$root/platform" ] || root=$(gcloud info --format='value(installation.sdk_root)' 2>/dev/null)
  fi
  local jar="$root/platform/cloud-firestore-emulator/cloud-firestore-emulator.jar"
  [ -n "$root" ] && [ -f "$jar" ] && echo "$jar"
}

# Tells the developer how to get an emulator when there is none; returns non-zero then.
require_firestore_emulator() {
  [ -n "${FIRESTORE_EMULATOR_HOST:-}" ] && return 0
  [ -n "$(firestore_emulator_jar)" ] && return 0
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    return 0
  fi
  die "No Cloud Firestore emulator found. Install the Google Cloud CLI and its emulator component
  (gcloud components install cloud-firestore-emulator, or apt-get install google-cloud-cli-firestore-emulator),
  or set FIRESTORE_EMULATOR_HOST to a running emulator, or start a Docker engine."
}

# Runs apt-get as root, through sudo when there is one; refreshes the package lists once if needed.
apt_install() {
  local as_root=()
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || return 1
    as_root=(sudo -n)
  fi
  "${as_root[@]}" apt-get install -y -q "$@" >/dev/null 2>&1 \
    || { "${as_root[@]}" apt-get update -q >/dev/null 2>&1 && "${as_root[@]}" apt-get install -y -q "$@" >/dev/null 2>&1; }
}

# Node.js builds the staff console and runs the browser tests; installed when missing and possible.
require_node() {
  if ! command -v npm >/dev/null; then
    echo "Installing Node.js (apt-get install nodejs npm)..."
    apt_install nodejs npm || die "the staff console and the browser tests need Node.js 18 or newer with npm; install them (apt-get install nodejs npm)."
  fi
}

# Builds the staff console into public/console/ with the local stack's role picker.
build_local_console() {
  npm ci --prefix console --no-audit --no-fund --loglevel=error >/dev/null
  node console/build.mjs --local
}

# The browser tests need Node.js and Debian's Chromium; both are installed when missing and possible.
require_browser_tests() {
  require_node
  if [ -z "${CHROMIUM:-}" ] && ! command -v chromium >/dev/null; then
    echo "Installing Chromium for the browser tests (apt-get install chromium)..."
    apt_install chromium || die "the browser tests need Chromium; install it (apt-get install chromium) or set CHROMIUM to its path."
  fi
  npm ci --prefix scripts/browser --no-audit --no-fund --loglevel=error >/dev/null
}

# The API descriptions in api/ against Spectral's OpenAPI ruleset (.spectral.yaml): no error and no warning.
lint_api_descriptions() {
  require_node
  npm ci --prefix scripts/api-lint --no-audit --no-fund --loglevel=error >/dev/null
  npm run --prefix scripts/api-lint --silent lint
}

# A TypeScript client generated from api/*.openapi.yaml (@hey-api/openapi-ts, pinned in its lock file), compiled
# by tsc in strict mode, walks a breach from the report to the issued final report against the local stack.
walk_with_generated_client() {
  require_node
  npm ci --prefix clients/typescript --no-audit --no-fund --loglevel=error >/dev/null
  (cd clients/typescript && npm run --silent generate >/dev/null && npm run --silent build && npm run --silent walk)
}

# The PDF tests read what they render back with Debian's poppler-utils (pdftotext, pdftoppm).
require_poppler() {
  if ! command -v pdftotext >/dev/null || ! command -v pdftoppm >/dev/null; then
    echo "Installing poppler-utils for the PDF tests (apt-get install poppler-utils)..."
    apt_install poppler-utils || die "the PDF tests need pdftotext and pdftoppm; install them (apt-get install poppler-utils)."
  fi
}

# Starts ./run-local.sh --no-build in the background, as a new user would start it, and waits until it is up;
# it is stopped when the calling script exits. Background jobs of a script ignore SIGINT, so it is stopped
# with TERM, which run-local.sh traps.
start_local_stack() {
  mkdir -p target/local-stack
  local out=target/local-stack/run-local.out
  ./run-local.sh --no-build >"$out" 2>&1 &
  stack=$!
  trap 'kill -TERM $stack 2>/dev/null || true; wait $stack 2>/dev/null || true' EXIT
  for _ in $(seq 1 180); do
    grep -q "Press Ctrl-C" "$out" && return 0
    kill -0 $stack 2>/dev/null || { cat "$out"; die "run-local.sh exited early"; }
    sleep 1
  done
  cat "$out"
  die "run-local.sh did not come up in 3 minutes"
}

# Stops what start_local_stack started.
stop_local_stack() {
  kill -TERM $stack 2>/dev/null || true
  wait $stack 2>/dev/null || true
  trap - EXIT
}
