#!/usr/bin/env bash
# One distributed load run on Kubernetes: N generators (an Indexed Job), then the merge, then ./reports.
#   deploy/kubernetes/run.sh N [namespace]            namespace default: idv-load
# Environment (none of these reaches the pods; the run's settings are in load-settings.yaml):
#   IDV_IMAGE              the image built from deploy/docker/Dockerfile (default idv-harness:latest)
#   IDV_TARGET             sidecar (default: a stub in every pod) or shared (shared-target.yaml; mind the vendor)
#   IDV_START_DELAY_SECONDS  the generators start injecting this long after now (default 60): enough for every pod
#                          to be scheduled, pull the image and start its stub
#   IDV_DEADLINE_SECONDS   the generator Job is stopped after this long (default 1800; raise it for a soak)
#   IDV_REPORTS_DIR        where the reports are copied (default ./reports)
# Exit: 0 every gate held; 1 a gate broke; 2 the merge refused the records; 3 the run could not be carried out.
# Needs kubectl and coreutils. docs/distributed-load.md explains every step.
set -Eeuo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "run.sh: $*" >&2; exit 3; }
# anything else that fails (a kubectl call refused, say) is a run that could not be carried out, not a broken gate
trap 'code=$?; ((code == 3)) || echo "run.sh: failed (exit $code) at line $LINENO: $BASH_COMMAND" >&2; exit 3' ERR

[[ $# -ge 1 && $# -le 2 ]] || { echo "usage: $0 N [namespace]" >&2; exit 3; }
injectors="$1"
namespace="${2:-idv-load}"
[[ "$injectors" =~ ^[1-9][0-9]*$ ]] || fail "N must be a whole number >= 1, got '$injectors'"
image="${IDV_IMAGE:-idv-harness:latest}"
target="${IDV_TARGET:-sidecar}"
start_delay="${IDV_START_DELAY_SECONDS:-60}"
deadline="${IDV_DEADLINE_SECONDS:-1800}"
reports_dir="${IDV_REPORTS_DIR:-reports}"
[[ "$start_delay" =~ ^[0-9]+$ ]] || fail "IDV_START_DELAY_SECONDS must be a whole number, got '$start_delay'"
[[ "$deadline" =~ ^[1-9][0-9]*$ ]] || fail "IDV_DEADLINE_SECONDS must be a whole number > 0, got '$deadline'"
case "$target" in
  sidecar) generators="$here/generators-job.yaml" ;;
  shared) generators="$here/generators-job-shared-target.yaml" ;;
  *) fail "IDV_TARGET must be sidecar or shared, got '$target'" ;;
esac
command -v kubectl > /dev/null || fail "kubectl not found on PATH"
k() { kubectl -n "$namespace" "$@"; }

# --- what must exist before a run ---
kubectl get namespace "$namespace" > /dev/null 2>&1 \
  || fail "no namespace $namespace: kubectl create namespace $namespace"
k get pvc idv-results > /dev/null 2>&1 \
  || fail "no PersistentVolumeClaim idv-results in $namespace: kubectl apply -n $namespace -f $here/pvc.yaml"
if [[ "$target" == shared ]]; then
  k get secret idv-vendor-secrets > /dev/null 2>&1 \
    || fail "no Secret idv-vendor-secrets in $namespace (CYBERARK_PASSWORD, IRONVEST_API_KEY):" \
      "see $here/shared-target.yaml"
fi

# --- the run's id and start, and the manifests with them ---
run_id="$(date -u +%Y%m%d-%H%M%S)-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')"
start_epoch=$(( $(date -u +%s) + start_delay ))
# GNU date, else BSD date
start_at="$(date -u -d "@$start_epoch" +%Y-%m-%dT%H:%M:%SZ 2> /dev/null \
  || date -u -r "$start_epoch" +%Y-%m-%dT%H:%M:%SZ)"
# shellcheck disable=SC2016  # the placeholders are literal text
render() {
  local text
  text="$(sed -e "s|\${RUN_ID}|$run_id|g" -e "s|\${START_AT}|$start_at|g" -e "s|\${INJECTORS}|$injectors|g" \
    -e "s|\${IMAGE}|$image|g" -e "s|\${DEADLINE_SECONDS}|$deadline|g" "$1")"
  if grep -q '\${' <<< "$text"; then
    fail "$1 has a placeholder run.sh does not know: $(grep -o '\${[A-Z_]*}' <<< "$text" | sort -u | tr '\n' ' ')"
  fi
  printf '%s\n' "$text"
}

