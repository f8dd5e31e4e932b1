#!/usr/bin/env bash
# Starts Meldekette locally with no cloud account: the Cloud Firestore emulator on 127.0.0.1:8080 and every
# function under the Functions Framework invoker on its own port. Ctrl-C stops everything.
# --no-build: use what the last build left (the test command uses this after building).
# FIRESTORE_IMPORT=<path to an export's .overall_export_metadata>: start the emulator from that export (a
# backup), as scripts/restore-drill.sh does to prove a backup restores to a working system.
set -euo pipefail
cd "$(dirname "$0")"
. scripts/lib.sh

PROJECT=${GOOGLE_CLOUD_PROJECT:-meldekette-local}
# Minutes between the local Cloud Scheduler's sweeps, as deployed; 0 switches them off.
SWEEP_MINUTES=${LOCAL_SWEEP_MINUTES:-15}
FIRESTORE_PORT=8080
STACK_DIR=target/local-stack
# The stand-ins for what has no emulator; no deployable jar contains them.
LOCAL_STACK_JAR=shared/local-stack/target/local-stack.jar

# name, port, entry point: one line per function that exists.
FUNCTIONS=(
  "report-intake 8081 org.meldekette.intake.ReportIntakeFunction"
  "alert-triage 8082 org.meldekette.alerts.AlertTriageFunction"
  "incident-lifecycle 8083 org.meldekette.lifecycle.IncidentLifecycleFunction"
  "deadline-reminder 8084 org.meldekette.reminders.DeadlineReminderFunction"
  "mailbox 8085 org.meldekette.mailbox.MailboxFunction"
  "evidence-vault 8086 org.meldekette.vault.EvidenceVaultFunction"
)
IDENTITY_PORT=8089
QUEUE_PORT=8090
WEBHOOK_PORT=8091
HOSTING_PORT=5000
SMTP_PORT=2525
IMAP_PORT=3143
STORAGE_PORT=8092
LOGGING_PORT=8093
# Log entries the local Cloud Logging serves (generated, the last 48 hours), for "Secure logs".
LOG_ENTRIES=${LOCAL_LOG_ENTRIES:-50000}
MAILBOX=security@meldekette.local
# Seconds between the local Cloud Scheduler's polls of the security mailbox (deployed: every minute).
MAIL_POLL_SECONDS=${LOCAL_MAIL_POLL_SECONDS:-3}

require_java17
require_maven
require_node

