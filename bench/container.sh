#!/usr/bin/env bash
# The image against WireMock's jar in a container on the same base, started the same way
# (podman run -d -p, read-only root): start to the first 200 of /__admin/health, RUNS starts each,
# alternated; then the resident memory of each after 60 s of revoke load (wrk -c8 on its
# revokeEarn: the mock's 814 path, WireMock's static stub) under a 512 MB memory limit.
# Needs podman, wrk and the base image (docker/base-image.sh). Settings: RUNS=11 LOAD=60s.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
RUNS=${RUNS:-11}
LOAD=${LOAD:-60s}
BASE=${BASE_IMAGE:-localhost/revoke-earn-base:17}
export CONTAINERS_CONF=$ROOT/docker/containers.conf
build_jar
fetch_wiremock

podman build -q --format docker --build-arg BASE_IMAGE="$BASE" -t localhost/revoke-earn:bench "$ROOT" > /dev/null
WM_CTX=$WORK/wiremock-image
mkdir -p "$WM_CTX" && cp "$WIREMOCK_JAR" "$WM_CTX/wiremock.jar" && cp -r "$(static_root)/mappings" "$WM_CTX/"
cat > "$WM_CTX/Dockerfile" <<DOCKERFILE
FROM $BASE
COPY wiremock.jar /opt/wiremock/wiremock.jar
COPY mappings /opt/wiremock/root/mappings
USER 10001:10001
ENTRYPOINT ["java", "-XX:-UsePerfData", "-XX:MaxRAMPercentage=75", "-jar", "/opt/wiremock/wiremock.jar", "--port", "8080", "--root-dir", "/opt/wiremock/root", "--disable-banner"]
DOCKERFILE
podman build -q --format docker -t localhost/wiremock-plain:bench "$WM_CTX" > /dev/null
echo "images: $(podman image inspect --format '{{.Size}}' localhost/revoke-earn:bench | awk '{printf "%.0f MB", $1/1e6}') (mock)," \
  "$(podman image inspect --format '{{.Size}}' localhost/wiremock-plain:bench | awk '{printf "%.0f MB", $1/1e6}') (WireMock); base $(podman image inspect --format '{{.Size}}' "$BASE" | awk '{printf "%.0f MB", $1/1e6}')"

first_200() { # image [podman options...]: ms from podman run to the first 200
  local image=$1; shift
  local port; port=$(free_port)
  local t0; t0=$(now_ms)
  local id; id=$(podman run -d --read-only -p "127.0.0.1:$port:8080" "$@" "$image" 2>/dev/null)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/__admin/health")" = 200 ]; do sleep 0.01; done
  echo $(( $(now_ms) - t0 ))
  podman rm -f -t 0 "$id" > /dev/null 2>&1
}

declare -a mock_ms wm_ms
first_200 localhost/revoke-earn:bench > /dev/null; first_200 localhost/wiremock-plain:bench > /dev/null   # warm the page cache
for i in $(seq 1 "$RUNS"); do
  mock_ms+=("$(first_200 localhost/revoke-earn:bench)")
  wm_ms+=("$(first_200 localhost/wiremock-plain:bench)")
  echo "start $i: mock ${mock_ms[-1]} ms, WireMock ${wm_ms[-1]} ms"
done
m=$(printf '%s\n' "${mock_ms[@]}" | median); w=$(printf '%s\n' "${wm_ms[@]}" | median)
echo "start to first 200, median of $RUNS: mock $m ms, WireMock $w ms, ratio $(awk -v a="$m" -v b="$w" 'BEGIN {printf "%.2f", a/b}') (target <= 0.5)"

rss_after_load() { # image: RSS (MB) of the JVM after LOAD of wrk under --memory 512m
  local port; port=$(free_port)
  local id; id=$(podman run -d --memory 512m -p "127.0.0.1:$port:8080" "$1" 2>/dev/null)
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/__admin/health")" = 200 ]; do sleep 0.05; done
  local out; out=$(WRK_THREADS=2 DURATION=$LOAD measure "$port" 8 same)
  local rss; rss=$(podman exec "$id" sh -c 'grep VmRSS /proc/1/status' | awk '{printf "%.0f", $2/1024}')
  echo "$rss MB after $LOAD at $(awk '{print $1}' <<<"$out") req/s ($(awk '{print $4}' <<<"$out"))"
  podman rm -f -t 0 "$id" > /dev/null 2>&1
}
WRK_THREADS=2
DURATION=$LOAD
echo "mock RSS: $(rss_after_load localhost/revoke-earn:bench)"
echo "WireMock RSS: $(rss_after_load localhost/wiremock-plain:bench)"
