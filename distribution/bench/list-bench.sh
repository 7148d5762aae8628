#!/usr/bin/env bash
# Benchmark: listing 10,000 membership applications with a state filter (p50, p95), against a baseline request
# measured in the same run. Usage: mvn -q package -DskipTests && distribution/bench/list-bench.sh [requests=500] [repeats=3]
set -euo pipefail
N=${1:-500}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-listbench.XXXXXX)
PORT=${BENCH_PORT:-18082}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
wait_health() {
  for _ in $(seq 1 600); do
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/health")" = 200 ] && return 0; sleep 0.1
  done
  return 1
}
export ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD
"$DIST/bin/alliance" start >/dev/null && wait_health
for _ in $(seq 1 100); do   # the membership tables exist once its component has run its migration
  [ "$(curl -s -o /dev/null -w '%{http_code}' -u "admin:$PASSWORD" "http://127.0.0.1:$PORT/api/membership/applications")" = 200 ] && break
  sleep 0.1
done
"$DIST/bin/alliance" stop >/dev/null
H2=$(ls "$DIST"/system/com/h2database/h2/*/h2-*.jar)
java -cp "$H2" "$ROOT/distribution/bench/ListBench.java" seed \
  "jdbc:h2:file:$DIST/data/db/alliance" 10000
"$DIST/bin/alliance" start >/dev/null && wait_health
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i ($N requests each, interleaved)"
  java "$ROOT/distribution/bench/ListBench.java" measure "$PORT" "admin:$PASSWORD" "$N"
done
