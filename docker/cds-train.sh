#!/bin/bash
# AppCDS training run, a RUN step of the Dockerfile: starts the mock with -XX:ArchiveClassesAtExit,
# sends what a test suite sends first (bash's /dev/tcp: the image has no curl), then SIGTERM: the
# mock exits 0 and the JVM writes the archive.
set -euo pipefail
JSA=/opt/revoke-earn/app.jsa
READY=$(mktemp -u)
java -XX:ArchiveClassesAtExit="$JSA" -Xlog:cds=error -XX:-UsePerfData \
  -jar /opt/revoke-earn/revoke-earn-mock.jar --port 18080 --ready-file "$READY" > /tmp/train.log 2>&1 &
pid=$!

request() { # METHOD PATH [BODY] [HEADER]: prints the status line
  local body=${3:-} header=${4:-X-Training: 1}
  exec 3<>/dev/tcp/127.0.0.1/18080
  printf '%s %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\nContent-Type: application/json\r\n%s\r\nContent-Length: %d\r\n\r\n%s' \
    "$1" "$2" "$header" "${#body}" "$body" >&3
  local status; IFS= read -r status <&3; cat <&3 > /dev/null; exec 3<&-
  echo "${status%$'\r'}"
}

for _ in $(seq 1 300); do
  [ -s "$READY" ] && break
  kill -0 "$pid" 2>/dev/null || { cat /tmp/train.log; exit 1; }
  sleep 0.1
done
[ -s "$READY" ] || { echo "the mock did not start in 30 s"; cat /tmp/train.log; exit 1; }
AUTH='Authorization: Basic ZGVtby50aWxsOjRiNGQ5NTI5MTQ4ZDhkOTQ0MGQ3ZTIwYzc4Mjg3ZjY5'
DOC='{"badgeMetaId":"653ddb33b3cda7078c7c68e9","customerId":62090013,"earnedBadgeId":"654cbea06bccde1274b6d3a2"}'
request GET /__admin/health
for _ in 1 2 3; do
  request POST /api_gateway/v1/badges/customer/revokeEarn "$DOC" "$AUTH"
  request POST /api_gateway/v1/badges/customer/earn \
    '{"badgeMetaId":"66276dc68fe258516a88ff8e","customerId":62090013,"triggeredBy":{"ownerType":"Loyalty","referenceId":"123694"}}' "$AUTH"
  request POST /v3/oauth/token/generate '{"key":"demo-key","secret":"demo-secret"}'
  request POST /api_gateway/v1/badges/customer/revokeEarn '{"badgeMetaId":1}' "$AUTH"
  request POST /__admin/reset
done
kill -TERM "$pid"
wait "$pid"
rm -f /tmp/train.log
test -s "$JSA"
