#!/usr/bin/env bash
# One-time production set-up of the BensBot Trading Gateway (CONTRACT §1). Safe to run again.
#
#   ./scripts/setup_production.sh [--rebuild]
#
# 1. checks that Java >= 17 and Maven are installed;
# 2. builds target/bensbot-trading.jar (mvn -q -DskipTests package) unless the jar is newer than
#    pom.xml and every file under src/, or --rebuild is given;
# 3. creates .env.production from .env.production.example if it does not exist, replacing each
#    __GENERATED_BY_SETUP__ with a fresh 48-character URL-safe random secret (ADMIN_TOKEN and the
#    key of the API client "bot"); the secrets are written to the file only, never printed;
#    an existing .env.production is never overwritten;
# 4. chmod 600 .env.production;
# 5. creates the data directory (./data, or the directory of an H2 file DATABASE_URL) with mode 700;
# 6. loads .env.production and runs the preflight:
#      java -jar target/bensbot-trading.jar check config-production.yml
#    and exits with its status (0: fit to start with scripts/start_production.sh).
#
# The template runs on the built-in simulator (ALPACA_BASE_URL=sim, TRADING_MODE=paper), so a
# fresh set-up passes the preflight without a broker account. To trade through Alpaca, edit
# .env.production and run this script again (it then only re-checks):
#   paper: ALPACA_BASE_URL=https://paper-api.alpaca.markets, TRADING_MODE=paper,
#          ALPACA_API_KEY / ALPACA_SECRET_KEY = the paper account's keys;
#   live:  ALPACA_BASE_URL=https://api.alpaca.markets, TRADING_MODE=live, ENABLE_LIVE_TRADING=true,
#          ALPACA_API_KEY / ALPACA_SECRET_KEY = the live account's keys, small MAX_ORDER_VALUE_USD
#          and MAX_DAILY_NOTIONAL_USD, ALLOWED_SYMBOLS set: follow "Going live procedure" in
#          production_checklist.md, never skip the paper soak.
#
# Run it as the user the service runs as (see ops/bensbot-trading.service), so that
# .env.production and the data directory belong to that user.
set -euo pipefail

usage() {
    sed -n '2,4p' "$0" | sed 's/^# \{0,1\}//'
}

rebuild=false
for arg in "$@"; do
    case "$arg" in
        --rebuild) rebuild=true ;;
        -h|--help) usage; exit 0 ;;
        *) echo "setup_production.sh: unknown argument: $arg" >&2; usage >&2; exit 2 ;;
    esac
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"

JAR=target/bensbot-trading.jar
CONFIG=config-production.yml
ENV_FILE=.env.production
ENV_EXAMPLE=.env.production.example
PLACEHOLDER=__GENERATED_BY_SETUP__
# The same java start_production.sh uses: $JAVA_HOME/bin/java when JAVA_HOME is set, else PATH.
JAVA_BIN=${JAVA_HOME:+$JAVA_HOME/bin/}java

say() { printf '==> %s\n' "$*"; }
fail() { printf 'ERROR: %s\n' "$*" >&2; exit 1; }

# --- 1. Java >= 17 and Maven ----------------------------------------------------------------------

command -v "$JAVA_BIN" >/dev/null 2>&1 \
    || fail "Java not found ($JAVA_BIN). Install a Java 17 (or newer) runtime, for example: apt-get install openjdk-17-jdk-headless"
java_version=$("$JAVA_BIN" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^[[:space:]]*java\.specification\.version = //p' | head -n 1)
case "$java_version" in
    1.*) java_major=${java_version#1.}; java_major=${java_major%%.*} ;;  # Java 8 and older: 1.8
    *) java_major=${java_version%%.*} ;;
esac
[[ "$java_major" =~ ^[0-9]+$ ]] || fail "could not read the Java version from $JAVA_BIN -XshowSettings:properties -version"
(( java_major >= 17 )) \
    || fail "Java $java_version found ($JAVA_BIN), Java 17 or newer is required. Install openjdk-17 and put it first on PATH or set JAVA_HOME."
command -v mvn >/dev/null 2>&1 \
    || fail "Maven (mvn) not found. Install Maven 3.8 or newer, for example: apt-get install maven"
say "Java $java_version ($(command -v "$JAVA_BIN")), Maven $(command -v mvn)"

# --- 2. Build -------------------------------------------------------------------------------------

