#!/usr/bin/env bash
# The WireMock extension in plain WireMock: one wiremock-standalone with the extension jar and a root
# holding mappings/ beside a static stub of the same path (matched by a header, answering the same
# 409/814 body). Each round measures both on that one server, alternated: the extension's unique-body
# 814s (a new earnedBadgeId every request), and the static stub's answer to the same requests.
# Prints req/s and p50/p99 per route (median over the rounds) and the ratio (target: >= 0.6).
# Settings (environment): ROUNDS=3 DURATION=8s CONNECTIONS=8 WRK_THREADS=2 HEAP=512m
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-2}
EXTENSION_JAR=$ROOT/target/revoke-earn-wiremock-extension.jar

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
build_jar
fetch_wiremock
ROOT_DIR=$WORK/extension-root
rm -rf "$ROOT_DIR" && mkdir -p "$ROOT_DIR/mappings"
cp "$ROOT"/mappings/*.json "$ROOT_DIR/mappings/"
cat > "$ROOT_DIR/mappings/static.json" <<JSON
{"priority": 1,
 "request": {"method": "POST", "urlPath": "$REVOKE_PATH", "headers": {"X-Bench": {"equalTo": "static"}}},
 "response": {"status": 409, "headers": {"Content-Type": "application/json"},
  "body": "{\"data\":null,\"errors\":[{\"code\":814,\"message\":\"Active earn instance is not present.\",\"reference\":null}],\"warnings\":null}"}}
JSON

PORT=$(free_port)
# No request journal: WireMock's unbounded default would fill the heap, for both routes alike.
java -Xms$HEAP -Xmx$HEAP -cp "$WIREMOCK_JAR:$EXTENSION_JAR" wiremock.Run --port "$PORT" \
  --root-dir "$ROOT_DIR" --no-request-journal --disable-banner \
  --extensions dev.revokeearn.wiremock.RevokeEarnExtensions >"$WORK/extension.log" 2>&1 &
PID=$!
trap 'stop_pid $PID' EXIT
wait_for_200 "$PORT"

run() { # route round
  if [ "$1" = static ]; then WRK_HEADERS=(-H "X-Bench: static"); else WRK_HEADERS=(); fi
  measure "$PORT" "$CONNECTIONS" unique814 $(( $2 * 10000000 ))
}

echo "warming up (the JIT needs a few hundred thousand requests)..."
for pass in 1 2; do run extension $(( pass + 100 )) >/dev/null; run static 0 >/dev/null; done

declare -A results
for round in $(seq 1 "$ROUNDS"); do
  for route in extension static; do
    results[$route,$round]=$(run "$route" "$round")
    statuses=$(awk '{print $4}' <<<"${results[$route,$round]}")
    if [ "$(tr ',' '\n' <<<"$statuses" | grep -cv '^409=')" != 0 ]; then
      echo "BROKEN: $route got $statuses, not only 409" >&2; broken_runs=1
    fi
    echo "round $round $route: ${results[$route,$round]}"
  done
done

col() { for round in $(seq 1 "$ROUNDS"); do awk -v c="$2" '{print $c}' <<<"${results[$1,$round]}"; done | median; }
echo
echo "machine: $(nproc) cores, java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}');" \
  "WireMock $WIREMOCK_VERSION, heap $HEAP, wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION; $ROUNDS rounds, medians"
printf '%-10s %10s %9s %9s\n' route req/s p50_ms p99_ms
for route in extension static; do
  printf '%-10s %10s %9s %9s\n' "$route" "$(col $route 1)" "$(col $route 2)" "$(col $route 3)"
done
awk -v e="$(col extension 1)" -v s="$(col static 1)" -v ep="$(col extension 3)" -v sp="$(col static 3)" \
  'BEGIN { printf "ratio      throughput %.2f   p99 %.2f   (target: throughput >= 0.6)\n", e/s, ep/sp }'
[ -z "${broken_runs:-}" ] || { echo "BROKEN runs above: the figures do not hold" >&2; exit 1; }
