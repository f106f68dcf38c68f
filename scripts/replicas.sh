#!/usr/bin/env bash
# Starts N revoke-earn replicas on one machine, all sharing one PostgreSQL database, on consecutive
# ports; prints each base URL once it serves; stops them all on SIGTERM (or Ctrl-C in a terminal),
# and stops the others and exits 1 if one of them ends.
#
#   scripts/replicas.sh [-n N] [-p FIRST_PORT] [-j JAR] [-l LOG_DIR] JDBC_URL [-- MORE_MOCK_FLAGS...]
#
# User and password: PGUSER / PGPASSWORD in the environment (kept out of ps), or in the URL. Each
# replica logs to LOG_DIR/replica-I.log (default: a new directory, printed). Put a load balancer
# (nginx, HAProxy, a cloud one) in front of the ports; its health check is GET /__admin/health.
set -euo pipefail

replicas=2
first_port=8081
jar="$(dirname "$0")/../target/revoke-earn-mock.jar"
logs=""
while getopts "n:p:j:l:h" option; do
  case "$option" in
    n) replicas="$OPTARG" ;;
    p) first_port="$OPTARG" ;;
    j) jar="$OPTARG" ;;
    l) logs="$OPTARG" ;;
    *) sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
  esac
done
shift $((OPTIND - 1))
if [[ $# -lt 1 ]]; then
  echo "error: give the JDBC URL, e.g. jdbc:postgresql://127.0.0.1:5432/revoke_earn (see -h)" >&2
  exit 2
fi
url="$1"
shift
[[ "${1:-}" == "--" ]] && shift
if [[ ! -f "$jar" ]]; then
  echo "error: $jar is missing: run mvn -B package -DskipTests first, or give -j JAR" >&2
  exit 2
fi

work="$(mktemp -d)"
if [[ -z "$logs" ]]; then
  logs="$(mktemp -d -t revoke-earn-replicas.XXXXXX)"
fi
mkdir -p "$logs"
echo "logs: $logs"
pids=()
stop() {
  trap - EXIT INT TERM
  if [[ ${#pids[@]} -gt 0 ]]; then
    kill "${pids[@]}" 2>/dev/null || true
    wait "${pids[@]}" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap stop EXIT
trap 'stop; exit 0' INT TERM

for ((i = 0; i < replicas; i++)); do
  java -jar "$jar" --port $((first_port + i)) --state-url "$url" \
    --ready-file "$work/ready-$i" "$@" > "$logs/replica-$i.log" 2>&1 &
  pids+=("$!")
done
for ((i = 0; i < replicas; i++)); do
  for ((tick = 0; tick < 600; tick++)); do
    [[ -s "$work/ready-$i" ]] && break
    if ! kill -0 "${pids[$i]}" 2>/dev/null; then
      echo "error: replica $i ended before serving:" >&2
      cat "$logs/replica-$i.log" >&2
      exit 1
    fi
    sleep 0.1
  done
  [[ -s "$work/ready-$i" ]] || { echo "error: replica $i did not serve within 60 s" >&2; exit 1; }
  echo "replica $i: $(cat "$work/ready-$i")"
done
echo "all $replicas replicas serve; SIGTERM (or Ctrl-C) stops them"
# Whichever replica ends first (not by our stop): say so, stop the others, fail.
set +e
wait -n "${pids[@]}"
code=$?
echo "error: a replica ended (exit $code); stopping the others. Logs: $logs" >&2
exit 1
