#!/usr/bin/env bash
# One distributed load run on Kubernetes: N generators (an Indexed Job), then the merge, then ./reports.
#   deploy/kubernetes/run.sh N [namespace]                namespace default: idv-load
#   deploy/kubernetes/run.sh --render DIR N               the run's manifests into DIR, and nothing sent to a cluster
# The manifests are deploy/kubernetes/load/ (Kustomize): run.sh copies that folder, writes the run's values into the
# copy's run/run.yaml, renders each piece with `kubectl kustomize` and applies what it rendered.
# Environment (none of these reaches the pods; the run's settings are in load/settings/settings.env):
#   IDV_IMAGE              the image built from deploy/docker/Dockerfile (default idv-harness:latest)
#   IDV_TARGET             sidecar (default: a stub in every pod) or shared (load/generators-shared-target; mind the
#                          vendor)
#   IDV_START_DELAY_SECONDS  the generators start injecting this long after now (default 60): enough for every pod
#                          to be scheduled, pull the image and start its stub
#   IDV_DEADLINE_SECONDS   the generator Job is stopped after this long (default 1800; raise it for a soak)
#   IDV_MERGE_DEADLINE_SECONDS  the merge Job is stopped after this long (default 900; it reads every record of the
#                          run, so a long run of many generators may need more)
#   IDV_REPORTS_DIR        where the reports are copied (default ./reports)
# Exit: 0 every gate held; 1 a gate broke; 2 the merge refused the records; 3 the run could not be carried out.
# Needs kubectl 1.27 or newer (its Kustomize 5) and coreutils. docs/distributed-load.md explains every step.
set -Eeuo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
fail() { echo "run.sh: $*" >&2; exit 3; }
# anything else that fails (a kubectl call refused, say) is a run that could not be carried out, not a broken gate
trap 'code=$?; ((code == 3)) || echo "run.sh: failed (exit $code) at line $LINENO: $BASH_COMMAND" >&2; exit 3' ERR

