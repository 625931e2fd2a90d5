#!/usr/bin/env bash
# JMH micro-benchmarks of the gateway's hot paths (bench/jmh/src), built with the pom's "jmh" profile into
# target/jmh (never part of the service's jar). Short settings by default; pass JMH options to change them, e.g.
#   bench/jmh.sh                         # every benchmark with the short settings in DEFAULTS below
#   bench/jmh.sh RateLimitBench -f 1     # one class, JMH's own options after it
# Writes bench/results/jmh.json (JMH's JSON) and prints JMH's summary table.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
RESULTS="$ROOT/bench/results"
OUT="$ROOT/target/jmh"
# Short: 1 fork, 3 warm-up and 5 measured iterations of 1 s, average time per operation in nanoseconds.
DEFAULTS=(-f 1 -wi 3 -w 1s -i 5 -r 1s -bm avgt -tu ns)

command -v mvn >/dev/null || { echo "Maven is required" >&2; exit 1; }
mkdir -p "$RESULTS"
(cd "$ROOT" && mvn -q -Pjmh -DskipTests test-compile \
    dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$OUT/classpath.txt")
CLASSPATH="$OUT/test-classes:$OUT/classes:$(cat "$OUT/classpath.txt")"

ARGS=("$@")
if [[ ${#ARGS[@]} -eq 0 ]]; then
    ARGS=("com.bensbot.trading.bench")
fi
exec java -Xmx512m -cp "$CLASSPATH" org.openjdk.jmh.Main "${DEFAULTS[@]}" -rf json -rff "$RESULTS/jmh.json" \
    "${ARGS[@]}"
