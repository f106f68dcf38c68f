#!/usr/bin/env bash
# Resident memory (RSS) after load: the mock and plain WireMock standalone (a static stub, its
# default settings), both started with the JVM's default heap, each driven with DURATION of wrk
# (-t2 -c32; the mock on the unique-body 814 path, WireMock on its stub), then their VmRSS read
# from /proc; WireMock again without its request journal (unbounded by default); then the mock with
# the small-footprint flags of the README (SMALL_OPTS).
# Settings: DURATION=60s SMALL_OPTS="-Xmx128m -XX:+UseSerialGC"
set -euo pipefail
source "$(dirname "$0")/lib.sh"
DURATION=${DURATION:-60s}
SMALL_OPTS=${SMALL_OPTS:--Xmx128m -XX:+UseSerialGC}

command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
build_jar
fetch_wiremock
ROOT_DIR=$(static_root)

rss_mb() { awk '/VmRSS/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"; }

# label, port, wrk mode, command... : prints "label rss_mb req/s"
loaded_rss() {
  local label=$1 port=$2 mode=$3; shift 3
  "$@" --port "$port" >"$WORK/rss-$label.log" 2>&1 &
  local pid=$!
  wait_for_200 "$port"
  local out
  out=$(wrk -t2 -c32 -d"$DURATION" -s "$BENCH_DIR/revoke.lua" "http://127.0.0.1:$port" -- "$mode" 0)
  echo "$label $(rss_mb $pid) $(awk '/^Requests\/sec/ {print $2}' <<<"$out")"
  stop_pid "$pid"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; java $(java -version 2>&1 | awk -F'"' '/version/ {print $2}'); wrk -t2 -c32 -d$DURATION"
printf '%-34s %8s %10s\n' server rss_mb req/s
mock=$(loaded_rss mock "$(free_port)" unique814 java -jar "$MOCK_JAR")
wiremock=$(loaded_rss wiremock "$(free_port)" same java -jar "$WIREMOCK_JAR" --root-dir "$ROOT_DIR" --disable-banner)
# WireMock's journal is unbounded by default; without it, its footprint is its own.
nojournal=$(loaded_rss nojournal "$(free_port)" same java -jar "$WIREMOCK_JAR" --root-dir "$ROOT_DIR" --disable-banner --no-request-journal)
# shellcheck disable=SC2086 # SMALL_OPTS is a list of options
small=$(loaded_rss small "$(free_port)" unique814 java $SMALL_OPTS -jar "$MOCK_JAR")
printf '%-34s %8s %10s\n' "mock, default heap" $(cut -d' ' -f2- <<<"$mock")
printf '%-34s %8s %10s\n' "plain WireMock, default heap" $(cut -d' ' -f2- <<<"$wiremock")
printf '%-34s %8s %10s\n' "plain WireMock, no journal" $(cut -d' ' -f2- <<<"$nojournal")
printf '%-34s %8s %10s\n' "mock, $SMALL_OPTS" $(cut -d' ' -f2- <<<"$small")
awk -v m="$(cut -d' ' -f2 <<<"$mock")" -v w="$(cut -d' ' -f2 <<<"$wiremock")" -v s="$(cut -d' ' -f2 <<<"$small")" \
  'BEGIN { printf "ratio mock/WireMock %.2f (target <= 1.0); small-footprint mock/WireMock %.2f\n", m/w, s/w }'
