#!/usr/bin/env bash
# Benchmark: time of a refused login for an unknown user against a known user's wrong password (the baseline).
# Usage: mvn -q package -DskipTests && distribution/bench/refusal-bench.sh [rounds=15] [repeats=3]
# Starts the packaged server on a fresh data/ folder, runs RefusalBench.java [repeats] times and stops the server.
set -euo pipefail
ROUNDS=${1:-15}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-refusalbench.XXXXXX)
PORT=${BENCH_PORT:-18082}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD "$DIST/bin/alliance" start
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i"
  java "$ROOT/distribution/bench/RefusalBench.java" "$PORT" "admin:$PASSWORD" "$ROUNDS"
done
