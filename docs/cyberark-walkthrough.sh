#!/usr/bin/env bash
# A walk through both vendor flows against a running idv-stubs server, one request at a time.
# Needs bash, curl and jq. Copy-paste the parts you need, or run it whole:
#
#   java -jar target/idv-stubs.jar --port 8089 &
#   docs/cyberark-walkthrough.sh                       # BASE=http://127.0.0.1:<port> for another port
#
# CyberArk: StartAuthentication for mfa.push@idv.test, Answer the password (UP) mechanism, StartOOB on the OTP
# mechanism of the second challenge, then Poll that same mechanism until the Summary is no longer OobPending.
# IronVest: validate for the acme-bank cid until the answer is no longer "processing", waiting retryAfterMS.
#
# No secret is written here: the password and the API key come from the environment (CYBERARK_PASSWORD,
# IRONVEST_API_KEY) or, for the stub, from its data files under stubs/data/.
set -euo pipefail

BASE=${BASE:-http://127.0.0.1:8089}
DATA=${DATA:-$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/stubs/data}
LOGIN=${LOGIN:-mfa.push@idv.test}
TENANT=${TENANT:-ABC1234}
CID=${CID:-acme-bank}
POLL_SECONDS=${POLL_SECONDS:-1}     # the stub expects at least 500 ms between polls (cyberark.minPollIntervalMs)
MAX_CALLS=${MAX_CALLS:-30}          # every loop is bounded

post() {  # post PATH JSON [extra curl args...]: prints the answer body
  local path=$1 body=$2
  shift 2
  curl -sS -H 'Content-Type: application/json' "$@" -d "$body" "$BASE$path"
}

# ---------------------------------------------------------------------------------------------------- CyberArk
PASSWORD=${CYBERARK_PASSWORD:-$(jq -r --arg login "$LOGIN" \
  '.users[] | select(.login == $login) | .password' "$DATA/cyberark.json")}

start=$(post /CDirectoryService/StartAuthentication \
  "$(jq -nc --arg t "$TENANT" --arg u "$LOGIN" '{TenantId: $t, User: $u}')")
echo "StartAuthentication: $(jq -r '.Result.Summary' <<<"$start")"

# The session is under Result.ReturnData, or directly under Result (the /Security shape).
session='(.Result.ReturnData // .Result)'
SESSION_ID=$(jq -r "$session.SessionId" <<<"$start")
mechanism() {  # mechanism CHALLENGE NAME: the MechanismId of that mechanism, or nothing
  jq -r --argjson c "$1" --arg n "$2" "$session.Challenges[\$c]?.Mechanisms[]? | select(.Name == \$n) | .MechanismId" \
    <<<"$start"
}
UP_ID=$(mechanism 0 UP)
OTP_ID=$(mechanism 1 OTP)
echo "  SessionId $SESSION_ID, UP ${UP_ID:-none}, OTP ${OTP_ID:-none}"

send() {  # send ACTION MECHANISM_ID [ANSWER]: one SendIdentityVerification, prints the answer body
  post /CDirectoryService/SendIdentityVerification "$(jq -nc --arg a "$1" --arg m "$2" --arg s "$SESSION_ID" \
    --arg t "$TENANT" --arg answer "${3:-}" \
    '{Action: $a, MechanismId: $m, SessionId: $s, TenantId: $t} + (if $answer == "" then {} else {Answer: $answer} end)')"
}

answer=$(send Answer "$UP_ID" "$PASSWORD")
echo "Answer (UP): $(jq -r '.Result.Summary' <<<"$answer")"             # StartNextChallenge

summary=$(jq -r '.Result.Summary' <<<"$answer")
if [ -n "$OTP_ID" ]; then                                                 # a user with a second challenge
  oob=$(send StartOOB "$OTP_ID")
  summary=$(jq -r '.Result.Summary' <<<"$oob")
  echo "StartOOB (OTP): $summary"                                         # OobPending
fi

calls=0
while [ "$summary" = OobPending ] && [ "$calls" -lt "$MAX_CALLS" ]; do
  sleep "$POLL_SECONDS"
  poll=$(send Poll "$OTP_ID")                                             # the same OTP MechanismId
  summary=$(jq -r '.Result.Summary // "(none)"' <<<"$poll")
  calls=$((calls + 1))
  echo "Poll $calls: $summary"                                            # OobPending, OobPending, LoginSuccess
done
[ "$summary" = LoginSuccess ] || { echo "CyberArk: no LoginSuccess (last answer: $summary)" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------- IronVest
API_KEY=${IRONVEST_API_KEY:-$(jq -r --arg cid "$CID" \
  '.clients[] | select(.cid == $cid) | .apiKey' "$DATA/ironvest.json")}
CSID=walkthrough-$$-$RANDOM                                               # a new session: no decision yet

body=$(jq -nc --arg cid "$CID" --arg csid "$CSID" '{cid: $cid, csid: $csid, uid: "u1", action: "WireTransfer",
  additionalData: {sessionData: [{key: "amount", value: 35, synonyms: ["amount"]}]}}')

calls=0
while :; do
  verdict=$(post /v1/validate "$body" -H "apikey: $API_KEY")
  calls=$((calls + 1))
  echo "validate $calls: $(jq -c . <<<"$verdict")"
  [ "$(jq -r '.errorMessage // ""' <<<"$verdict")" = processing ] || break
  [ "$calls" -lt "$MAX_CALLS" ] || { echo "IronVest: still processing after $calls calls" >&2; exit 1; }
  wait_ms=$(jq -r '.retryAfterMS // 200' <<<"$verdict")                  # honour retryAfterMS; 200 ms without it
  sleep "$(awk -v ms="$wait_ms" 'BEGIN { printf "%.3f", ms / 1000 }')"
done
