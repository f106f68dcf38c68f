#!/usr/bin/env bash
# The mock against its peers on the unique-body workload (a new earnedBadgeId every request, none
# seeded: every answer 409/814, every body new), each server alone on the CPU while measured (the
# others are paused with SIGSTOP), medians of ROUNDS rounds after WARM_PASSES warm-up passes, one run:
#   nginx        the same 409 answered from memory (Debian's nginx): the machine's ceiling
#   mockserver   MockServer 5.15.0, one static expectation answering that 409 (Netty)
#   wiremock     WireMock 3.13.2, one static stub, no journal
#   mock         the reference mock at its defaults (the direct route)
#   mock+stub    the same with one user stub that matches nothing (bench/stub-root)
# plus "success" on the mock: each request revokes a new seeded instance (every answer 200).
# Prints req/s, p50/p99 and RSS per server and the ratios the performance issue targets.
# Settings (environment): ROUNDS=3 WARM_PASSES=4 DURATION=8s CONNECTIONS=32 WRK_THREADS=2 HEAP=512m
# SEED_SIZE=600000; SETTLE=1 (a full GC after each untimed reset, before a success round; 0: none);
# MOCK_ARGS (extra options for the mocks); BEFORE_JAR (another build of the mock jar, measured in
# the same run as "before" and "before+stub"). Needs wrk and nginx
# (apt-get install -y wrk nginx-light).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
# MockServer and WireMock were still speeding up in the third round after two passes.
WARM_PASSES=${WARM_PASSES:-4}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
SEED_SIZE=${SEED_SIZE:-600000}
MOCKSERVER_VERSION=5.15.0
MOCKSERVER_JAR=$WORK/mockserver-netty-$MOCKSERVER_VERSION-jar-with-dependencies.jar
ANSWER_814='{"data":null,"errors":[{"code":814,"message":"Earned badge is already revoked or does not exist","reference":null}],"warnings":[]}'

for tool in wrk nginx; do
  command -v $tool >/dev/null || [ -x /usr/sbin/$tool ] ||
    { echo "$tool is missing: apt-get install -y wrk nginx-light" >&2; exit 1; }
done
build_jar
fetch_wiremock
if [ ! -f "$MOCKSERVER_JAR" ]; then
  (cd "$ROOT" && mvn -B -q dependency:copy \
    -Dartifact=org.mock-server:mockserver-netty:$MOCKSERVER_VERSION:jar:jar-with-dependencies \
    -DoutputDirectory="$WORK" -Dmdep.stripVersion=false)
fi
SEED=$WORK/seed-$SEED_SIZE.json
[ -f "$SEED" ] || python3 "$BENCH_DIR/make_seed.py" "$SEED_SIZE" "$SEED"
JAVA_OPTS=(-Xms$HEAP -Xmx$HEAP)
SERVERS=(nginx mockserver wiremock mock mock+stub)
[ -z "${BEFORE_JAR:-}" ] || SERVERS+=(before before+stub)
declare -A PORT PID JAR=([mock]=$MOCK_JAR [mock+stub]=$MOCK_JAR [before]=${BEFORE_JAR:-} [before+stub]=${BEFORE_JAR:-})
for server in "${SERVERS[@]}"; do PORT[$server]=$(free_port); done

# nginx: a worker per core, as the JVM servers get both cores; the 409 from memory.
NGINX_DIR=$WORK/nginx
mkdir -p "$NGINX_DIR/logs"
cat > "$NGINX_DIR/nginx.conf" <<CONF
daemon off;
worker_processes auto;
pid $NGINX_DIR/nginx.pid;
error_log $NGINX_DIR/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $NGINX_DIR/body;
  server {
    listen 127.0.0.1:${PORT[nginx]};
    location = $REVOKE_PATH {
      default_type application/json;
      return 409 '$ANSWER_814';
    }
  }
}
CONF
"$(command -v nginx || echo /usr/sbin/nginx)" -p "$NGINX_DIR" -c "$NGINX_DIR/nginx.conf" \
  >"$WORK/nginx.log" 2>&1 &
PID[nginx]=$!
java "${JAVA_OPTS[@]}" -jar "$MOCKSERVER_JAR" -serverPort "${PORT[mockserver]}" -logLevel WARN \
  >"$WORK/mockserver.log" 2>&1 &
PID[mockserver]=$!
java "${JAVA_OPTS[@]}" -jar "$WIREMOCK_JAR" --port "${PORT[wiremock]}" --root-dir "$(static_root)" \
  --no-request-journal --disable-banner >"$WORK/wiremock.log" 2>&1 &
PID[wiremock]=$!
for server in "${SERVERS[@]}"; do
  case $server in
    mock | before) extra=() ;;
    mock+stub | before+stub) extra=(--root-dir "$BENCH_DIR/stub-root") ;;
    *) continue ;;
  esac
  # shellcheck disable=SC2086 # MOCK_ARGS is a list of options
  java "${JAVA_OPTS[@]}" -jar "${JAR[$server]}" --port "${PORT[$server]}" --seed "$SEED" "${extra[@]}" \
    ${MOCK_ARGS:-} >"$WORK/$server.log" 2>&1 &
  PID[$server]=$!
