#!/usr/bin/env bash
# Profiles one salient command on one generated front with perf, DWARF call stacks (so that
# malloc and free called from GEOS count as GEOS), and prints who did the work, then what
# writing the same output files costs at the least (write_floor.py).
#   bash Benchmarks/profile/profile.sh snapshots Benchmarks/.work/inputs/kursk-p10000-e10000-d1000-s1
# Run Benchmarks/run.sh first: it builds .build-bench/release/salient and generates the inputs.
set -euo pipefail
cd "$(dirname "$0")/../.."
command="$1" inputs="$2" frequency="${3:-99}"
command -v perf >/dev/null || { apt-get update -qq && apt-get install -y -qq linux-perf >/dev/null; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
arguments=("$command" "$inputs/timeline.yaml")
case "$command" in
  check) arguments+=(--format json) ;;
  *) arguments+=(--out "$work/out" --quiet) ;;
esac
perf record -q -F "$frequency" --call-graph dwarf,16384 -o "$work/perf.data" \
  .build-bench/release/salient "${arguments[@]}" > /dev/null
perf script -i "$work/perf.data" -F comm,tid,period,ip,sym,dso 2>/dev/null | python3 Benchmarks/profile/shares.py
if [ -d "$work/out" ]; then
  echo
  python3 Benchmarks/profile/write_floor.py "$work/out"
fi
