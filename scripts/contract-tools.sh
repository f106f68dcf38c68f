#!/usr/bin/env bash
# Checks the contract with the tools its users have: Specmatic's contract tests (default and
# generative) against the standalone jar, Specmatic's stub and Prism's mock serving every example
# pair, and Prism's proxy validating the jar's answers. Needs Java 17, Node.js 18+ and npm (the tools come from npm into
# target/contract-tools). Logs go to target/contract-tools/*.log. Exit 0 when every check passes.
set -euo pipefail
cd "$(dirname "$0")/.."
TOOLS=target/contract-tools
CONTRACT=openapi/revoke-earn.yaml
EXAMPLES=openapi/revoke-earn_examples
JAR=target/revoke-earn-mock.jar
mkdir -p "$TOOLS"
npm install --silent --no-audit --no-fund --prefix "$TOOLS" specmatic@2.55.1 @stoplight/prism-cli@5.16.0 >/dev/null
[ -f "$JAR" ] || mvn -B -q package -DskipTests

free_port() { node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})"; }
PIDS=()
trap 'for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; wait 2>/dev/null || true' EXIT
wait_http() { for _ in $(seq 1 300); do curl -s -o /dev/null "$1" && return 0; sleep 0.1; done; echo "$1 did not answer"; exit 1; }

READY="$TOOLS/mock.ready"; rm -f "$READY"
java -jar "$JAR" --port 0 --ready-file "$READY" > "$TOOLS/mock.log" 2>&1 & PIDS+=($!)
for _ in $(seq 1 300); do [ -s "$READY" ] && break; sleep 0.1; done
MOCK=$(cat "$READY")
reset() { curl -sf -X POST "$MOCK/__admin/reset" > /dev/null; }
# Specmatic takes a security scheme's value from the variable of its name: base64(till:md5(password)).
export basicAuth
basicAuth=$(printf 'demo.till:%s' "$(printf demo-password | md5sum | cut -d' ' -f1)" | base64 | tr -d '\n')
# Specmatic writes its reports into build/ of the directory it runs in: run it in $TOOLS.
specmatic() { (cd "$TOOLS" && exec java -jar node_modules/specmatic/specmatic.jar "$@"); }
CONTRACT_PATH=$(pwd)/$CONTRACT
FAILED=0

reset
specmatic test "$CONTRACT_PATH" --testBaseURL="$MOCK" > "$TOOLS/specmatic.log" 2>&1 || FAILED=1
echo "Specmatic (examples):   $(grep -E '^Tests run' "$TOOLS/specmatic.log")"
grep -E '^WARNING: Ignoring' "$TOOLS/specmatic.log" | sed -E 's/^WARNING: Ignoring response example named ([A-Za-z]+).*/  not run, no request can produce it: \1/' || true

reset
SPECMATIC_GENERATIVE_TESTS=true specmatic test "$CONTRACT_PATH" --testBaseURL="$MOCK" > "$TOOLS/specmatic-generative.log" 2>&1 || true
NEGATIVE_OK=$(grep -cE 'Scenario: .* -> 4xx .*has SUCCEEDED' "$TOOLS/specmatic-generative.log" || true)
NEGATIVE_FAILED=$(grep -cE 'Scenario: .* -> 4xx .*has FAILED' "$TOOLS/specmatic-generative.log" || true)
POSITIVE_FAILED=$(grep -cE 'Scenario: .* -> 2[0-9][0-9] .*has FAILED' "$TOOLS/specmatic-generative.log" || true)
echo "Specmatic (generative): $(grep -E '^Tests run' "$TOOLS/specmatic-generative.log")"
echo "  negative tests answered 4xx: $NEGATIVE_OK of $((NEGATIVE_OK + NEGATIVE_FAILED))"
echo "  positive variants refused for state a generator cannot know (unknown badges, owners, customers, used requestIds, revoked instances): $POSITIVE_FAILED"
[ "$NEGATIVE_FAILED" -eq 0 ] || FAILED=1

PORT=$(free_port)
specmatic stub "$CONTRACT_PATH" --host 127.0.0.1 --port "$PORT" > "$TOOLS/specmatic-stub.log" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:$PORT/"
NODE_PATH="$TOOLS/node_modules" node scripts/contract-examples.mjs specmatic-stub "$CONTRACT" "http://127.0.0.1:$PORT" "$EXAMPLES" \
  > "$TOOLS/specmatic-stub-check.log" 2>&1 || FAILED=1
tail -1 "$TOOLS/specmatic-stub-check.log"

PRISM="$TOOLS/node_modules/.bin/prism"
PORT=$(free_port)
"$PRISM" mock -h 127.0.0.1 -p "$PORT" "$CONTRACT" > "$TOOLS/prism-mock.log" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:$PORT/"
NODE_PATH="$TOOLS/node_modules" node scripts/contract-examples.mjs prism-mock "$CONTRACT" "http://127.0.0.1:$PORT" "$EXAMPLES" \
  > "$TOOLS/prism-mock-check.log" 2>&1 || FAILED=1
tail -1 "$TOOLS/prism-mock-check.log"

PORT=$(free_port)
"$PRISM" proxy -h 127.0.0.1 -p "$PORT" "$CONTRACT" "$MOCK" > "$TOOLS/prism-proxy.log" 2>&1 & PIDS+=($!)
wait_http "http://127.0.0.1:$PORT/"
reset
NODE_PATH="$TOOLS/node_modules" node scripts/contract-examples.mjs prism-proxy "$CONTRACT" "http://127.0.0.1:$PORT" "$EXAMPLES" \
  > "$TOOLS/prism-proxy-check.log" 2>&1 || FAILED=1
tail -1 "$TOOLS/prism-proxy-check.log"

[ "$FAILED" -eq 0 ] && echo "contract tools: all checks passed" || echo "contract tools: a check failed; see $TOOLS/*.log"
exit "$FAILED"
