#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (also in target/bench/figures.md): cold start, Firestore round
# trips per operation, the alert storm with memory, sweep scaling, memory under load, and the staff console's
# budgets against the local stack with 10,000 incidents. They print figures and check correctness; they never
# fail on speed. Takes about ten minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

require_java17
require_maven
require_firestore_emulator
require_browser_tests
[ -z "${FIRESTORE_EMULATOR_HOST:-}" ] || die "unset FIRESTORE_EMULATOR_HOST: the benchmarks count calls on clients of their own"

rm -f target/bench/figures.md
mvn -B -Pbench verify "$@"

# The staff console against the local stack, its emulator filled with 10,000 incidents.
mvn -B -q -Plocal-stack -DskipTests package
build_local_console
start_local_stack
FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 GOOGLE_CLOUD_PROJECT=meldekette-local \
  java -cp shared/local-stack/target/local-stack.jar org.meldekette.dev.SeedIncidents 10000 2>/dev/null
node scripts/browser/console-budget.bench.mjs >/dev/null
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
cat target/bench/figures.md
