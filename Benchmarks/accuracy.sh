#!/usr/bin/env bash
# The control estimate against a synthetic ground truth (Benchmarks/README.md, "Accuracy").
#
#   bash Benchmarks/accuracy.sh           the table in the README (a few minutes on 2 cores)
#   bash Benchmarks/accuracy.sh --smoke   a small run with perfect reports that fails (exit 2)
#                                         when a true polygon is invalid as written, a press
#                                         timeline is refused, or no method puts the true held
#                                         area inside its range on most days
#
# Builds the harness in release mode (it links SalientCore and SalientIO and runs the estimator
# in-process) and writes its inputs into Benchmarks/.work/accuracy. Extra arguments go to
# `salient-bench accuracy`.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build >/dev/null

if [ "${1:-}" = "--smoke" ]; then
    shift
    exec Benchmarks/.build/release/salient-bench accuracy --places 800 --days 30 --perfect \
        --densities 100 --work Benchmarks/.work/accuracy-smoke --expect-in-range 80 "$@"
fi
exec Benchmarks/.build/release/salient-bench accuracy --places 3000 --days 80 "$@"
