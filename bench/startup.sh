#!/usr/bin/env bash
# Median time from `java -jar` to the first 200 of revokeEarn, over N starts of the mock and of plain
# WireMock standalone serving a static stub of the same path, alternated, same JVM and heap.
# Usage: bench/startup.sh [N]   (default 5); MOCK_JAVA_OPTS adds JVM options to the mock's runs
# (e.g. "-XX:SharedArchiveFile=target/bench/mock.jsa", see README: Performance)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
N=${1:-5}
build_jar
fetch_wiremock
ROOT_DIR=$(static_root)

one_start() { # label, command...
  local port; port=$(free_port)
  local t0; t0=$(now_ms)
  "${@:2}" --port "$port" >/dev/null 2>&1 &
  local pid=$!
  wait_for_200 "$port"
  local t1; t1=$(now_ms)
  stop_pid "$pid"
  echo $(( t1 - t0 ))
}

mock_ms=(); wm_ms=()
for i in $(seq 1 "$N"); do
  # shellcheck disable=SC2086 # MOCK_JAVA_OPTS is a list of options
  mock_ms+=("$(one_start mock java -Xmx$HEAP ${MOCK_JAVA_OPTS:-} -jar "$MOCK_JAR")")
  wm_ms+=("$(one_start wiremock java -Xmx$HEAP -jar "$WIREMOCK_JAR" --root-dir "$ROOT_DIR" --disable-banner)")
done
m=$(printf '%s\n' "${mock_ms[@]}" | median)
w=$(printf '%s\n' "${wm_ms[@]}" | median)
printf 'start-up to first 200 (ms, %s starts each, -Xmx%s)\n' "$N" "$HEAP"
printf '  revoke-earn mock   median %6s   runs: %s\n' "$m" "${mock_ms[*]}"
printf '  plain WireMock     median %6s   runs: %s\n' "$w" "${wm_ms[*]}"
awk -v m="$m" -v w="$w" 'BEGIN { printf "  ratio mock/WireMock %.2f\n", m / w }'
echo "jar size: $(stat -c %s "$MOCK_JAR") bytes ($(du -h "$MOCK_JAR" | cut -f1))"
