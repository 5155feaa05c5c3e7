#!/usr/bin/env bash
# Runs every check CI runs: each fuzz target for 15 s, the test suite under AddressSanitizer
# with LeakSanitizer and under ThreadSanitizer, then the test suite itself (unit tests, golden
# files, the bad-input corpus, the exports opened in GDAL and headless QGIS). Installs what
# the tests need when it is missing. Last, the benchmark at its smallest size, for correctness,
# and the accuracy report's smoke run.
#   scripts/test.sh           everything (what CI runs)
#   scripts/test.sh --quick   the test suite only
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh --test
echo "== architecture: SalientIO and the CLI name no GEOS or PROJ type, SalientIO no job or estimator"
scripts/check-architecture.sh
echo "== format: swift format lint --strict (.swift-format)"
swift format lint --strict --recursive Sources Tests Benchmarks/Sources

# Runs a test command quietly, printing its last lines; the whole log when it fails.
run_logged() {
  local name="$1"; shift
  local log=".build-logs/$name.log"
  mkdir -p .build-logs
  if "$@" > "$log" 2>&1; then
    grep -E "Test run with|Executed [0-9]+ tests" "$log" | tail -1 | sed "s/^/  $name: /"
  else
    grep -E "✘|error:|ERROR|SUMMARY" "$log" | head -80 >&2
    tail -20 "$log" >&2
    echo "$name failed; the whole log is $log" >&2
    return 1
  fi
}

if [[ "${1:-}" != "--quick" ]]; then
  echo "== fuzzing"
  scripts/fuzz.sh 15
  echo "== AddressSanitizer and LeakSanitizer"
  # libXCTest leaks a few objects of its own at exit; nothing of Salient's is suppressed.
  # print_suppressions=0: the salient binaries the tests start must print exactly their own stderr.
  LSAN_OPTIONS="suppressions=$PWD/Tests/lsan-suppressions.txt:print_suppressions=0" \
    run_logged asan swift test --scratch-path .build-asan --sanitize=address
  echo "== ThreadSanitizer"
  run_logged tsan swift test --scratch-path .build-tsan --sanitize=thread
fi
echo "== tests"
swift build --build-tests
swift test --skip-build
if [[ "${1:-}" != "--quick" ]]; then
  # Not a timing: the release build and the Python peer on the smallest inputs, in three
  # sectors, failing when their areas disagree (Benchmarks/README.md).
  echo "== benchmarks, smallest size, for correctness"
  bash Benchmarks/run.sh --smallest
  # A mistyped option must be refused (exit 2, naming it), not start a ten-minute run.
  status=0
  message=$(Benchmarks/.build/release/salient-bench run --sise s 2>&1) || status=$?
  if [[ $status -ne 2 || "$message" != *"unknown option '--sise'"* ]]; then
    echo "salient-bench accepted an unknown option (exit $status): $message" >&2
    exit 1
  fi
  echo "  salient-bench refuses an unknown option"
  # Not a score: perfect reports on small fronts in three sectors, failing when a true polygon
  # is invalid as written, a press timeline is refused, or no method's range holds the true
  # area on most days (Benchmarks/README.md, "Accuracy").
  echo "== accuracy, smoke run"
  bash Benchmarks/accuracy.sh --smoke | tail -1
fi
