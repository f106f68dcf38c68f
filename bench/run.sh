#!/usr/bin/env bash
# The load benchmark: the reference mock against plain WireMock serving a static stub of the same
# path, same java, same heap, same wrk settings, alternated over ROUNDS rounds, on two workloads:
#   814      the same revoke again and again (after the first, every answer is 409/814)
#   success  each request revokes a different seeded earn instance (every answer is 200)
# Prints req/s and p50/p99 latency per server (median over the rounds) and the mock/WireMock ratios.
# Settings (environment): ROUNDS=3 DURATION=8s CONNECTIONS=8 WRK_THREADS=1 HEAP=512m SEED_SIZE=400000
# MOCK_ARGS (extra options for the mock, e.g. "--journal-entries 0" to match the baseline's journal)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-8}
WRK_THREADS=${WRK_THREADS:-1}
SEED_SIZE=${SEED_SIZE:-400000}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
build_jar
fetch_wiremock
SEED=$WORK/seed-$SEED_SIZE.json
[ -f "$SEED" ] || python3 "$BENCH_DIR/make_seed.py" "$SEED_SIZE" "$SEED"
ROOT_DIR=$(static_root)

MOCK_PORT=$(free_port)
WM_PORT=$(free_port)
JAVA_OPTS=(-Xms$HEAP -Xmx$HEAP)
# shellcheck disable=SC2086 # MOCK_ARGS is a list of options
java "${JAVA_OPTS[@]}" -jar "$MOCK_JAR" --port "$MOCK_PORT" --seed "$SEED" ${MOCK_ARGS:-} >"$WORK/mock.log" 2>&1 &
MOCK_PID=$!
# Plain WireMock at its cheapest: a static stub and no request journal. (With its defaults the
# journal is unbounded and fills the heap within a few hundred thousand requests; with
# --max-request-journal-entries it counts the journal on every request. Either makes a weaker baseline.)
java "${JAVA_OPTS[@]}" -jar "$WIREMOCK_JAR" --port "$WM_PORT" --root-dir "$ROOT_DIR" \
  --no-request-journal --disable-banner >"$WORK/wiremock.log" 2>&1 &
WM_PID=$!
trap 'stop_pid $MOCK_PID; stop_pid $WM_PID' EXIT
wait_for_200 "$MOCK_PORT"   # revokes the doc's instance: from now on the "814" workload gets 814
wait_for_200 "$WM_PORT"

# One wrk run: prints "req/s p50_ms p99_ms statuses"
measure() { # port mode [offset]
  local out
  out=$(wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/revoke.lua" \
    "http://127.0.0.1:$1" -- "$2" "${3:-0}")
  local rps p50 p99 statuses
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out" | to_ms)
  p99=$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)
  statuses=$(grep '^statuses:' <<<"$out" | cut -d' ' -f2-)
  echo "$rps $p50 $p99 $statuses"
}
to_ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us/,"",v); v=v/1000} else if (v ~ /ms$/) {sub(/ms/,"",v)} else if (v ~ /s$/) {sub(/s/,"",v); v=v*1000}; printf "%.3f\n", v}'; }

echo "warming up both servers (the JIT needs a few hundred thousand requests)..."
for pass in 1 2; do
  measure "$MOCK_PORT" same >/dev/null
  measure "$WM_PORT" same >/dev/null
  measure "$MOCK_PORT" unique $(( 300000000 + pass * 1000000 )) >/dev/null
done

declare -A results
chunk=$(( SEED_SIZE / ROUNDS ))
for round in $(seq 1 "$ROUNDS"); do
  for workload in 814 success; do
    mode=same; offset=0
    if [ "$workload" = success ]; then mode=unique; offset=$(( (round - 1) * chunk )); fi
    results[$workload,mock,$round]=$(measure "$MOCK_PORT" $mode $offset)
    results[$workload,wiremock,$round]=$(measure "$WM_PORT" $mode $offset)
    echo "round $round $workload: mock ${results[$workload,mock,$round]} | wiremock ${results[$workload,wiremock,$round]}"
  done
done

col_median() { # workload server column
  for round in $(seq 1 "$ROUNDS"); do echo "${results[$1,$2,$round]}" | awk -v c="$3" '{print $c}'; done | median
}
echo
echo "machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2}')), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); heap $HEAP; wrk -t$WRK_THREADS -c$CONNECTIONS -d$DURATION; $ROUNDS rounds, medians"
printf '%-8s %-9s %10s %9s %9s\n' workload server req/s p50_ms p99_ms
for workload in 814 success; do
  for server in mock wiremock; do
    printf '%-8s %-9s %10s %9s %9s\n' "$workload" "$server" \
      "$(col_median $workload $server 1)" "$(col_median $workload $server 2)" "$(col_median $workload $server 3)"
  done
  awk -v mr="$(col_median $workload mock 1)" -v wr="$(col_median $workload wiremock 1)" \
      -v mp="$(col_median $workload mock 3)" -v wp="$(col_median $workload wiremock 3)" -v w="$workload" \
      'BEGIN { printf "%-8s ratio     throughput %.2f (target >= 0.5)   p99 %.2f (target <= 2)\n", w, mr/wr, mp/wp }'
done
