#!/usr/bin/env bash
# Runs the benchmarks and prints their figures (also in target/bench/figures.md): cold start, Firestore round
# trips per operation, the alert storm with memory, sweep scaling, memory under load. They print figures and
# check correctness; they never fail on speed. Takes about seven minutes on two cores.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

require_java17
require_maven
require_firestore_emulator
[ -z "${FIRESTORE_EMULATOR_HOST:-}" ] || die "unset FIRESTORE_EMULATOR_HOST: the benchmarks count calls on clients of their own"

rm -f target/bench/figures.md
mvn -B -Pbench verify "$@"
echo
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo), $(java -version 2>&1 | head -1)"
cat target/bench/figures.md
