#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (also in target/bench/figures.md): cold start, Firestore round
# trips per operation, the alert storm with memory, sweep scaling, memory under load, and the staff console's
# budgets against the local stack with 10,000 incidents. They print figures and check correctness; they never
# fail on speed. At the end every figure is printed beside its target and the previous run's. Takes about fifteen minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

require_java17
require_maven
require_firestore_emulator
require_browser_tests
[ -z "${FIRESTORE_EMULATOR_HOST:-}" ] || die "unset FIRESTORE_EMULATOR_HOST: the benchmarks count calls on clients of their own"

rm -f target/bench/figures.md target/bench/figures.jsonl
mvn -B -ntp -Pbench verify "$@"

# The staff console against the local stack, its emulator filled with 10,000 incidents: once on a quiet stack,
# once while the sweep works through the reminders those incidents have overdue (deployed, deadline-reminder
# has instances of its own; here it shares the two cores with the console, the browser and the emulator).
mvn -B -ntp -q -Plocal-stack -DskipTests package
build_local_console
seed() {
  FIRESTORE_EMULATOR_HOST=127.0.0.1:8080 GOOGLE_CLOUD_PROJECT=meldekette-local \
    java -cp shared/local-stack/target/local-stack.jar org.meldekette.dev.SeedIncidents 10000 2>/dev/null
}
LOCAL_SWEEP_MINUTES=0 start_local_stack
seed
CONDITION="no sweep running" node scripts/browser/console-budget.bench.mjs >/dev/null
stop_local_stack
start_local_stack # its first sweep comes a minute after the start
seed
for _ in $(seq 1 120); do
  [ "$(curl -s http://127.0.0.1:8090/tasks | grep -o '"name"' | wc -l)" -gt 100 ] && break
  sleep 1
done
CONDITION="while the sweep sends the seeded incidents' overdue reminders" \
  node scripts/browser/console-budget.bench.mjs >/dev/null
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
cat target/bench/figures.md
# Every figure beside its target and the previous run (bench/previous.jsonl; BENCH_KEEP=1 keeps this run as it).
node scripts/bench-summary.mjs ${BENCH_KEEP:+--keep}
