#!/usr/bin/env bash
# Benchmark: cold start, hot-deploy latency and idle memory of the Carbon Alliance server, against a bare Felix
# runtime (framework, SCR, ConfigAdmin, HTTP Jetty, web console only) measured in the same run, from the same jars.
# Usage: mvn -q package -DskipTests && distribution/bench/startup-bench.sh [runs=5] [idle-seconds=15]
# Each run starts from an empty data/ folder (first start), is stopped with SIGTERM and started again with its data
# kept (restart). Prints the median of the runs for each figure.
set -euo pipefail

RUNS=${1:-5}
IDLE=${2:-15}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TARBALL=$(ls "$ROOT"/distribution/target/carbon-alliance-*.tar.gz | head -n 1)
WORK=$(mktemp -d /tmp/alliance-bench.XXXXXX)
PORT=${BENCH_PORT:-18080}
PASSWORD=bench-operator-password-1
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$WORK"' EXIT

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# wait_for URL [curl options...]: polls until HTTP 200, prints the time it answered (ms since epoch)
wait_for() {
  local url=$1; shift
  for _ in $(seq 1 3000); do
    if [ "$(curl -s -o /dev/null -w '%{http_code}' "$@" "$url")" = 200 ]; then now_ms; return 0; fi
    sleep 0.02
  done
  echo "timed out waiting for $url" >&2; return 1
}

rss_mb() { awk '/VmRSS/ { printf "%d", $2 / 1024 }' "/proc/$1/status"; }

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

mkdir -p "$WORK/dist"
tar xzf "$TARBALL" -C "$WORK/dist"
DIST=$(ls -d "$WORK"/dist/carbon-alliance-*)

# The bare runtime: the same launcher and jars, only the bundles a plain Felix HTTP + console needs.
BARE="$WORK/bare"
mkdir -p "$BARE/conf"
cp -r "$DIST/lib" "$DIST/system" "$BARE/"
grep -E 'spifly|logback|org.osgi.service.log/|org.osgi.util.function|org.osgi.util.promise|org.osgi.service.component/|felix.scr|felix.configadmin|http.servlet-api|http.wrappers|commons-io|commons-fileupload|http.jetty12|owasp|felix.inventory|felix.webconsole/|slf4j-api' \
  "$DIST/conf/startup.txt" > "$BARE/conf/startup.txt"
cat > "$BARE/conf/config.properties" <<PROPS
org.osgi.framework.storage=\${alliance.data}/cache
org.osgi.framework.startlevel.beginning=10
org.osgi.service.http.port=$PORT
org.apache.felix.http.host=127.0.0.1
PROPS

JAVA_OPTS_BENCH=${JAVA_OPTS:-"-Xms32m -Xmx768m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xss512k"}

run_bare() {
  rm -rf "$BARE/data"
  local start0; start0=$(now_ms)
  local start=$start0
  # shellcheck disable=SC2086
  java $JAVA_OPTS_BENCH -Dalliance.home="$BARE" -Dlogback.configurationFile="$DIST/conf/logback.xml" -Dalliance.console.level=OFF -cp "$BARE/lib/*" org.carbonalliance.launcher.Main \
    </dev/null >"$WORK/bare.out" 2>&1 &
  local pid=$!
  local http; http=$(wait_for "http://127.0.0.1:$PORT/system/console/bundles" -u admin:admin)
  sleep "$IDLE"
  local rss; rss=$(rss_mb $pid)
  kill $pid; wait $pid 2>/dev/null || true
  start=$(now_ms)
  # shellcheck disable=SC2086
  java $JAVA_OPTS_BENCH -Dalliance.home="$BARE" -Dlogback.configurationFile="$DIST/conf/logback.xml" -Dalliance.console.level=OFF -cp "$BARE/lib/*" org.carbonalliance.launcher.Main \
    </dev/null >"$WORK/bare.out" 2>&1 &
  pid=$!
  local again; again=$(wait_for "http://127.0.0.1:$PORT/system/console/bundles" -u admin:admin)
  echo "$((http - start0)) $rss $((again - start))"
  kill $pid; wait $pid 2>/dev/null || true
}

