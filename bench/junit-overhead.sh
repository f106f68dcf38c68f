#!/usr/bin/env bash
# Per-test overhead of the JUnit 5 extension (a fresh org per test, copied from the demo seed, and
# removed after it), from a consumer's build: Surefire's own time for 2000 repeated no-op tests with
# the extension, minus 2000 without, over N runs (default 5); the first extension test of each run
# also starts the shared mock, so it is left out.
# Usage: bench/junit-overhead.sh [N]
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-5}
mvn -B -q install -DskipTests >/dev/null
cd bench/junit-overhead
per_test=()
for i in $(seq 1 "$N"); do
  mvn -B -q test >/dev/null
  with=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
cases = ET.parse('target/surefire-reports/TEST-bench.WithExtensionTest.xml').getroot().findall('testcase')
print(sum(float(c.get('time')) for c in cases[1:]) / (len(cases) - 1))
PY
)
  without=$(python3 - <<'PY'
import xml.etree.ElementTree as ET
cases = ET.parse('target/surefire-reports/TEST-bench.WithoutExtensionTest.xml').getroot().findall('testcase')
print(sum(float(c.get('time')) for c in cases) / len(cases))
PY
)
  per_test+=("$(python3 -c "print(round(($with - $without) * 1000, 3))")")
done
printf 'extension overhead per test (ms), %s runs of 2000 tests: %s\n' "$N" "${per_test[*]}"
printf '  median %s ms\n' "$(printf '%s\n' "${per_test[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}')"
