#!/usr/bin/env bash
# Scale: the mock seeded with 1,000,000 earn instances against the same mock seeded with 1,000, both
# with -Xmx512m. Prints seed load time, heap after load (after a full GC), and revoke latency on the
# 814 path (the same revoke again and again: a ledger lookup through the whole pipeline), alternated
# over ROUNDS rounds, medians.   Settings: ROUNDS=3 DURATION=8s CONNECTIONS=8 HEAP=512m
set -euo pipefail
source "$(dirname "$0")/lib.sh"
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8s}
CONNECTIONS=${CONNECTIONS:-8}
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
build_jar

declare -A port pid
for n in 1000 1000000; do
  seed=$WORK/seed-$n.json
  [ -f "$seed" ] || python3 "$BENCH_DIR/make_seed.py" "$n" "$seed"
  port[$n]=$(free_port)
  java -Xms$HEAP -Xmx$HEAP -jar "$MOCK_JAR" --port "${port[$n]}" --seed "$seed" >"$WORK/scale-$n.log" 2>&1 &
  pid[$n]=$!
  wait_for_200 "${port[$n]}"
done
trap 'stop_pid ${pid[1000]}; stop_pid ${pid[1000000]}' EXIT

measure() {
  local out
  out=$(wrk -t1 -c"$CONNECTIONS" -d"$DURATION" --latency -s "$BENCH_DIR/revoke.lua" "http://127.0.0.1:$1" -- same)
  echo "$(awk '/^Requests\/sec/ {print $2}' <<<"$out") $(awk '$1=="50%" {print $2}' <<<"$out" | to_ms) $(awk '$1=="99%" {print $2}' <<<"$out" | to_ms)"
}

for n in 1000 1000000; do measure "${port[$n]}" >/dev/null; done   # warm-up
declare -A runs
for round in $(seq 1 "$ROUNDS"); do
  for n in 1000 1000000; do
    runs[$n,$round]=$(measure "${port[$n]}")
    echo "round $round, $n instances: ${runs[$n,$round]}"
  done
done

echo
printf '%-10s %12s %14s %10s %9s %9s\n' instances seed_load_ms heap_used_MB req/s p50_ms p99_ms
for n in 1000 1000000; do
  load=$(grep -o 'started in [0-9]* ms' "$WORK/scale-$n.log" | grep -o '[0-9]*')
  jcmd "${pid[$n]}" GC.run >/dev/null
  heap=$(jcmd "${pid[$n]}" GC.heap_info | awk '/used/ {for (i=1;i<=NF;i++) if ($i=="used") {v=$(i+1); sub(/K,?/,"",v); printf "%d", v/1024; exit}}')
  col() { for r in $(seq 1 "$ROUNDS"); do echo "${runs[$n,$r]}" | awk -v c="$1" '{print $c}'; done | median; }
  printf '%-10s %12s %14s %10s %9s %9s\n' "$n" "$load" "$heap" "$(col 1)" "$(col 2)" "$(col 3)"
done
p99_small=$(for r in $(seq 1 "$ROUNDS"); do echo "${runs[1000,$r]}" | awk '{print $3}'; done | median)
p99_large=$(for r in $(seq 1 "$ROUNDS"); do echo "${runs[1000000,$r]}" | awk '{print $3}'; done | median)
awk -v s="$p99_small" -v l="$p99_large" 'BEGIN { printf "p99 1M/1k = %.2f (target <= 1.20)\n", l/s }'
