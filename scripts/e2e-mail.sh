#!/usr/bin/env bash
# The security mailbox end to end over real SMTP and IMAP against the running local stack (./run-local.sh):
# a mail becomes an incident, the sender gets an acknowledgement with the receipt code in their mailbox, their
# reply lands on the same incident, a staff message arrives by mail; an auto-reply and a bounce get no answer and
# open nothing; a sender failing DMARC is flagged and not answered; a mail delivered twice is one incident.
# Prints the latencies mail -> incident and mail -> acknowledgement. Part of scripts/e2e.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/api.sh

SMTP=smtp://localhost:2525
IMAP=imap://localhost:3143
MAILBOX=security@meldekette.local
AUTH="Authentication-Results: mx.meldekette.local; spf=pass smtp.mailfrom=example.org; dkim=pass header.d=example.org"
run=$(date +%s%N)

ms() { echo $(( ($(date +%s%N) - $1) / 1000000 )); }

# send FROM FILE: delivers the raw message over SMTP to the security mailbox.
send() { curl -s --url "$SMTP" --mail-from "$1" --mail-rcpt "$MAILBOX" -T "$2"; }

# count ADDRESS: how many messages ADDRESS's mailbox holds (IMAP, login and password = the address).
count() { curl -s "$IMAP/INBOX" --user "$1:$1" -X 'SEARCH ALL' | tr ' ' '\n' | { grep -c '^[0-9]' || true; }; }

# fetch ADDRESS N: message N of ADDRESS's mailbox.
fetch() { curl -s "$IMAP/INBOX;MAILINDEX=$2" --user "$1:$1"; }

# incident_titled TITLE: the ID of the incident with that title, if any.
incident_titled() {
  curl -s "$API/incidents?pageSize=200" -H "Authorization: Bearer $(cat "$TOKENS/responder.token")" \
    | tr '{' '\n' | { grep -F "\"title\":\"$1\"" || true; } | sed -n 's/.*"id":"\(INC-[^"]*\)".*/\1/p' | head -1
}

message() { # FROM SUBJECT EXTRA-HEADER BODY -> file
  local file; file=$(mktemp)
  printf 'From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <%s@example.org>\r\n%s\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n%s\r\n' \
    "$1" "$MAILBOX" "$2" "$(date +%s%N)-$RANDOM" "$3" "$4" >"$file"
  echo "$file"
}

echo "-- a mail becomes an incident, its sender is acknowledged"
REPORTER="rita-$run@example.org"
TITLE="Phishing mail to our finance team $run"
MAIL=$(message "$REPORTER" "$TITLE" "$AUTH; dmarc=pass header.from=example.org" "A mail asked our finance team for their passwords.")
start=$(date +%s%N)
send "$REPORTER" "$MAIL"
ID=
for _ in $(seq 1 100); do ID=$(incident_titled "$TITLE"); [ -n "$ID" ] && break; sleep 0.1; done
[ -n "$ID" ] || { echo "no incident for the mail within 10 s" >&2; exit 1; }
to_incident=$(ms "$start")
for _ in $(seq 1 100); do [ "$(count "$REPORTER")" -ge 1 ] && break; sleep 0.1; done
[ "$(count "$REPORTER")" -ge 1 ] || { echo "no acknowledgement in $REPORTER's mailbox" >&2; exit 1; }
to_ack=$(ms "$start")
ACK=$(fetch "$REPORTER" 1)
grep -q "Receipt code: " <<<"$ACK" || { echo "the acknowledgement has no receipt code" >&2; exit 1; }
grep -q "Auto-Submitted: auto-replied" <<<"$ACK" || { echo "the acknowledgement is not marked automatic" >&2; exit 1; }
echo "mail -> incident $ID in $to_incident ms; mail -> acknowledgement in $to_ack ms"
mkdir -p target/bench
echo "mail-to-incident-ms $to_incident mail-to-acknowledgement-ms $to_ack" >target/bench/mail-latency.txt

