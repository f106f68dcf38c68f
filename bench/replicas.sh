#!/usr/bin/env bash
# Two replicas on one PostgreSQL (--state-url) against one in-memory mock, in the same run, on two
# workloads:
#   success  each request revokes a different seeded earn instance (every answer 200)
#   814      the same revoke again and again (every answer 409/814)
# The replicas get one wrk each, with half the connections; the in-memory mock one wrk with all of
# them. Prints req/s (replicas summed), p99 (the worse replica), the database's share of the CPU
# time spent serving (PostgreSQL's processes / PostgreSQL + the java processes), medians of ROUNDS.
#
# PostgreSQL: STATE_URL (with PGUSER/PGPASSWORD) if set; else the Debian cluster of this machine
# (apt-get install -y postgresql), started if need be, with a throwaway database revoke_earn_bench.
# Settings: ROUNDS=3 DURATION=8s CONNECTIONS=16 HEAP=512m POOL=10, SEED_SIZE=100000 (the replicas'
# seed, written to PostgreSQL) and MEMORY_SEED_SIZE=400000 (the in-memory mock serves more requests;
# it is reset before each of its success runs).
# Check the statuses columns: a "success" run that shows 409s ran out of seeded instances.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-16}
SEED_SIZE=${SEED_SIZE:-100000}
MEMORY_SEED_SIZE=${MEMORY_SEED_SIZE:-400000}
POOL=${POOL:-10}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
if [ -z "${STATE_URL:-}" ]; then
  command -v pg_ctlcluster >/dev/null ||
    { echo "set STATE_URL, or apt-get install -y postgresql for a local cluster" >&2; exit 1; }
  version=$(ls /usr/lib/postgresql | sort -n | tail -1)
  pg_ctlcluster "$version" main start 2>/dev/null || true
  su postgres -c "psql -qc 'DROP DATABASE IF EXISTS revoke_earn_bench' -c 'CREATE DATABASE revoke_earn_bench' -c \"ALTER USER postgres PASSWORD 'bench'\"" >/dev/null
  STATE_URL=jdbc:postgresql://127.0.0.1:5432/revoke_earn_bench
  export PGUSER=postgres PGPASSWORD=bench
fi
build_jar
SEED=$WORK/seed-$SEED_SIZE.json
[ -f "$SEED" ] || python3 "$BENCH_DIR/make_seed.py" "$SEED_SIZE" "$SEED"
MEMORY_SEED=$WORK/seed-$MEMORY_SEED_SIZE.json
[ -f "$MEMORY_SEED" ] || python3 "$BENCH_DIR/make_seed.py" "$MEMORY_SEED_SIZE" "$MEMORY_SEED"

JAVA_OPTS=(-Xms$HEAP -Xmx$HEAP)
MEM_PORT=$(free_port); A_PORT=$(free_port); B_PORT=$(free_port)
java "${JAVA_OPTS[@]}" -jar "$MOCK_JAR" --port "$MEM_PORT" --seed "$MEMORY_SEED" >"$WORK/memory.log" 2>&1 &
MEM_PID=$!
java "${JAVA_OPTS[@]}" -jar "$MOCK_JAR" --port "$A_PORT" --seed "$SEED" --state-url "$STATE_URL" \
  --state-pool-size "$POOL" >"$WORK/replica-a.log" 2>&1 &
A_PID=$!
trap 'stop_pid $MEM_PID; stop_pid $A_PID; stop_pid ${B_PID:-0}' EXIT
wait_for_200 "$MEM_PORT"
echo "replica a: seeding PostgreSQL with $SEED_SIZE earn instances..."
seed_start=$(now_ms)
curl -sf -o /dev/null --retry 120 --retry-delay 1 --retry-connrefused "http://127.0.0.1:$A_PORT/__admin/health"
echo "replica a: seeded and serving after $(( $(now_ms) - seed_start )) ms"
java "${JAVA_OPTS[@]}" -jar "$MOCK_JAR" --port "$B_PORT" --seed "$SEED" --state-url "$STATE_URL" \
  --state-pool-size "$POOL" >"$WORK/replica-b.log" 2>&1 &
B_PID=$!
wait_for_200 "$A_PORT"   # revokes the doc's instance: from now on "814" gets 814 on both
curl -sf -o /dev/null --retry 60 --retry-delay 1 --retry-connrefused "http://127.0.0.1:$B_PORT/__admin/health"

# CPU ticks (user + system) of the given processes, from /proc
ticks() { for pid in "$@"; do awk '{print $14 + $15}' "/proc/$pid/stat" 2>/dev/null || echo 0; done | awk '{s+=$1} END {print s+0}'; }
postgres_pids() { pgrep -u postgres -d' ' postgres || true; }

