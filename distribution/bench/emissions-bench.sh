#!/usr/bin/env bash
# Benchmark: full recalculation of a member's year with 1,000,000 activity records (against a report of 10 records,
# interleaved), and the public roll-up over 1,000 members' published reports (against GET /api/health), p50 and p95.
# Usage: mvn -q package -DskipTests && distribution/bench/emissions-bench.sh [records=1000000] [repeats=3]
set -euo pipefail
N=${1:-1000000}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-embench.XXXXXX)
PORT=${BENCH_PORT:-18085}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
export ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD
"$DIST/bin/alliance" start >/dev/null
read -r TENANT LOGIN < <(java "$ROOT/distribution/bench/LicensingBench.java" member "$PORT" "$PASSWORD")
for _ in $(seq 1 150); do   # until the four shipped factor sources are loaded
  [ "$(curl -s "http://127.0.0.1:$PORT/api/emissions/factors/sources" | grep -o '"state":"active"' | wc -l)" -ge 4 ] && break
  sleep 0.2
done
read -r REPORT BASELINE < <(java "$ROOT/distribution/bench/EmissionsBench.java" inventory "$PORT" "$LOGIN" "$N")
for i in $(seq 1 "$REPEATS"); do
  echo "-- recalculation, repeat $i (10 each, interleaved)"
  java "$ROOT/distribution/bench/EmissionsBench.java" calculate "$PORT" "$LOGIN" "$REPORT" "$BASELINE" 10
done
"$DIST/bin/alliance" stop >/dev/null
H2=$(ls "$DIST"/system/com/h2database/h2/*/h2-*.jar)
java -cp "$H2" "$ROOT/distribution/bench/EmissionsBench.java" seed-rollup "jdbc:h2:file:$DIST/data/db/alliance" 1000 5
"$DIST/bin/alliance" start >/dev/null
for i in $(seq 1 "$REPEATS"); do
  echo "-- roll-up, repeat $i (200 each, interleaved)"
  java "$ROOT/distribution/bench/EmissionsBench.java" rollup "$PORT" 200
done
