#!/usr/bin/env bash
# Benchmark: ingest of a year of minute readings of one metric (HTTP SenML, batches of 10,000, acknowledged after
# commit), then series queries over it (a day raw, a month of hours, a year of days) against GET /api/health, p50/p95.
# Usage: mvn -q package -DskipTests && distribution/bench/telemetry-bench.sh [days=365] [queries=200] [repeats=3]
set -euo pipefail
DAYS=${1:-365}
N=${2:-200}
REPEATS=${3:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-tmbench.XXXXXX)
PORT=${BENCH_PORT:-18086}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
export ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD
"$DIST/bin/alliance" start >/dev/null
read -r TENANT LOGIN < <(java "$ROOT/distribution/bench/LicensingBench.java" member "$PORT" "$PASSWORD")
read -r DEVICE TOKEN < <(java "$ROOT/distribution/bench/TelemetryBench.java" device "$PORT" "$LOGIN")
java "$ROOT/distribution/bench/TelemetryBench.java" ingest "$PORT" "$TOKEN" "$DAYS"
for i in $(seq 1 "$REPEATS"); do
  echo "-- series, repeat $i ($N of each, interleaved)"
  java "$ROOT/distribution/bench/TelemetryBench.java" series "$PORT" "$LOGIN" "$DEVICE" "$N"
done
