#!/usr/bin/env bash
# Builds the class-data sharing archive (AppCDS, Java 17 dynamic archive) of the gateway's jar: the ~11 000
# classes the service loads are then mapped from it instead of read, parsed and verified from the jar, which
# takes about 40 % of the CPU and a third of the time off the start-up:
#
#   scripts/cds_archive.sh [--jar JAR] [--config CONFIG] [--archive FILE] [--if-stale] [-- JVM options...]
#
# A training run: the jar starts on the built-in simulator (ALPACA_BASE_URL=sim) with
# -XX:ArchiveClassesAtExit, from a temporary directory (its own throwaway H2 file) on free loopback ports, with
# generated credentials and nothing else from the caller's environment (no broker keys, database or Redis of
# the caller's are ever used); the script waits for /health, sends a few requests of each kind (quotes, trades,
# an order, metrics, documents, the admin port), then stops it with SIGTERM; the JVM writes the archive as it
# exits. The archive is written beside FILE and renamed into place, and FILE.key records what it was built
# for: the jar (path, size, modification time), the java binary and its libjvm, and the JVM options.
#
# Use it with: java -XX:SharedArchiveFile=FILE [the same JVM options] -jar JAR server CONFIG
# Java checks the archive when it starts: an archive of another jar or JDK is refused with a warning and the
# service starts without it (slower, nothing else changes). So rebuild it whenever the jar changes:
# --if-stale does nothing when FILE exists, is newer than the jar and FILE.key matches (the check takes well
# under 0.1 s), and builds it otherwise; scripts/start_production.sh runs it that way before every start.
#
# Defaults, in the repository root: --jar target/bensbot-trading.jar, --config config-production.yml,
# --archive data/cds/bensbot-trading.jsa (data/ is writable by the service under ops/bensbot-trading.service);
# paths given are relative to the current directory. JVM options after -- go to the training JVM and into the key; pass the ones
# the service starts with (heap size and GC do not have to match for the archive to be used, but an option
# that changes the archive's layout, such as a heap of 32 GB or more, must). JAVA_HOME selects the java.
# Exit status 0 when the archive is in place (built or already fresh), 1 when it could not be built (the log
# of the training run is printed); 2 on a usage error. Takes 15-40 s on two busy cores.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

JAR=$root/target/bensbot-trading.jar
CONFIG=$root/config-production.yml
ARCHIVE=$root/data/cds/bensbot-trading.jsa
IF_STALE=0
JVM_OPTS=()