usage() { echo "usage: $0 N [namespace]  |  $0 --render DIR N" >&2; exit 3; }
render_dir=""
if [[ "${1:-}" == --render ]]; then
  [[ $# -eq 3 ]] || usage
  render_dir="$2"
  shift 2
fi
[[ $# -ge 1 && $# -le 2 ]] || usage
injectors="$1"
namespace="${2:-idv-load}"
[[ "$injectors" =~ ^[1-9][0-9]*$ ]] || fail "N must be a whole number >= 1, got '$injectors'"
image="${IDV_IMAGE:-idv-harness:latest}"
target="${IDV_TARGET:-sidecar}"
start_delay="${IDV_START_DELAY_SECONDS:-60}"
deadline="${IDV_DEADLINE_SECONDS:-1800}"
merge_deadline="${IDV_MERGE_DEADLINE_SECONDS:-900}"
reports_dir="${IDV_REPORTS_DIR:-reports}"
[[ "$start_delay" =~ ^[0-9]+$ ]] || fail "IDV_START_DELAY_SECONDS must be a whole number, got '$start_delay'"
[[ "$deadline" =~ ^[1-9][0-9]*$ ]] || fail "IDV_DEADLINE_SECONDS must be a whole number > 0, got '$deadline'"
[[ "$merge_deadline" =~ ^[1-9][0-9]*$ ]] \
  || fail "IDV_MERGE_DEADLINE_SECONDS must be a whole number > 0, got '$merge_deadline'"
# an image reference has no spaces or quotes: anything else would not be one, and would break run.yaml
[[ "$image" =~ ^[A-Za-z0-9][A-Za-z0-9._/:@-]*$ ]] || fail "IDV_IMAGE is not an image reference: '$image'"
case "$target" in
  sidecar) generators=generators ;;
  shared) generators=generators-shared-target ;;
  *) fail "IDV_TARGET must be sidecar or shared, got '$target'" ;;
esac
command -v kubectl > /dev/null || fail "kubectl not found on PATH"
k() { kubectl -n "$namespace" "$@"; }

# --- what must exist before a run (not for --render, which sends nothing) ---
if [[ -z "$render_dir" ]]; then
kubectl get namespace "$namespace" > /dev/null 2>&1 \
  || fail "no namespace $namespace: kubectl create namespace $namespace"
k get pvc idv-results > /dev/null 2>&1 \
  || fail "no PersistentVolumeClaim idv-results in $namespace: kubectl apply -k $here/load/volume -n $namespace"
if [[ "$target" == shared ]]; then
  k get secret idv-vendor-secrets > /dev/null 2>&1 \
    || fail "no Secret idv-vendor-secrets in $namespace (CYBERARK_PASSWORD, IRONVEST_API_KEY):" \
      "see $here/load/generators-shared-target/shared-target.env"
fi
fi

# --- the run's id and start, and the manifests with them ---
run_id="$(date -u +%Y%m%d-%H%M%S)-$(od -An -N2 -tx1 /dev/urandom | tr -d ' \n')"
start_epoch=$(( $(date -u +%s) + start_delay ))
# GNU date, else BSD date
start_at="$(date -u -d "@$start_epoch" +%Y-%m-%dT%H:%M:%SZ 2> /dev/null \
  || date -u -r "$start_epoch" +%Y-%m-%dT%H:%M:%SZ)"
# --- the run's values in a copy of the manifests, and every piece rendered before anything is applied: a bad one
# stops the run before any load ---
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -R "$here/load" "$work/load"
cat > "$work/load/run/run.yaml" <<EOF
# written by run.sh for run $run_id
apiVersion: idv-harness.dev/v1
kind: LoadRun
metadata:
  name: run
  annotations:
    config.kubernetes.io/local-config: "true"
spec:
  runId: "$run_id"
  startAt: "$start_at"
  injectors: $injectors
  deadlineSeconds: $deadline
  mergeDeadlineSeconds: $merge_deadline
  image: "$image"
EOF
render() {
  kubectl kustomize "$work/load/$1" || fail "kubectl kustomize of load/$1 failed (above)"
}
generators_yaml="$(render "$generators")"
merge_yaml="$(render merge)"
fetch_yaml="$(render fetch)"
if [[ -n "$render_dir" ]]; then
  mkdir -p "$render_dir"
  printf '%s\n' "$generators_yaml" > "$render_dir/generators.yaml"
  printf '%s\n' "$merge_yaml" > "$render_dir/merge.yaml"
  printf '%s\n' "$fetch_yaml" > "$render_dir/fetch.yaml"
  echo "run $run_id: $injectors generator(s) ($target target), injecting from $start_at, image $image:" \
    "rendered into $render_dir (generators.yaml, merge.yaml, fetch.yaml)"
  exit 0
fi
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
if [[ "$target" == shared ]]; then
  echo "WARNING: load against the shared target of shared-target.env: mind the vendor's rate limits (docs/load.md)" >&2
fi
apply "load/$generators" "$generators_yaml"
echo "generators: job idv-load-$run_id (logs: kubectl -n $namespace logs -l idv-harness/run-id=$run_id -c generator)"
result="$(wait_job "idv-load-$run_id" $(( start_delay + deadline + 120 )))"
if [[ "$result" != Complete ]]; then
  echo "run.sh: generator job idv-load-$run_id: $result; its pods:" >&2
  k get pods -l "job-name=idv-load-$run_id" -o wide >&2 || true
  fail "no merge: the run is incomplete (kubectl -n $namespace logs <pod> -c generator says why)"
fi
echo "generators: all $injectors completed"

# --- the merge: one verdict for the run ---
apply load/merge "$merge_yaml"
result="$(wait_job "idv-merge-$run_id" $(( merge_deadline + 60 )))"
k logs "job/idv-merge-$run_id" -c merge 2> /dev/null || echo "run.sh: no log of the merge" >&2
[[ "$result" != timeout ]] || fail "merge job idv-merge-$run_id did not end within $(( merge_deadline + 60 )) s"
code="$(k get pods -l "job-name=idv-merge-$run_id" \
  -o jsonpath='{.items[0].status.containerStatuses[0].state.terminated.exitCode}')"
[[ "$code" =~ ^[0-9]+$ ]] || fail "merge job idv-merge-$run_id: $result, but its exit code cannot be read"

# --- the reports, back here through a short-lived pod ---
fetch="idv-fetch-$run_id"
trap 'k delete pod "$fetch" --wait=false > /dev/null 2>&1 || true; rm -rf "$work"' EXIT
apply load/fetch "$fetch_yaml"
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
