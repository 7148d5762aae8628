#!/usr/bin/env bash
# Benchmark: a licence request judged by ten policies and granted, and a licensor's first page of licences among
# 50,000 (p50, p95), against a baseline request measured in the same run.
# Usage: mvn -q package -DskipTests && distribution/bench/licensing-bench.sh [requests=200] [repeats=3]
set -euo pipefail
N=${1:-200}
REPEATS=${2:-3}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
WORK=$(mktemp -d /tmp/alliance-licbench.XXXXXX)
PORT=${BENCH_PORT:-18084}
PASSWORD=bench-operator-password-1
tar xzf "$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)" -C "$WORK"
DIST=$(ls -d "$WORK"/carbon-alliance-*)
trap '"$DIST/bin/alliance" stop >/dev/null; rm -rf "$WORK"' EXIT
export ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD
BASE="http://127.0.0.1:$PORT/api"
"$DIST/bin/alliance" start >/dev/null
# Ten policies: three built in, the country-review example and six from bench-endpoints.
cp "$(ls "$ROOT"/bundles/examples/bench-endpoints/target/bench-endpoints-*.jar | head -n 1)" "$DIST/deploy/"
cp "$(ls "$ROOT"/bundles/examples/country-review-policy/target/example-country-review-policy-*.jar | head -n 1)" "$DIST/deploy/"
read -r TENANT LOGIN < <(java "$ROOT/distribution/bench/LicensingBench.java" member "$PORT" "$PASSWORD")
# The member pools one patent, then the server stops for the seeding of 50,000 licences.
curl -s -o /dev/null -u "$LOGIN" -H 'Content-Type: application/json' "$BASE/patentpool/patents" -d \
  '{"publicationNumber":"CN129999999B","applicationDate":"2020-01-01","titleEn":"Bench patent","applicants":["Bench Licensee Co"],"cpcCodes":["Y02E 60/10"]}'
"$DIST/bin/alliance" stop >/dev/null
H2=$(ls "$DIST"/system/com/h2database/h2/*/h2-*.jar)
java -cp "$H2" "$ROOT/distribution/bench/LicensingBench.java" seed "jdbc:h2:file:$DIST/data/db/alliance" 50000 "$TENANT"
"$DIST/bin/alliance" start >/dev/null
for _ in $(seq 1 100); do   # until the ten policies are registered
  curl -s -u "$LOGIN" -H 'Content-Type: application/json' "$BASE/licensing/requests" \
    -d '{"patents":["CN129999999B"],"intendedUse":"warm-up","countries":["CN"]}' | grep -q 'bench-policy-6' && break
  sleep 0.2
done
for i in $(seq 1 "$REPEATS"); do
  echo "-- repeat $i ($N requests each, interleaved)"
  java -Dpatent=CN129999999B "$ROOT/distribution/bench/LicensingBench.java" measure "$PORT" "$LOGIN" "$N"
done