usage() { sed -n '2,28p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; }
abs() { [[ $1 == /* ]] && echo "$1" || echo "$PWD/$1"; }

while [[ $# -gt 0 ]]; do
    case "$1" in
        --jar) JAR=$(abs "$2"); shift 2 ;;
        --config) CONFIG=$(abs "$2"); shift 2 ;;
        --archive) ARCHIVE=$(abs "$2"); shift 2 ;;
        --if-stale) IF_STALE=1; shift ;;
        --) shift; JVM_OPTS=("$@"); break ;;
        -h|--help) usage; exit 0 ;;
        *) echo "cds_archive.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
    esac
done

say() { printf 'cds_archive: %s\n' "$*" >&2; }
[[ -f $JAR ]] || { say "no jar at $JAR"; exit 1; }
[[ -f $CONFIG ]] || { say "no configuration at $CONFIG"; exit 1; }

JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
JAVA_REAL=$(readlink -f "$(command -v "$JAVA_BIN")") || { say "no java found ($JAVA_BIN)"; exit 1; }
LIBJVM=$(find "$(dirname "$(dirname "$JAVA_REAL")")/lib" -name libjvm.so -path '*server*' -print -quit 2>/dev/null)

# What the archive depends on: the jar (Java checks its path, size and time), the JDK (the dynamic archive sits
# on top of the JDK's own archive) and the options. Hashed, so that no option value is stored in clear.
archive_key() {
    {
        echo "jar $(readlink -f "$JAR") $(stat -c '%s %Y' "$JAR")"
        echo "java $JAVA_REAL ${LIBJVM:+$(stat -c '%s %Y' "$LIBJVM")}"
        printf 'option %s\n' ${JVM_OPTS[@]+"${JVM_OPTS[@]}"}
    } | sha256sum | cut -d' ' -f1
}

KEY=$(archive_key)
if [[ $IF_STALE -eq 1 && -s $ARCHIVE && -f $ARCHIVE.key && $ARCHIVE -nt $JAR \
        && "$(cat "$ARCHIVE.key" 2>/dev/null)" == "$KEY" ]]; then
    exit 0
fi

mkdir -p "$(dirname "$ARCHIVE")" || { say "cannot create $(dirname "$ARCHIVE")"; exit 1; }
WORK=$(mktemp -d -t bensbot-cds.XXXXXX)
PARTIAL="$ARCHIVE.$$.partial"
PID=""
cleanup() {
    if [[ -n $PID ]] && kill -0 "$PID" 2>/dev/null; then
        kill -KILL "$PID" 2>/dev/null || true
    fi
    rm -rf "$WORK"
    rm -f "$PARTIAL"
}
trap cleanup EXIT

# shellcheck source=lib/ports.sh
. "$root/scripts/lib/ports.sh"
secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 40; }

PORT=$(free_port) && ADMIN_PORT=$(free_port) || { say "no free port found"; exit 1; }
while [[ $ADMIN_PORT == "$PORT" ]]; do ADMIN_PORT=$(free_port); done
ADMIN_TOKEN=$(secret); CLIENT_KEY=$(secret)
started=$(date +%s%3N)
say "training run of $(basename "$JAR") with $(basename "$CONFIG") (ports $PORT/$ADMIN_PORT, in $WORK)"
# env -i: only what is set here reaches the training JVM, whatever the caller's (production) environment holds.
(
    cd "$WORK"
    exec env -i PATH="$PATH" HOME="$WORK" LANG=C.UTF-8 ${JAVA_HOME:+JAVA_HOME=$JAVA_HOME} \
        PORT="$PORT" ADMIN_PORT="$ADMIN_PORT" ADMIN_BIND_HOST=127.0.0.1 ALPACA_BASE_URL=sim ALPACA_DATA_URL= \
        TRADING_MODE=paper ENABLE_LIVE_TRADING=false ADMIN_TOKEN="$ADMIN_TOKEN" API_KEYS="train:$CLIENT_KEY" \
        DATABASE_URL="jdbc:h2:file:$WORK/data/train" DATABASE_USER= DATABASE_PASSWORD= REDIS_URL= GRAPHITE_HOST= \
        "$JAVA_BIN" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} -XX:ArchiveClassesAtExit="$PARTIAL" \
        -jar "$JAR" server "$CONFIG"
) > "$WORK/train.log" 2>&1 &
PID=$!

fail() {
    say "$*"
    tail -40 "$WORK/train.log" >&2 || true
    exit 1
}

healthy=0
for _ in $(seq 1 1200); do  # 120 s
    if curl -sf -o /dev/null --max-time 2 "http://127.0.0.1:$PORT/health"; then
        healthy=1
        break
    fi
    kill -0 "$PID" 2>/dev/null || fail "the training run exited before it was healthy"
    sleep 0.1
done
[[ $healthy -eq 1 ]] || fail "the training run was not healthy within 120 s"

# The requests of a normal day, twice (first answers load most classes; the second takes the cached paths).
# Their answers do not matter: only the classes they load.
base="http://127.0.0.1:$PORT"
admin="http://127.0.0.1:$ADMIN_PORT"
client=(-H "X-API-Key: $CLIENT_KEY")
token=(-H "X-Admin-Token: $ADMIN_TOKEN")
order='{"symbol":"AAPL","qty":"1","side":"buy","type":"limit","limit_price":"1.00","time_in_force":"ioc"}'
req() { curl -s -o /dev/null --max-time 10 "$@" || true; }
for _ in 1 2; do
    req "$base/health"
    req "${client[@]}" "$base/live/quote/AAPL"
    req "${client[@]}" "$base/live/trade/AAPL"
    req "${client[@]}" "$base/live/quotes?symbols=AAPL,MSFT,SPY"
    req "${client[@]}" "$base/live/bars/AAPL"
    req "${client[@]}" "$base/live/clock"
    req "${client[@]}" "$base/live/health"
    req "${client[@]}" "$base/trading/account"
    req "${client[@]}" "$base/trading/positions"
    req "${client[@]}" "$base/trading/orders"
    req "${client[@]}" -XPOST -H 'Content-Type: application/json' -d "$order" "$base/trading/orders"
    req "${client[@]}" -XPOST -H 'Content-Type: application/json' -H "Idempotency-Key: train-$$" -d "$order" \
        "$base/trading/orders"
    req "${client[@]}" -XPOST -H 'Content-Type: application/json' -d '{"symbol":' "$base/trading/orders"
    req "${client[@]}" "$base/trading/orders/00000000-0000-0000-0000-000000000000"
    req "$base/live/quote/AAPL"
    req "${client[@]}" "$base/no-such-route"
    req "${token[@]}" "$base/metrics"
    req "${token[@]}" "$base/live/service-health"
    req "${token[@]}" "$base/admin/audit?limit=5"
    req "${token[@]}" "$base/openapi.json"
    req -XOPTIONS -H 'Origin: https://example.invalid' -H 'Access-Control-Request-Method: GET' "$base/live/clock"
    req "$admin/healthcheck"
    req "$admin/ping"
    req "$admin/metrics"
    req "$admin/prometheus"
done

kill -TERM "$PID"
status=0
wait "$PID" || status=$?
PID=""
[[ $status -eq 0 || $status -eq 143 ]] || fail "the training run exited with status $status after SIGTERM"
[[ -s $PARTIAL ]] || fail "the training run wrote no archive"
# The archive must be usable by this java with these options (-Xshare:on fails instead of falling back).
"$JAVA_BIN" ${JVM_OPTS[@]+"${JVM_OPTS[@]}"} -Xshare:on -XX:SharedArchiveFile="$PARTIAL" -cp "$JAR" -version \
    > "$WORK/check.log" 2>&1 || fail "the new archive is not usable: $(head -3 "$WORK/check.log")"
mv -f "$PARTIAL" "$ARCHIVE"
echo "$KEY" > "$ARCHIVE.key"
say "wrote $ARCHIVE ($(( $(stat -c %s "$ARCHIVE") / 1048576 )) MB, $(( $(date +%s%3N) - started )) ms)"