run_platform() {
  rm -rf "$DIST/data"/{cache,db,log,tmp} "$DIST/data/operator-password.txt" "$DIST/deploy"/*.jar
  local start; start=$(now_ms)
  ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 ALLIANCE_ADMIN_PASSWORD=$PASSWORD \
    "$DIST/bin/alliance" run </dev/null >"$WORK/platform.out" 2>&1 &
  local pid=$!
  local health; health=$(wait_for "http://127.0.0.1:$PORT/api/health")
  local console; console=$(wait_for "http://127.0.0.1:$PORT/system/console/alliance" -u "admin:$PASSWORD")
  sleep "$IDLE"
  local rss; rss=$(rss_mb $pid)
  local dropped; dropped=$(now_ms)
  cp "$DIST"/system/org/carbonalliance/example-hello-servlet/*/example-hello-servlet-*.jar "$WORK/hello.jar"
  mv "$WORK/hello.jar" "$DIST/deploy/hello.jar"
  local served; served=$(wait_for "http://127.0.0.1:$PORT/api/hello")
  kill $pid; wait $pid 2>/dev/null || true
  rm -f "$DIST/deploy/hello.jar"
  local restart; restart=$(now_ms)
  ALLIANCE_HTTP_PORT=$PORT ALLIANCE_HTTP_HOST=127.0.0.1 "$DIST/bin/alliance" run </dev/null >"$WORK/platform.out" 2>&1 &
  pid=$!
  local again; again=$(wait_for "http://127.0.0.1:$PORT/api/health")
  local console_again; console_again=$(wait_for "http://127.0.0.1:$PORT/system/console/alliance" -u "admin:$PASSWORD")
  echo "$((health - start)) $((console - start)) $rss $((served - dropped)) $((again - restart)) $((console_again - restart))"
  kill $pid; wait $pid 2>/dev/null || true
}

: > "$WORK/bare.txt"; : > "$WORK/platform.txt"
for i in $(seq 1 "$RUNS"); do
  run_bare >> "$WORK/bare.txt"
  run_platform >> "$WORK/platform.txt"
  echo "run $i/$RUNS: bare $(tail -n 1 "$WORK/bare.txt") | platform $(tail -n 1 "$WORK/platform.txt")" >&2
done

bare_start=$(cut -d' ' -f1 "$WORK/bare.txt" | median)
bare_rss=$(cut -d' ' -f2 "$WORK/bare.txt" | median)
bare_restart=$(cut -d' ' -f3 "$WORK/bare.txt" | median)
p_restart=$(cut -d' ' -f5 "$WORK/platform.txt" | median)
p_restart_console=$(cut -d' ' -f6 "$WORK/platform.txt" | median)
p_health=$(cut -d' ' -f1 "$WORK/platform.txt" | median)
p_console=$(cut -d' ' -f2 "$WORK/platform.txt" | median)
p_rss=$(cut -d' ' -f3 "$WORK/platform.txt" | median)
p_deploy=$(cut -d' ' -f4 "$WORK/platform.txt" | median)

echo
echo "Medians of $RUNS runs (cold start from an empty data/ folder; RSS after ${IDLE}s idle)"
printf '%-44s %10s %10s\n' "" "bare Felix" "platform"
printf '%-44s %8s ms %8s ms\n' "start to first 200 (console / api/health)" "$bare_start" "$p_health"
printf '%-44s %8s ms %8s ms\n' "start to web console 200" "$bare_start" "$p_console"
printf '%-44s %8s ms %8s ms\n' "restart (data kept) to api/health 200" "$bare_restart" "$p_restart"
printf '%-44s %8s ms %8s ms\n' "restart (data kept) to web console 200" "$bare_restart" "$p_restart_console"
printf '%-44s %10s %8s ms\n' "hot deploy: jar dropped to servlet 200" "-" "$p_deploy"
printf '%-44s %8s MB %8s MB\n' "idle resident memory" "$bare_rss" "$p_rss"
awk -v p="$p_health" -v b="$bare_start" -v r="$p_restart" -v rb="$bare_restart" \
  'BEGIN { printf "platform / bare: first start %.2f, restart %.2f (target <= 1.30)\n", p / b, r / rb }'
