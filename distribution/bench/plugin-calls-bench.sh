#!/usr/bin/env bash
# Benchmark: what the platform's time limit on plugin calls (PluginCalls) costs per call, against calling the same
# work directly (the baseline), in one JVM, one caller and eight at once.
# Usage: mvn -q install -DskipTests && distribution/bench/plugin-calls-bench.sh [calls=20000] [runs=5]
set -euo pipefail
CALLS=${1:-20000}
RUNS=${2:-5}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
M2=${MAVEN_REPO:-$HOME/.m2/repository}
CP="$(ls "$ROOT"/bundles/platform/api/target/platform-api-*.jar | head -n 1)"
CP="$CP:$(ls "$ROOT"/bundles/platform/web/target/platform-web-*.jar | head -n 1)"
CP="$CP:$M2/org/osgi/osgi.core/8.0.0/osgi.core-8.0.0.jar"
CP="$CP:$(ls "$M2"/org/slf4j/slf4j-api/2.0.17/slf4j-api-2.0.17.jar)"
java -cp "$CP" "$ROOT/distribution/bench/PluginCallsBench.java" "$CALLS" "$RUNS" 2>&1 | grep -v "^SLF4J"
