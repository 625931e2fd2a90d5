#!/usr/bin/env bash
# Starts the BensBot Trading Gateway in production (CONTRACT §1), in the foreground:
#
#   ./scripts/start_production.sh
#
# Run ./scripts/setup_production.sh once before. This script loads .env.production (its values
# win over the caller's environment), changes to the repository root and replaces itself with the
# JVM (exec), so SIGTERM from systemd, docker or Ctrl-C reaches the service directly: it stops
# accepting, finishes in-flight requests (/health answers 503 "draining" meanwhile), flushes the
# audit log and exits. The service runs its preflight before opening any port and exits 1 with one
# line per problem when the configuration is unfit.
#
# JVM: 512 MB fixed heap, G1, exit at the first OutOfMemoryError (systemd restarts the service),
# UTF-8. Extra flags come from JAVA_OPTS (environment or .env.production), appended after the
# defaults so that they win, e.g. JAVA_OPTS='-Xms1g -Xmx1g'. JAVA_HOME, when set, selects the java.
#
# Class-data sharing: the JVM starts with -XX:SharedArchiveFile=$CDS_ARCHIVE (default
# data/cds/bensbot-trading.jsa): ~11 000 classes mapped from the archive instead of read, parsed and
# verified from the jar, about 40 % less CPU and a third less time to a healthy /health. Before the start the
# archive is built by scripts/cds_archive.sh when it is missing, older than the jar, or was built for
# another jar, JDK or JAVA_OPTS: a training run on the built-in simulator with throwaway ports, database
# and credentials, 15-40 s, once per deployment. When it cannot be built the service starts without it
# (a WARNING line, a slower start, nothing else changes). CDS_ARCHIVE=off (environment or
# .env.production) turns it off; any other value is the archive's path (relative to the repository
# root; it must be writable by the service, e.g. under data/).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

ENV_FILE=.env.production
JAR=target/bensbot-trading.jar
CONFIG=config-production.yml

if [[ ! -f "$ENV_FILE" ]]; then
    echo "ERROR: $root/$ENV_FILE not found: run ./scripts/setup_production.sh first (it creates it from .env.production.example)." >&2
    exit 1
fi
if [[ -n "$(find "$ENV_FILE" -perm /077 -print 2>/dev/null)" ]]; then
    echo "WARNING: $ENV_FILE holds secrets but is readable by others: chmod 600 $root/$ENV_FILE" >&2
fi

set -a
# shellcheck source=/dev/null
. "./$ENV_FILE"
set +a

[[ -f "$JAR" ]] || { echo "ERROR: $root/$JAR not found: run ./scripts/setup_production.sh (it builds it)." >&2; exit 1; }
[[ -f "$CONFIG" ]] || { echo "ERROR: $root/$CONFIG not found." >&2; exit 1; }

JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java
jvm_flags=(
    -Xms512m
    -Xmx512m
    -XX:+UseG1GC
    -XX:+ExitOnOutOfMemoryError
    -Dfile.encoding=UTF-8
    -Djava.security.egd=file:/dev/urandom
)
# JAVA_OPTS is split on whitespace (no globbing); quote nothing inside it.
read -r -a extra_flags <<<"${JAVA_OPTS:-}"

CDS_ARCHIVE=${CDS_ARCHIVE-data/cds/bensbot-trading.jsa}
cds_flags=()
if [[ -n "$CDS_ARCHIVE" && "$CDS_ARCHIVE" != off ]]; then
    if ./scripts/cds_archive.sh --if-stale --jar "$JAR" --config "$CONFIG" --archive "$CDS_ARCHIVE" \
            -- "${jvm_flags[@]}" ${extra_flags[@]+"${extra_flags[@]}"}; then
        cds_flags=("-XX:SharedArchiveFile=$CDS_ARCHIVE")
    else
        echo "WARNING: no class-data archive ($CDS_ARCHIVE could not be built): starting without it, more slowly." >&2
    fi
fi

exec "$JAVA_BIN" "${jvm_flags[@]}" ${cds_flags[@]+"${cds_flags[@]}"} ${extra_flags[@]+"${extra_flags[@]}"} \
    -jar "$JAR" server "$CONFIG"
