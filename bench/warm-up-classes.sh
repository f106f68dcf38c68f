#!/usr/bin/env bash
# Regenerates src/main/resources/revoke-earn/warm-up-classes.txt: the classes the standalone jar
# loads from start to its first 200 (JDK classes in the JVM's own CDS archive left out), in the
# order it loads them. The CLI loads them on a second thread while it parses its arguments
# (cli/WarmUp). A stale list costs start-up time, never correctness: rerun this after changing
# dependencies or what start-up does, then check bench/startup.sh.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
LIST=$ROOT/src/main/resources/revoke-earn/warm-up-classes.txt
# Recorded from a jar without a list, so the warm-up thread does not record itself.
: > "$LIST"
REBUILD=1 build_jar
LOG=$WORK/warm-up-class-load.txt
PORT=$(free_port)
rm -f "$LOG"
java -Xlog:class+load:file="$LOG" -jar "$MOCK_JAR" --port "$PORT" >/dev/null 2>&1 &
PID=$!
trap 'stop_pid $PID' EXIT
wait_for_200 "$PORT"
stop_pid "$PID"
trap - EXIT
# Up to the first request's fast path; hidden classes (lambdas, proxies) have no name to load.
awk '/ dev\.revokeearn\.gate\.FastPath /{exit} /source: (file|jar|jrt)/ {print $2}' "$LOG" \
  | grep -v -E '\$\$Lambda|Proxy|0x|^dev\.revokeearn\.cli\.WarmUp' > "$LIST"
REBUILD=1 build_jar
echo "$(wc -l < "$LIST") classes in $LIST; the jar is rebuilt with them"
