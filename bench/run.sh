#!/usr/bin/env bash
# The load benchmark: the reference mock against plain WireMock serving a static stub of the same
# path, same java, same heap, same wrk settings, alternated over ROUNDS rounds, on three workloads:
#   814        the same revoke again and again (after the first, every answer is 409/814)
#   814-new    a new earnedBadgeId every request, none seeded: every answer 409/814, every body new
#   success    each request revokes a different seeded earn instance (every answer is 200); each
#              wrk thread walks its own range of instances, from a fresh reset (not timed)
# at each connection count of CONNECTION_LEVELS. Prints req/s and p50/p99 latency per server
# (median over the rounds), the mock/WireMock ratios against the targets, and checks the answers'
# statuses: a workload whose answers are not all what it says is reported BROKEN.
# Settings (environment): ROUNDS=3 DURATION=8s CONNECTION_LEVELS="8 32" WRK_THREADS=2 HEAP=512m
# SEED_SIZE=600000; MOCK_ARGS (extra options for the mock, e.g. "--journal-entries 0")
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTION_LEVELS=${CONNECTION_LEVELS:-8 32}
WRK_THREADS=${WRK_THREADS:-2}
SEED_SIZE=${SEED_SIZE:-600000}

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

# The statuses a workload must get from a server, or empty when its answers are as it says.
broken() { # workload server statuses
  local want=409
  if [ "$2" = wiremock ] || [ "$1" = success ]; then want=200; fi
  tr ',' '\n' <<<"$3" | awk -F= -v w="$want" '$1 != "" && $1 != w {printf "%s ", $0}'
}

echo "warming up both servers (the JIT needs a few hundred thousand requests)..."
for pass in 1 2; do
  measure "$MOCK_PORT" 8 same >/dev/null
  measure "$WM_PORT" 8 same >/dev/null
  measure "$MOCK_PORT" 8 unique814 $(( pass * 100000000 )) >/dev/null
done

declare -A results
levels=($CONNECTION_LEVELS)
run=0
for round in $(seq 1 "$ROUNDS"); do
  for c in "${levels[@]}"; do
    for workload in 814 814-new success; do
      case $workload in
        814) args=(same) ;;
        814-new) args=(unique814 $(( (round * 10 + run) * 10000000 ))) ;;
        success)
          # Every seeded instance active again, then the doc's revoked again for the 814 runs.
          curl -sf -o /dev/null -X POST "http://127.0.0.1:$MOCK_PORT/__admin/reset"
          wait_for_200 "$MOCK_PORT"
          args=(unique 0 $(( SEED_SIZE / WRK_THREADS ))) ;;
      esac
      results[$c,$workload,mock,$round]=$(measure "$MOCK_PORT" "$c" "${args[@]}")
      results[$c,$workload,wiremock,$round]=$(measure "$WM_PORT" "$c" "${args[@]}")
      echo "round $round -c$c $workload: mock ${results[$c,$workload,mock,$round]} | wiremock ${results[$c,$workload,wiremock,$round]}"
      for server in mock wiremock; do
        bad=$(broken "$workload" "$server" "$(awk '{print $4}' <<<"${results[$c,$workload,$server,$round]}")")
        if [ -n "$bad" ]; then echo "BROKEN: $workload on $server got $bad" >&2; broken_runs=1; fi
      done
    done
    run=$(( run + 1 ))
  done
done

col_median() { # connections workload server column
  for round in $(seq 1 "$ROUNDS"); do echo "${results[$1,$2,$3,$round]}" | awk -v c="$4" '{print $c}'; done | median
}
echo
echo "machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2}')), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); heap $HEAP; wrk -t$WRK_THREADS -d$DURATION; $ROUNDS rounds, medians"
printf '%-4s %-8s %-9s %10s %9s %9s\n' conn workload server req/s p50_ms p99_ms
for c in "${levels[@]}"; do
  for workload in 814 814-new success; do
    for server in mock wiremock; do
      printf '%-4s %-8s %-9s %10s %9s %9s\n' "$c" "$workload" "$server" \
        "$(col_median "$c" $workload $server 1)" "$(col_median "$c" $workload $server 2)" "$(col_median "$c" $workload $server 3)"
    done
    case $workload in 814) t="throughput >= 0.85" ;; 814-new) t="throughput >= 0.7, p99 <= 1.5" ;; success) t="throughput >= 0.6" ;; esac
    awk -v mr="$(col_median "$c" $workload mock 1)" -v wr="$(col_median "$c" $workload wiremock 1)" \
        -v mp="$(col_median "$c" $workload mock 3)" -v wp="$(col_median "$c" $workload wiremock 3)" -v w="$workload" -v c="$c" -v t="$t" \
        'BEGIN { printf "%-4s %-8s ratio     throughput %.2f   p99 %.2f   (target: %s)\n", c, w, mr/wr, mp/wp, t }'
  done
done
if [ -n "${broken_runs:-}" ]; then
  echo "BROKEN runs above: their answers were not what the workload says; the figures do not hold" >&2
  exit 1
fi