# One wrk run: "req/s p99_ms statuses"
wrk_run() { # port mode offset connections
  local out
  out=$(wrk -t1 -c"$4" -d"$DURATION" --latency -s "$BENCH_DIR/revoke.lua" "http://127.0.0.1:$1" -- "$2" "$3")
  printf '%s %s %s\n' "$(awk '/^Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)" "$(grep '^statuses:' <<<"$out" | cut -d' ' -f2- | tr ' ' ',')"
}

# Both replicas at once, half the connections each: "req/s p99_ms db_share statuses_a statuses_b"
replicas_run() { # mode offset_a offset_b
  local pg before_db before_java a b
  pg=$(postgres_pids)
  # shellcheck disable=SC2086 # a list of pids
  before_db=$(ticks $pg); before_java=$(ticks "$A_PID" "$B_PID")
  wrk_run "$A_PORT" "$1" "$2" $(( CONNECTIONS / 2 )) >"$WORK/wrk-a" &
  local first=$!
  wrk_run "$B_PORT" "$1" "$3" $(( CONNECTIONS / 2 )) >"$WORK/wrk-b"
  wait "$first"
  # shellcheck disable=SC2086
  local db=$(( $(ticks $pg) - before_db )) java=$(( $(ticks "$A_PID" "$B_PID") - before_java ))
  read -r ra pa sa <"$WORK/wrk-a"; read -r rb pb sb <"$WORK/wrk-b"
  awk -v ra="$ra" -v rb="$rb" -v pa="$pa" -v pb="$pb" -v db="$db" -v j="$java" -v sa="$sa" -v sb="$sb" \
    'BEGIN { printf "%.1f %.3f %.2f %s %s\n", ra+rb, (pa>pb?pa:pb), (db+j>0 ? db/(db+j) : 0), sa, sb }'
}

echo "warming up (the JIT needs a few hundred thousand requests)..."
for pass in 1 2; do
  wrk_run "$MEM_PORT" same 0 "$CONNECTIONS" >/dev/null
  replicas_run same 0 0 >/dev/null
done

declare -A results
chunk=$(( SEED_SIZE / ROUNDS / 2 ))
for round in $(seq 1 "$ROUNDS"); do
  base=$(( (round - 1) * 2 * chunk ))
  # Every seeded instance active again (not timed), then the doc's revoked again for "814".
  curl -sf -o /dev/null -X POST "http://127.0.0.1:$MEM_PORT/__admin/reset"
  wait_for_200 "$MEM_PORT"
  results[success,memory,$round]=$(wrk_run "$MEM_PORT" unique 0 "$CONNECTIONS")
  results[success,replicas,$round]=$(replicas_run unique "$base" $(( base + chunk )))
  results[814,memory,$round]=$(wrk_run "$MEM_PORT" same 0 "$CONNECTIONS")
  results[814,replicas,$round]=$(replicas_run same 0 0)
  for workload in success 814; do
    echo "round $round $workload: memory ${results[$workload,memory,$round]} | replicas ${results[$workload,replicas,$round]}"
  done
done

col_median() { # workload server column
  for round in $(seq 1 "$ROUNDS"); do echo "${results[$1,$2,$round]}" | awk -v c="$3" '{print $c}'; done | median
}
echo
echo "machine: $(nproc) cores ($(lscpu | awk -F: '/Model name/ {gsub(/^ +/,"",$2); print $2}')), $(free -g | awk '/Mem:/ {print $2}') GiB;" \
  "java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); heap $HEAP; PostgreSQL $(psql --version 2>/dev/null | awk '{print $3}');" \
  "wrk -c$CONNECTIONS -d$DURATION (replicas: two wrk, -c$(( CONNECTIONS / 2 )) each); pool $POOL; $ROUNDS rounds, medians"
printf '%-8s %-22s %10s %9s %9s\n' workload server req/s p99_ms db_share
for workload in success 814; do
  printf '%-8s %-22s %10s %9s %9s\n' "$workload" "1 mock, in memory" \
    "$(col_median $workload memory 1)" "$(col_median $workload memory 2)" "-"
  printf '%-8s %-22s %10s %9s %9s\n' "$workload" "2 replicas, PostgreSQL" \
    "$(col_median $workload replicas 1)" "$(col_median $workload replicas 2)" "$(col_median $workload replicas 3)"
  awk -v r="$(col_median $workload replicas 1)" -v m="$(col_median $workload memory 1)" \
      -v rp="$(col_median $workload replicas 2)" -v mp="$(col_median $workload memory 2)" -v w="$workload" \
      'BEGIN { printf "%-8s replicas/memory        throughput %.2f   p99 %.2f\n", w, r/m, rp/mp }'
done
