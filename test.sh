#!/usr/bin/env bash
# Runs every test of Meldekette. Integration tests use the real Cloud Firestore emulator, which the tests
# start themselves (see shared/src/test/java/org/meldekette/testing/FirestoreEmulator.java).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

require_java17
require_maven
require_firestore_emulator

mvn -B verify "$@"