# every manifest rendered before anything is applied: a bad one stops the run before any load
settings_yaml="$(render "$here/load-settings.yaml")"
shared_yaml="$(render "$here/shared-target.yaml")"
generators_yaml="$(render "$generators")"
merge_yaml="$(render "$here/merge-job.yaml")"
fetch_yaml="$(render "$here/fetch-pod.yaml")"
apply() {
  k apply -f - <<< "$2" > /dev/null || fail "kubectl apply of $1 refused (above)"
}
echo "run $run_id: $injectors generator(s) in $namespace ($target target), injecting from $start_at, image $image"
# a job's state: Complete, Failed or running (an unanswered query counts as running: the caller's time limit decides)
state() {
  local conditions
  conditions=" $(k get job "$1" -o jsonpath='{range .status.conditions[?(@.status=="True")]}{.type}{" "}{end}' \
    2> /dev/null || true) "
  case "$conditions" in
    *" Complete "*) echo Complete ;;
    *" Failed "*) echo Failed ;;
    *) echo running ;;
  esac
}
# wait for a job to end, at most $2 seconds; prints its final state
wait_job() {
  local job="$1" limit=$(( $(date -u +%s) + $2 )) now last=0 s
  while :; do
    s="$(state "$job")"
    [[ "$s" != running ]] && { echo "$s"; return; }
    now=$(date -u +%s)
    (( now < limit )) || { echo timeout; return; }
    if (( now - last >= 30 )); then
      echo "  $job: $(k get job "$job" 2> /dev/null \
        -o jsonpath='{.status.active} active, {.status.succeeded} succeeded, {.status.failed} failed' || true)" >&2
      last=$now
    fi
    sleep 5
  done
}

# --- the generators ---
apply load-settings.yaml "$settings_yaml"
if [[ "$target" == shared ]]; then
  echo "WARNING: load against the shared target of shared-target.yaml: mind the vendor's rate limits (docs/load.md)" >&2
  apply shared-target.yaml "$shared_yaml"
fi
apply "$(basename "$generators")" "$generators_yaml"
echo "generators: job idv-load-$run_id (logs: kubectl -n $namespace logs -l idv-harness/run-id=$run_id -c generator)"
result="$(wait_job "idv-load-$run_id" $(( start_delay + deadline + 120 )))"
if [[ "$result" != Complete ]]; then
  echo "run.sh: generator job idv-load-$run_id: $result; its pods:" >&2
  k get pods -l "job-name=idv-load-$run_id" -o wide >&2 || true
  fail "no merge: the run is incomplete (kubectl -n $namespace logs <pod> -c generator says why)"
fi
echo "generators: all $injectors completed"

# --- the merge: one verdict for the run ---
apply merge-job.yaml "$merge_yaml"
result="$(wait_job "idv-merge-$run_id" 960)"
k logs "job/idv-merge-$run_id" -c merge 2> /dev/null || echo "run.sh: no log of the merge" >&2
[[ "$result" != timeout ]] || fail "merge job idv-merge-$run_id did not end within 960 s"
code="$(k get pods -l "job-name=idv-merge-$run_id" \
  -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.exitCode}')"
[[ "$code" =~ ^[0-9]+$ ]] || fail "merge job idv-merge-$run_id: $result, but its exit code cannot be read"

# --- the reports, back here through a short-lived pod ---
fetch="idv-fetch-$run_id"
trap 'k delete pod "$fetch" --wait=false > /dev/null 2>&1 || true' EXIT
apply fetch-pod.yaml "$fetch_yaml"
k wait --for=condition=Ready "pod/$fetch" --timeout=180s > /dev/null \
  || fail "pod $fetch not ready within 180 s: the reports stay in the volume, under /results/$run_id/reports"
if k exec "$fetch" -c fetch -- test -f "/results/$run_id/reports/index.html"; then
  mkdir -p "$reports_dir"
  k cp -c fetch "$fetch:/results/$run_id/reports" "$reports_dir" > /dev/null 2>&1 \
    || fail "kubectl cp of /results/$run_id/reports failed: they stay in the volume"
  echo "reports: $reports_dir/index.html (run $run_id)"
else
  echo "run.sh: the merge wrote no /results/$run_id/reports/index.html: nothing copied" >&2
fi

case "$code" in
  0) echo "run $run_id: every gate held" ;;
  1) echo "run $run_id: a gate broke (see above and $reports_dir/index.html)" >&2 ;;
  2) echo "run $run_id: the merge refused the records (see above)" >&2 ;;
  *) echo "run $run_id: the merge ended with exit code $code" >&2; code=3 ;;
esac
exit "$code"