done
trap 'for p in "${PID[@]}"; do kill -CONT $p 2>/dev/null || true; stop_pid $p; done' EXIT

for server in "${SERVERS[@]}"; do
  [ -z "${JAR[$server]:-}" ] || wait_for_200 "${PORT[$server]}"
done
wait_for_200 "${PORT[wiremock]}"
deadline=$(( $(now_ms) + 60000 ))
until curl -sf -o /dev/null -X PUT "http://127.0.0.1:${PORT[mockserver]}/mockserver/expectation" \
  -H 'Content-Type: application/json' -d "{\"httpRequest\":{\"method\":\"POST\",\"path\":\"$REVOKE_PATH\"},
    \"httpResponse\":{\"statusCode\":409,\"headers\":{\"Content-Type\":[\"application/json\"]},
    \"body\":$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1]))' "$ANSWER_814")}}"; do
  [ "$(now_ms)" -lt "$deadline" ] || { echo "MockServer did not start: see $WORK/mockserver.log" >&2; exit 1; }
  sleep 0.2
done

# Runs one measurement with only the given server running.
alone() { # server connections mode [offset] [span]
  local server=$1 other
  shift
  for other in "${!PID[@]}"; do [ "$other" = "$server" ] || kill -STOP "${PID[$other]}"; done
  measure "${PORT[$server]}" "$@"
  for other in "${!PID[@]}"; do [ "$other" = "$server" ] || kill -CONT "${PID[$other]}"; done
}

echo "warming up (the JITs need a few hundred thousand requests)..."
for pass in $(seq 1 "$WARM_PASSES"); do
  for server in "${SERVERS[@]}"; do
    alone "$server" "$CONNECTIONS" unique814 $(( pass * 100000000 )) >/dev/null
  done
done
# The success path too (its first round ran cold otherwise); every round starts from a reset.
alone mock "$CONNECTIONS" unique 0 $(( SEED_SIZE / WRK_THREADS )) >/dev/null

declare -A results
broken_runs=
for round in $(seq 1 "$ROUNDS"); do
  for server in "${SERVERS[@]}" success; do
    if [ "$server" = success ]; then
      curl -sf -o /dev/null -X POST "http://127.0.0.1:${PORT[mock]}/__admin/reset"
      # The reset (untimed) leaves the previous state, a 600,000-instance seed's, as garbage: a
      # full collection now keeps its cost out of the timed run (SETTLE=0 measures with it).
      [ "${SETTLE:-1}" = 0 ] || jcmd "${PID[mock]}" GC.run >/dev/null
      results[$server,$round]=$(alone mock "$CONNECTIONS" unique $(( (round - 1) * 2000 )) $(( SEED_SIZE / WRK_THREADS )))
      want=200
    else
      results[$server,$round]=$(alone "$server" "$CONNECTIONS" unique814 $(( (round * 10) * 10000000 )))
      want=409
      [ "$server" = wiremock ] && want=200 # its static stub answers the doc's 200
    fi
    echo "round $round $server: ${results[$server,$round]}"
    bad=$(awk '{print $4}' <<<"${results[$server,$round]}" | tr ',' '\n' | awk -F= -v w=$want '$1 != "" && $1 != w')
    if [ -n "$bad" ]; then echo "BROKEN: $server got $bad" >&2; broken_runs=1; fi
  done
done

col() { for round in $(seq 1 "$ROUNDS"); do awk -v c="$2" '{print $c}' <<<"${results[$1,$round]}"; done | median; }
rss_mb() { awk '/VmRSS/ {printf "%d", $2/1024}' "/proc/$1/status"; }
echo
echo "machine: $(nproc) cores, java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); heap $HEAP;" \
  "wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION; each server alone on the CPU; $ROUNDS rounds, medians"
printf '%-11s %10s %9s %9s %8s\n' server req/s p50_ms p99_ms RSS_MB
for server in "${SERVERS[@]}" success; do
  pid=${PID[$server]:-${PID[mock]}}
  printf '%-11s %10s %9s %9s %8s\n' "$server" "$(col "$server" 1)" "$(col "$server" 2)" "$(col "$server" 3)" "$(rss_mb "$pid")"
done
ratio() { awk -v a="$(col "$1" "$3")" -v b="$(col "$2" "$3")" 'BEGIN {printf "%.2f", a/b}'; }
echo
echo "mock / mockserver throughput $(ratio mock mockserver 1)   (target >= 1.0)"
echo "mock / mockserver p99        $(ratio mock mockserver 3)   (target <= 1.0)"
echo "mock / nginx throughput      $(ratio mock nginx 1)   (target >= 0.4)"
echo "mock / wiremock throughput   $(ratio mock wiremock 1)"
echo "mock+stub / mock throughput  $(ratio mock+stub mock 1)   (target >= 0.8)"
echo "success / mock throughput    $(ratio success mock 1)   (target >= 0.9)"
if [ -n "${BEFORE_JAR:-}" ]; then
  echo "mock / before throughput     $(ratio mock before 1)"
  echo "before+stub / before         $(ratio before+stub before 1)"
fi
if [ -n "$broken_runs" ]; then
  echo "BROKEN runs above: their answers were not what the workload says; the figures do not hold" >&2
  exit 1
fi