echo "-- the reply to the acknowledgement lands on the same incident"
REPLY_TO=$(sed -n 's/^Reply-To: \(.*\)\r\?$/\1/p' <<<"$ACK" | tr -d '\r')
ACK_ID=$(sed -n 's/^Message-ID: \(.*\)\r\?$/\1/p' <<<"$ACK" | tr -d '\r')
REPLY=$(mktemp)
printf 'From: %s\r\nTo: %s\r\nSubject: Re: [%s] more\r\nMessage-ID: <reply-%s@example.org>\r\nIn-Reply-To: %s\r\n%s; dmarc=pass header.from=example.org\r\n\r\nThe sender was payroll@evil.example.\r\n' \
  "$REPORTER" "$REPLY_TO" "$ID" "$run" "$ACK_ID" "$AUTH" >"$REPLY"
# A provider with plus addressing (Google Workspace, Microsoft 365) delivers security+<token>@ to the security
# mailbox; the local mail server has none, so the reply is handed to the mailbox with the reply address in To.
curl -s --url "$SMTP" --mail-from "$REPORTER" --mail-rcpt "$MAILBOX" -T "$REPLY"
for _ in $(seq 1 100); do
  ETAG=; api GET "/incidents/$ID/reporter-messages" responder >/dev/null
  grep -q "payroll@evil.example" <<<"$BODY" && break; sleep 0.1
done
contains "payroll@evil.example"
[ "$(incident_titled "Re: [$ID] more")" = "" ] || { echo "the reply opened an incident" >&2; exit 1; }

echo "-- a staff message arrives by mail"
ETAG=; api GET "/incidents/$ID" responder >/dev/null
api POST "/incidents/$ID/reporter-messages" responder '{"text":"Thank you. We blocked the sender and warned the team."}'; expect 201
for _ in $(seq 1 100); do [ "$(count "$REPORTER")" -ge 2 ] && break; sleep 0.1; done
fetch "$REPORTER" 2 | grep -q "We blocked the sender" || { echo "the staff message did not arrive by mail" >&2; exit 1; }

echo "-- an auto-reply and a bounce: no answer, no incident"
ROBOT="robot-$run@example.org"
send "$ROBOT" "$(message "$ROBOT" "Automatic reply: away $run" "Auto-Submitted: auto-replied" "I am away.")"
send "MAILER-DAEMON@example.org" "$(message "MAILER-DAEMON@example.org" "Undelivered Mail Returned to Sender $run" "$AUTH; dmarc=pass" "Delivery failed.")"
sleep 5
[ "$(count "$ROBOT")" = 0 ] || { echo "an auto-reply was answered" >&2; exit 1; }
[ -z "$(incident_titled "Automatic reply: away $run")" ] && [ -z "$(incident_titled "Undelivered Mail Returned to Sender $run")" ] \
  || { echo "a machine's mail opened an incident" >&2; exit 1; }

echo "-- a sender failing DMARC: flagged, not answered"
SPOOF="spoof-$run@example.org"
send "$SPOOF" "$(message "$SPOOF" "Urgent invoice $run" "$AUTH; dmarc=fail header.from=example.org" "Pay now.")"
for _ in $(seq 1 100); do FID=$(incident_titled "Urgent invoice $run"); [ -n "$FID" ] && break; sleep 0.1; done
sleep 2
[ "$(count "$SPOOF")" = 0 ] || { echo "a possibly forged sender was answered" >&2; exit 1; }
ETAG=; api GET "/incidents/$FID/mail" dpo >/dev/null; contains "SENDER_MAY_BE_FORGED"

echo "-- a mail delivered twice is one incident"
TWICE="twice-$run@example.org"
MAIL=$(message "$TWICE" "Open bucket $run" "$AUTH; dmarc=pass header.from=example.org" "World readable.")
send "$TWICE" "$MAIL"; send "$TWICE" "$MAIL"
sleep 6
n=$(curl -s "$API/incidents?pageSize=200" -H "Authorization: Bearer $(cat "$TOKENS/responder.token")" | grep -o "\"title\":\"Open bucket $run\"" | wc -l)
[ "$n" = 1 ] || { echo "a mail delivered twice made $n incidents" >&2; exit 1; }
[ "$(count "$TWICE")" = 1 ] || { echo "a mail delivered twice was acknowledged $(count "$TWICE") times" >&2; exit 1; }
echo "the security mailbox works end to end"
