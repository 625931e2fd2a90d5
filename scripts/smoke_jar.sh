#!/usr/bin/env bash
# Starts target/bensbot-trading.jar on the simulator with random-ish free ports, waits for /health and a quote,
# then stops it. Proves the shaded jar (service files, manifest) works outside the test classpath.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=target/bensbot-trading.jar
[ -f "$jar" ] || { echo "missing $jar: run mvn -q -DskipTests package" >&2; exit 1; }

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
port=$(free_port); admin_port=$(free_port)
workdir=$(mktemp -d)
log="$workdir/service.log"
(cd "$workdir" && PORT=$port ADMIN_PORT=$admin_port exec java -jar "$OLDPWD/$jar" server "$OLDPWD/config.yml") >"$log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; wait $pid 2>/dev/null || true; rm -rf "$workdir"' EXIT

for _ in $(seq 1 60); do
  if curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
  if ! kill -0 $pid 2>/dev/null; then cat "$log"; echo "the jar exited early" >&2; exit 1; fi
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/health"; echo
curl -fsS "http://127.0.0.1:$port/live/quote/AAPL"; echo
curl -fsS "http://127.0.0.1:$admin_port/healthcheck" >/dev/null || { cat "$log"; echo "healthcheck failed" >&2; exit 1; }
prometheus=$(curl -fsS "http://127.0.0.1:$admin_port/prometheus")
grep -q '^bensbot_circuit_breaker_state{api="data"}' <<<"$prometheus" \
  || { cat "$log"; echo "/prometheus lacks the breaker series" >&2; exit 1; }
grep -q "Generated development admin token" "$log" || { cat "$log"; echo "no generated token line" >&2; exit 1; }

# A normal stop: SIGTERM drains, logs the audit head and exits 0.
curl -fsS -o /dev/null -XPOST -H 'Content-Type: application/json' "http://127.0.0.1:$port/trading/orders" \
  -d '{"symbol":"AAPL","qty":"1","side":"buy","type":"market","time_in_force":"day"}' \
  || { cat "$log"; echo "order failed" >&2; exit 1; }
kill -TERM "$pid"
status=0; wait "$pid" || status=$?
[ "$status" -eq 0 ] || { cat "$log"; echo "exit status $status after SIGTERM (expected 0)" >&2; exit 1; }
head=$(grep -o 'Audit head [0-9]*:[0-9a-f]*' "$log" | tail -1 | cut -d' ' -f3)
[ -n "$head" ] && [ "${head%%:*}" -gt 0 ] || { cat "$log"; echo "no audit head logged at shutdown" >&2; exit 1; }
(cd "$workdir" && java -jar "$OLDPWD/$jar" audit-verify "$OLDPWD/config.yml" --expect-head "$head") \
  || { echo "audit-verify failed on the smoke run's database" >&2; exit 1; }

# The preflight alone: production without secrets must refuse, one line per problem, exit 1.
status=0; out=$(ENVIRONMENT=production java -jar "$jar" check config-production.yml 2>&1) || status=$?
[ "$status" -eq 1 ] && grep -q "FAIL  ADMIN_TOKEN is not set" <<<"$out" \
  || { echo "$out"; echo "check did not refuse an unconfigured production (status $status)" >&2; exit 1; }
echo "smoke test passed"
