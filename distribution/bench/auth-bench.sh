#!/usr/bin/env bash
# Benchmark: API-key and Basic authentication overhead per request, against the same request without credentials.
# Usage: mvn -q package -DskipTests && distribution/bench/auth-bench.sh [requests=3000] [repeats=3]
# Starts the packaged server on a fresh data/ folder, installs the hello example, creates an API key, runs
# AuthBench.java [repeats] times and stops the server.
set -euo pipefail
N=${1:-3000}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-authbench.XXXXXX)
PORT=${BENCH_PORT:-18081}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD "$DIST/bin/alliance" start
cp "$DIST/features/example-hello.json" "$DIST/deploy/"
for _ in $(seq 1 600); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/api/hello")" = 200 ] && break; sleep 0.1
done
KEY=$(curl -s -u "admin:$PASSWORD" -H 'Content-Type: application/json' -d '{"name":"benchmark"}' \
  "http://127.0.0.1:$PORT/api/identity/keys" | sed -E 's/.*"key":"([^"]+)".*/\1/')
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i"
  java "$ROOT/distribution/bench/AuthBench.java" "$PORT" "$KEY" "admin:$PASSWORD" "$N"
done