pids=()
cleanup() {
  trap - EXIT INT TERM
  if [ ${#pids[@]} -gt 0 ]; then
    echo
    echo "Stopping Meldekette..."
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

port_in_use() { (echo >"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

wait_for() { # url, what, pid
  for _ in $(seq 1 300); do
    if curl -s -o /dev/null "$1"; then return 0; fi
    kill -0 "$3" 2>/dev/null || die "$2 exited; see $STACK_DIR/$2.log"
    sleep 0.2
  done
  die "$2 did not answer at $1 within 60 s; see $STACK_DIR/$2.log"
}

if [ "${1:-}" = "--no-build" ]; then
  [ -f "$STACK_DIR/java-function-invoker.jar" ] || die "--no-build: nothing built yet; run without it once"
else
  echo "Building the functions (mvn package, tests skipped) and the staff console..."
  mvn -B -ntp -q -Plocal-stack -DskipTests package
  build_local_console
fi
mkdir -p "$STACK_DIR"

for port in $FIRESTORE_PORT $IDENTITY_PORT $QUEUE_PORT $WEBHOOK_PORT $HOSTING_PORT $SMTP_PORT $IMAP_PORT $STORAGE_PORT $LOGGING_PORT $(printf '%s\n' "${FUNCTIONS[@]}" | awk '{print $2}'); do
  port_in_use "$port" && die "port $port is in use; stop whatever listens there first"
done

seed=()
if [ -n "${FIRESTORE_IMPORT:-}" ]; then
  [ -f "$FIRESTORE_IMPORT" ] || die "FIRESTORE_IMPORT: no export metadata at $FIRESTORE_IMPORT"
  seed=(--seed_from_export="$FIRESTORE_IMPORT")
fi
jar=$(firestore_emulator_jar || true)
if [ -n "$jar" ]; then
  java -cp "$jar" com.google.cloud.datastore.emulator.firestore.CloudFirestore start \
    --host=127.0.0.1 --port=$FIRESTORE_PORT --rules=firestore.rules "${seed[@]}" >"$STACK_DIR/firestore.log" 2>&1 &
elif command -v gcloud >/dev/null; then
  [ -z "${FIRESTORE_IMPORT:-}" ] || die "FIRESTORE_IMPORT needs the emulator's jar (gcloud components install cloud-firestore-emulator)"
  gcloud emulators firestore start --host-port=127.0.0.1:$FIRESTORE_PORT --rules=firestore.rules \
    >"$STACK_DIR/firestore.log" 2>&1 &
else
  die "the local stack needs the Google Cloud CLI's Firestore emulator:
  gcloud components install cloud-firestore-emulator (or apt-get install google-cloud-cli-firestore-emulator)"
fi
pids+=($!)
wait_for "http://127.0.0.1:$FIRESTORE_PORT/" firestore "${pids[-1]}"

export FIRESTORE_EMULATOR_HOST=127.0.0.1:$FIRESTORE_PORT
export GOOGLE_CLOUD_PROJECT=$PROJECT
export REPORT_FORM_ORIGINS=${REPORT_FORM_ORIGINS:-http://localhost:5000,http://127.0.0.1:5000}
export AUDIT_SINK=stdout # audit events as JSON lines in the function logs; deployed, they go to Cloud Logging

# Local sign-in: a key only this stack trusts, a demo member per role, and a token for each.
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.LocalIdentityProvider $IDENTITY_PORT http://localhost:8083 "$STACK_DIR/tokens" \
  >"$STACK_DIR/identity.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$IDENTITY_PORT/certs" identity "${pids[-1]}"
export AUTH_AUDIENCE=http://localhost:8083
export AUTH_ISSUER=http://localhost:$IDENTITY_PORT
export AUTH_CERTS_URL=http://127.0.0.1:$IDENTITY_PORT/certs

# Local stand-ins for Cloud Tasks (and Cloud Scheduler's sweep) and for the chat webhooks.
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.LocalTaskQueue \
  $QUEUE_PORT tasks@meldekette.local http://localhost:8084/sweep scheduler@meldekette.local http://localhost:8084 "$SWEEP_MINUTES" \
  http://localhost:8085/poll http://localhost:8085 "$MAIL_POLL_SECONDS" \
  >"$STACK_DIR/task-queue.log" 2>&1 &
pids+=($!)
# A real SMTP and IMAP server: mail to security@meldekette.local lands in the mailbox the mailbox function
# reads; Meldekette's own mail lands in the reporters' mailboxes (IMAP, login and password = the address).
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.LocalMailServer $SMTP_PORT $IMAP_PORT $MAILBOX \
  >"$STACK_DIR/mail-server.log" 2>&1 &
pids+=($!)
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.LocalWebhookSink \
  $WEBHOOK_PORT >"$STACK_DIR/webhooks.log" 2>&1 &
pids+=($!)
# Cloud Storage and Cloud Logging as the evidence vault uses them: a held vault bucket and a staging bucket
# (URLs signed with a key the storage stand-in writes and trusts), and generated log entries to capture.
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.storage.LocalStorageServer \
  $STORAGE_PORT "$STACK_DIR/storage-signer.pem" meldekette-local-evidence:hold meldekette-local-staging \
  >"$STACK_DIR/storage.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$STORAGE_PORT/" storage "${pids[-1]}"
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.logging.LocalLoggingServer $LOGGING_PORT "$PROJECT" "$LOG_ENTRIES" \
  >"$STACK_DIR/logging.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do port_in_use $LOGGING_PORT && break; sleep 0.2; done
port_in_use $LOGGING_PORT || die "the local Cloud Logging did not start; see $STACK_DIR/logging.log"
wait_for "http://127.0.0.1:$QUEUE_PORT/certs" task-queue "${pids[-3]}"
wait_for "http://127.0.0.1:$WEBHOOK_PORT/ready" webhooks "${pids[-1]}"
for _ in $(seq 1 300); do port_in_use $IMAP_PORT && break; sleep 0.2; done
port_in_use $IMAP_PORT || die "the mail server did not start; see $STACK_DIR/mail-server.log"
export TASK_QUEUE=local LOCAL_TASK_QUEUE_URL=http://127.0.0.1:$QUEUE_PORT
export TASKS_TARGET_URL=http://localhost:8084 TASKS_AUDIENCE=http://localhost:8084
export OIDC_ISSUER=http://127.0.0.1:$QUEUE_PORT OIDC_CERTS_URL=http://127.0.0.1:$QUEUE_PORT/certs
export OIDC_AUDIENCE=http://localhost:8084
export TASKS_SERVICE_ACCOUNT=tasks@meldekette.local SCHEDULER_SERVICE_ACCOUNT=scheduler@meldekette.local
export SECRETS=env
export SECRET_INCIDENT_TEAM_WEBHOOK=http://127.0.0.1:$WEBHOOK_PORT/incident-team
export SECRET_DPO_MANAGEMENT_WEBHOOK=http://127.0.0.1:$WEBHOOK_PORT/dpo-management
export SECRET_ON_CALL_WEBHOOK=http://127.0.0.1:$WEBHOOK_PORT/on-call
export INCIDENT_LINK_BASE="http://localhost:$HOSTING_PORT/console/#"
export REPORT_SITE_URL=http://localhost:$HOSTING_PORT
export CONTROLLER_NAME=${CONTROLLER_NAME:-"Example GmbH (local stack)"}
export DPO_NAME=${DPO_NAME:-"Data protection officer (local stack)"} DPO_CONTACT=${DPO_CONTACT:-"dpo@example.invalid"}
# The security mailbox: read over IMAP, answered over SMTP, both the local mail server; mail tasks to the mailbox.
export MAIL_ADDRESS=$MAILBOX MAIL_AUTHSERV_ID=mx.meldekette.local
export MAIL_IMAP_HOST=127.0.0.1 MAIL_IMAP_PORT=$IMAP_PORT MAIL_IMAP_SECURITY=none SECRET_MAIL_IMAP_CREDENTIAL=$MAILBOX
export MAIL_SMTP_HOST=127.0.0.1 MAIL_SMTP_PORT=$SMTP_PORT MAIL_SMTP_SECURITY=none MAIL_SMTP_AUTH=none
export SECRET_MAIL_THREAD_KEY=${SECRET_MAIL_THREAD_KEY:-local-stack-thread-key-not-secret}
export MAIL_TASKS_TARGET_URL=http://localhost:8085 MAIL_TASKS_AUDIENCE=http://localhost:8085
# The evidence vault: its buckets and where Cloud Storage and Cloud Logging are; vault tasks to the vault.
export VAULT_BUCKET=meldekette-local-evidence VAULT_STAGING_BUCKET=meldekette-local-staging
export STORAGE_HOST=http://127.0.0.1:$STORAGE_PORT STORAGE_SIGNER_KEY_FILE="$STACK_DIR/storage-signer.pem"
export LOGGING_ENDPOINT=127.0.0.1:$LOGGING_PORT
export VAULT_TASKS_TARGET_URL=http://localhost:8086 VAULT_TASKS_AUDIENCE=http://localhost:8086

declare -A function_pid
for entry in "${FUNCTIONS[@]}"; do
  read -r name port target <<<"$entry"
  # Each function taking Cloud Tasks or Scheduler calls checks their tokens for its own URL.
  OIDC_AUDIENCE=$(case "$name" in mailbox) echo http://localhost:8085 ;; evidence-vault) echo http://localhost:8086 ;; *) echo "$OIDC_AUDIENCE" ;; esac) \
  java -jar "$STACK_DIR/java-function-invoker.jar" \
    --classpath "functions/$name/target/deployment/$name.jar" --target "$target" --port "$port" \
    >"$STACK_DIR/$name.log" 2>&1 &
  pids+=($!)
  function_pid[$name]=$!
done
for entry in "${FUNCTIONS[@]}"; do
  read -r name port _ <<<"$entry"
  wait_for "http://127.0.0.1:$port/" "$name" "${function_pid[$name]}"
done

# The report site as Firebase Hosting serves it (firebase.json): the form and status page going to
# report-intake, the staff console's /api/staff to incident-lifecycle.
java -cp "$LOCAL_STACK_JAR" org.meldekette.dev.LocalHosting \
  $HOSTING_PORT firebase.json report-intake=http://127.0.0.1:8081/ incident-lifecycle=http://127.0.0.1:8083/ \
  evidence-vault=http://127.0.0.1:8086/ --origin=https://storage.googleapis.com=http://127.0.0.1:$STORAGE_PORT \
  --tokens="$STACK_DIR/tokens" >"$STACK_DIR/hosting.log" 2>&1 &
pids+=($!)
wait_for "http://127.0.0.1:$HOSTING_PORT/" hosting "${pids[-1]}"

cat <<INFO

Meldekette runs locally (project $PROJECT, no cloud account):
  Report form          http://localhost:$HOSTING_PORT/
  Firestore emulator   http://127.0.0.1:$FIRESTORE_PORT
$(for entry in "${FUNCTIONS[@]}"; do read -r name port _ <<<"$entry"; printf '  %-20s http://localhost:%s/\n' "$name" "$port"; done)
  Status page          http://localhost:$HOSTING_PORT/status/ (with the receipt code a report gives)
  Staff console        http://localhost:$HOSTING_PORT/console/ (sign in as the demo member of any role)
  Security mailbox     $MAILBOX: send by SMTP to localhost:$SMTP_PORT; every mailbox readable over IMAP on
                       localhost:$IMAP_PORT (login and password: the address)
  Evidence vault       Cloud Storage stand-in on http://127.0.0.1:$STORAGE_PORT (buckets meldekette-local-evidence,
                       held, and meldekette-local-staging); Cloud Logging stand-in on 127.0.0.1:$LOGGING_PORT
                       with $LOG_ENTRIES generated entries of the last 48 hours
Logs: $STACK_DIR/<name>.log; reminders and new-incident messages arrive in $STACK_DIR/webhooks.log

Sign-in tokens (12 h) of a demo member per role, for incident-lifecycle:
$(for f in "$STACK_DIR"/tokens/*.token; do printf '  %-16s %s\n' "$(basename "$f" .token)" "$f"; done)

Try it:
  curl -i -X POST http://localhost:8081/ -H 'Content-Type: application/json' \\
    -d '{"kind":"SECURITY_INCIDENT","title":"Phishing mail","description":"A mail asked for my password."}'
  scripts/send-alert.sh functions/alert-triage/src/test/resources/monitoring/typesense-cpu-open.json
  curl -s http://localhost:8083/incidents -H "Authorization: Bearer \$(cat $STACK_DIR/tokens/responder.token)"

Press Ctrl-C to stop.
INFO

wait -n "${pids[@]}" || true
die "a process of the local stack exited; see the logs in $STACK_DIR"
