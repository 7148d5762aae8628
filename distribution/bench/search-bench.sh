#!/usr/bin/env bash
# Benchmark: full-text search of 100,000 pooled patents (half Chinese) with three facet filters, and fetching one
# patent by number (p50, p95), against a baseline request measured in the same run. The patents are imported through
# POST /api/patentpool/imports (the import's duration is printed too).
# Usage: mvn -q package -DskipTests && distribution/bench/search-bench.sh [requests=300] [repeats=3] [patents=100000]
set -euo pipefail
N=${1:-300}
REPEATS=${2:-3}
PATENTS=${3:-100000}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-searchbench.XXXXXX)
PORT=${BENCH_PORT:-18083}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
export ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD
"$DIST/bin/alliance" start --demo >/dev/null
BASE="http://127.0.0.1:$PORT/api"
MEMBER=""
for _ in $(seq 1 600); do   # the demo pool names its members' tenant ids
  MEMBER=$(curl -s "$BASE/patentpool/search?limit=1" | grep -o '"memberTenantId":"[^"]*"' | head -n 1 | cut -d'"' -f4) || true
  [ -n "$MEMBER" ] && break; sleep 0.1
done
java "$ROOT/distribution/bench/SearchBench.java" generate "$WORK/patents.csv" "$PATENTS" "$MEMBER"
START=$(date +%s.%N)
JOB=$(curl -s -u "admin:$PASSWORD" --data-binary @"$WORK/patents.csv" -H 'Content-Type: text/csv' \
  "$BASE/patentpool/imports?format=lens-csv" | grep -o '"id":"[^"]*"' | cut -d'"' -f4)
until curl -s -u "admin:$PASSWORD" "$BASE/patentpool/imports/$JOB" | grep -q '"state":"done"'; do sleep 1; done
until curl -s "$BASE/patentpool/search?jurisdiction=KR&limit=1" | grep -q "\"total\":$((PATENTS / 8))"; do sleep 0.5; done
echo "imported and indexed $PATENTS patents in $(echo "$(date +%s.%N) - $START" | bc) s"
curl -s -u "admin:$PASSWORD" "$BASE/patentpool/imports/$JOB" | grep -o '"imported":[0-9]*,"updated":[0-9]*,"unchanged":[0-9]*,"rejected":[0-9]*'
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i ($N requests each, interleaved)"
  java "$ROOT/distribution/bench/SearchBench.java" measure "$PORT" "$N" "$PATENTS"
done
