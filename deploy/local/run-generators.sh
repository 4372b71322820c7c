#!/usr/bin/env bash
# N load generators on one machine, each a process against a stub server of its own, with exactly the environment
# the Kubernetes Indexed Job gives its pods (JOB_COMPLETION_INDEX, LOAD_INJECTORS, LOAD_RUN_ID, LOAD_START_AT,
# LOAD_RESULTS_DIR, the base URLs of the sidecar stub); then one merge, one verdict, reports/index.html.
#
#   deploy/local/run-generators.sh 3
#   LOAD_PROFILE=load LOAD_USERS_PER_SEC=60 LOAD_DURATION_SECONDS=30 deploy/local/run-generators.sh 2
#
# Every other harness variable you export (LOAD_*, SLA_*, POLL_*...) reaches every generator, as a ConfigMap would.
# The exit code is the merge's: 0 every gate holds, 1 a gate broke, 2 the records could not be merged.
set -euo pipefail

N=${1:?usage: deploy/local/run-generators.sh N   (N load generators, each with its own stub)}
[[ "$N" =~ ^[1-9][0-9]?$ ]] || { echo "run-generators: N must be a whole number from 1 to 99, not '$N'" >&2; exit 2; }
cd "$(dirname "$0")/../.."

echo "run-generators: building the jars and the class path"
./mvnw -q -B -ntp package -DskipTests -Dinvoker.skip=true
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/classpath.txt
CLASSPATH_ALL="target/test-classes:target/classes:$(cat target/classpath.txt)"

RUN_ID=${LOAD_RUN_ID:-local-$(date +%s)}
RESULTS=${LOAD_RESULTS_DIR:-target/load-records}
START_AT=$(date -u -d '+20 seconds' +%Y-%m-%dT%H:%M:%SZ)
BASE_PORT=${STUB_BASE_PORT:-18100}
LOGS=target/generators/$RUN_ID
mkdir -p "$LOGS"

pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; }
trap cleanup EXIT

for ((i = 0; i < N; i++)); do
  java -jar target/idv-stubs.jar --port $((BASE_PORT + i)) --max-lifetime-seconds 3600 >"$LOGS/stub-$i.log" 2>&1 &
  pids+=($!)
done
for ((i = 0; i < N; i++)); do
  for _ in $(seq 1 100); do
    curl -fs -o /dev/null "http://127.0.0.1:$((BASE_PORT + i))/__admin/idv/stats" && break
    sleep 0.1
  done
done

echo "run-generators: run $RUN_ID, $N generator(s), starting together at $START_AT; logs in $LOGS"
generators=()
for ((i = 0; i < N; i++)); do
  env JOB_COMPLETION_INDEX=$i LOAD_INJECTORS="$N" LOAD_RUN_ID="$RUN_ID" LOAD_START_AT="$START_AT" \
    LOAD_RESULTS_DIR="$RESULTS" \
    CYBERARK_BASE_URL="http://127.0.0.1:$((BASE_PORT + i))" IRONVEST_BASE_URL="http://127.0.0.1:$((BASE_PORT + i))" \
    java -Xmx1g --add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/jdk.internal.misc=ALL-UNNAMED \
    -cp "$CLASSPATH_ALL" dev.idvharness.load.job.Generator >"$LOGS/generator-$i.log" 2>&1 &
  generators+=($!)
done
failed=0
for ((i = 0; i < N; i++)); do
  wait "${generators[$i]}" || { echo "run-generators: generator $i failed, see $LOGS/generator-$i.log" >&2; failed=1; }
done
cleanup
pids=()

echo "run-generators: merging $RESULTS/$RUN_ID"
java -cp "$CLASSPATH_ALL" dev.idvharness.load.job.LoadMerge "$RESULTS/$RUN_ID" || exit $?
exit $failed