jar_is_current() {
    [[ -f "$JAR" ]] || return 1
    local sources=()
    [[ -e src ]] && sources+=(src)
    [[ -e pom.xml ]] && sources+=(pom.xml)
    (( ${#sources[@]} == 0 )) && return 0
    # Any source file modified after the jar makes it stale.
    [[ -z "$(find "${sources[@]}" -type f -newer "$JAR" -print -quit)" ]]
}

if [[ "$rebuild" == true ]] || ! jar_is_current; then
    [[ -f pom.xml ]] || fail "pom.xml not found in $root: cannot build $JAR"
    say "Building $JAR (mvn -q -DskipTests package)"
    mvn -q -DskipTests package || fail "the Maven build failed (see above)"
    [[ -f "$JAR" ]] || fail "the build finished but $JAR is missing"
else
    say "$JAR is newer than pom.xml and src/: not rebuilding (use --rebuild to force)"
fi

# --- 3. and 4. .env.production --------------------------------------------------------------------

# 48 URL-safe characters (A-Z a-z 0-9 - _) from 36 random bytes: 288 bits.
generate_secret() {
    local secret
    if command -v openssl >/dev/null 2>&1; then
        secret=$(openssl rand -base64 36 | tr -d '\n=' | tr '+/' '-_')
    else
        secret=$(head -c 36 /dev/urandom | base64 | tr -d '\n=' | tr '+/' '-_')
    fi
    [[ ${#secret} -eq 48 && "$secret" =~ ^[A-Za-z0-9_-]+$ ]] || fail "could not generate a random secret"
    printf '%s' "$secret"
}

tmp_env=
# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() { [[ -n "$tmp_env" ]] && rm -f -- "$tmp_env"; return 0; }
trap cleanup EXIT

if [[ -e "$ENV_FILE" ]]; then
    say "$ENV_FILE exists: left as it is"
    if grep -q "^[^#]*$PLACEHOLDER" "$ENV_FILE"; then
        echo "WARNING: $ENV_FILE still contains $PLACEHOLDER; replace it with a secret of at least 32 characters" >&2
        echo "         (or move the file away and run this script again to generate new secrets)." >&2
    fi
else
    [[ -f "$ENV_EXAMPLE" ]] || fail "$ENV_EXAMPLE not found in $root"
    # Created private from the start (umask 077), filled line by line with shell builtins so that
    # no secret ever appears on a command line (ps) or on the terminal, then moved into place.
    tmp_env=$(umask 077 && mktemp "$ENV_FILE.XXXXXX")
    generated=0
    while IFS= read -r line || [[ -n "$line" ]]; do
        if [[ "$line" != \#* ]]; then
            while [[ "$line" == *"$PLACEHOLDER"* ]]; do
                secret=$(generate_secret) || exit 1
                line=${line/"$PLACEHOLDER"/"$secret"}
                generated=$((generated + 1))
            done
        fi
        printf '%s\n' "$line"
    done <"$ENV_EXAMPLE" >"$tmp_env"
    secret=
    mv -- "$tmp_env" "$ENV_FILE"
    tmp_env=
    say "Created $root/$ENV_FILE from $ENV_EXAMPLE with $generated generated secret(s)"
    say "  ADMIN_TOKEN (the admin credential) and the key of API client \"bot\" (API_KEYS) are in that file;"
    say "  read them there (they are not shown here) and hand the bot key to the trading bot."
fi
chmod 600 "$ENV_FILE"

# Load it as start_production.sh does: its values win over the caller's environment.
set -a
# shellcheck source=/dev/null
. "./$ENV_FILE"
set +a

# --- 5. Data directory ----------------------------------------------------------------------------

# ./data holds the embedded H2 database (the default). With an H2 file URL elsewhere, its directory
# is created instead; with PostgreSQL (or H2 in memory / server mode) ./data is still created, so
# that the systemd unit's ReadWritePaths always exists.
data_dir=./data
db_url=${DATABASE_URL:-}
if [[ "$db_url" == jdbc:h2:* ]]; then
    db_path=${db_url#jdbc:h2:}
    db_path=${db_path%%;*}                       # drop ;OPTION=... settings
    case "$db_path" in
        mem:*|tcp:*|ssl:*|zip:*) db_path= ;;     # not a local writable file
        file:*) db_path=${db_path#file:} ;;
    esac
    if [[ -n "$db_path" ]]; then
        if [[ "$db_path" == "~"* ]]; then
            db_path=$HOME${db_path#\~}
        fi
        if [[ "$db_path" == */* ]]; then
            data_dir=${db_path%/*}                # ./data/bensbot -> ./data, /bensbot -> ""
            data_dir=${data_dir:-/}
        else
            data_dir=.
        fi
    fi
fi
if [[ "$data_dir" != . && "$data_dir" != / ]]; then
    mkdir -p -- "$data_dir"
    chmod 700 -- "$data_dir"
    say "Data directory $data_dir (mode 700)"
else
    say "DATABASE_URL keeps its H2 file in $data_dir: not changing that directory's permissions"
fi

# --- 6. Preflight ---------------------------------------------------------------------------------

say "Preflight: $JAVA_BIN -jar $JAR check $CONFIG"
if "$JAVA_BIN" -jar "$JAR" check "$CONFIG"; then
    say "Preflight passed. Start the service with ./scripts/start_production.sh"
    say "(or install ops/bensbot-trading.service), then work through production_checklist.md."
    exit 0
else
    status=$?
fi
{
    echo
    echo "Preflight FAILED (exit $status). Each FAIL line above names a variable to fix."
    echo "Edit $root/$ENV_FILE, for example:"
    echo "  - ALPACA_API_KEY / ALPACA_SECRET_KEY: required unless ALPACA_BASE_URL=sim;"
    echo "  - TRADING_MODE must agree with ALPACA_BASE_URL (paper: sim or https://paper-api.alpaca.markets;"
    echo "    live: https://api.alpaca.markets), and ENABLE_LIVE_TRADING=true needs TRADING_MODE=live;"
    echo "  - ADMIN_TOKEN and every API_KEYS key: at least 32 characters;"
    echo "  - CORS_ALLOWED_ORIGINS must not be * in production."
    echo "Then run ./scripts/setup_production.sh again (it keeps the file and only re-checks)."
} >&2
exit "$status"
