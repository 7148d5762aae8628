#!/usr/bin/env bash
# Benchmark: the declared REST dispatch against a plain servlet doing the same work (the baseline), same server, same run.
# Usage: mvn -q package -DskipTests && distribution/bench/dispatch-bench.sh [requests=5000] [repeats=3]
# Starts the packaged server on a fresh data/ folder, deploys bundles/examples/bench-endpoints, creates an API key,
# runs DispatchBench.java [repeats] times and stops the server.
set -euo pipefail
N=${1:-5000}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-dispatchbench.XXXXXX)
PORT=${BENCH_PORT:-18083}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD "$DIST/bin/alliance" start
cp "$(ls "$ROOT"/bundles/examples/bench-endpoints/target/bench-endpoints-*.jar | head -n 1)" "$DIST/deploy/"
KEY=$(curl -s -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
  "http://127.0.0.1:$PORT/api/identity/keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')
for _ in $(seq 1 100); do
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d '{"meter":"m","kwh":1}' "http://127.0.0.1:$PORT/api/bench/declared")
  [ "$code" = 200 ] && break; sleep 0.1
done
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i"
  java "$ROOT/distribution/bench/DispatchBench.java" "$PORT" "$KEY" "$N"
done
