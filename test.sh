#!/usr/bin/env bash
# Runs every test of Meldekette: the lint of the API descriptions (Spectral), unit and integration tests (mvn verify; they start the real Cloud Firestore
# emulator themselves, see shared/testing/src/main/java/org/meldekette/testing/FirestoreEmulator.java), then the
# end-to-end checks against ./run-local.sh (scripts/e2e.sh), the report form's browser tests among them, and the
# restore drill (scripts/restore-drill.sh).
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

require_java17
require_maven
require_firestore_emulator
require_browser_tests
require_poppler

# The API descriptions are what clients are generated from: Spectral's OpenAPI ruleset, nothing found.
lint_api_descriptions

# Unit and integration tests, and the deployable jars plus the invoker for the local stack.
mvn -B -ntp -Plocal-stack verify "$@"

# The whole local stack end to end, as the README starts it (the console built as ./run-local.sh builds it).
build_local_console
scripts/e2e.sh

# A backup restored into a fresh emulator answers as the original did, and work continues on it.
scripts/restore-drill.sh
