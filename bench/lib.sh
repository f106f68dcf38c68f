# Shared helpers of the bench scripts: build, fetch plain WireMock, free ports, waiting for a 200.
# shellcheck shell=bash

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$BENCH_DIR/.." && pwd)
WORK=${WORK:-$ROOT/target/bench}
MOCK_JAR=${MOCK_JAR:-$ROOT/target/revoke-earn-mock.jar}
WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR=$WORK/wiremock-standalone-$WIREMOCK_VERSION.jar
HEAP=${HEAP:-512m}
REVOKE_PATH=/api_gateway/v1/badges/customer/revokeEarn
AUTH='Authorization: Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5'
DOC_BODY='{"badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013,"earnedBadgeId":"654cbea06bccde1274b6d3a2"}'

mkdir -p "$WORK"

build_jar() {
  if [ ! -f "$MOCK_JAR" ] || [ -n "${REBUILD:-}" ]; then
    (cd "$ROOT" && mvn -B -q package -DskipTests)
  fi
}

# Plain WireMock standalone, the baseline, from Maven Central.
fetch_wiremock() {
  if [ ! -f "$WIREMOCK_JAR" ]; then
    (cd "$ROOT" && mvn -B -q dependency:copy \
      -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION \
      -DoutputDirectory="$WORK" -Dmdep.stripVersion=false)
  fi
}

# A WireMock root whose one static stub answers revokeEarn with the doc's 200 body.
static_root() {
  local dir=$WORK/static-root
  mkdir -p "$dir/mappings"
  cat > "$dir/mappings/revoke.json" <<JSON
{"request":{"method":"POST","urlPath":"$REVOKE_PATH"},
 "response":{"status":200,"headers":{"Content-Type":"application/json"},
  "body":"{\"data\":{\"badgeMetaId\":\"653ddb33b3cda7078c7c68e9\",\"customerId\":62090013,\"earnedBadgeId\":\"654cbea06bccde1274b6d3a2\",\"isActive\":false},\"errors\":[],\"warnings\":[]}"}}
JSON
  echo "$dir"
}

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

now_ms() { date +%s%3N; }

median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

# Polls until POST revokeEarn answers 200 (or gives up after 30 s).
wait_for_200() {
  local port=$1 deadline=$(( $(now_ms) + 30000 ))
  while [ "$(now_ms)" -lt "$deadline" ]; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -X POST "http://127.0.0.1:$port$REVOKE_PATH" \
      -H "$AUTH" -H 'Content-Type: application/json' -d "$DOC_BODY" 2>/dev/null || true)
    [ "$code" = "200" ] && return 0
    sleep 0.005
  done
  echo "no 200 from port $port within 30 s" >&2
  return 1
}

stop_pid() {
  kill "$1" 2>/dev/null || true
  wait "$1" 2>/dev/null || true
}

# One wrk run of revoke.lua: prints "req/s p50_ms p99_ms statuses". WRK_HEADERS: extra -H options.
WRK_HEADERS=()
measure() { # port connections mode [offset] [span]
  local out
  out=$(wrk -t"$WRK_THREADS" -c"$2" -d"$DURATION" --latency -s "$BENCH_DIR/revoke.lua" "${WRK_HEADERS[@]}" \
    "http://127.0.0.1:$1" -- "$3" "${4:-0}" "${5:-0}")
  local rps p50 p99 statuses
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  statuses=$(grep '^statuses:' <<<"$out" | cut -d' ' -f2- | tr ' ' ',')
  echo "$rps $p50 $p99 $statuses"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.3f\n", v}'; }

