#!/usr/bin/env bash
# Benchmarks Salient against the Python peer (Benchmarks/README.md).
#
#   bash Benchmarks/run.sh              the whole campaign (about 10 minutes on 2 cores)
#   bash Benchmarks/run.sh --smallest   the smallest size once, in each of the three sectors, for
#                                       correctness (CI); exits non-zero when the two disagree
#   bash Benchmarks/run.sh --sizes m-1000d --commands snapshots   one size, one command
#
# Installs what it needs (GEOS, PROJ, python3-venv; the peer's PyPI packages into
# Benchmarks/.venv), builds salient and the harness in release mode, generates the inputs
# into Benchmarks/.work/inputs (reused on later runs) and prints the table. Extra arguments
# go to `salient-bench run`.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-dependencies.sh --bench
if [ ! -x Benchmarks/.venv/bin/python ]; then
    python3 -m venv Benchmarks/.venv
fi
Benchmarks/.venv/bin/pip install --quiet --disable-pip-version-check -r Benchmarks/peer/requirements.txt

swift build --scratch-path .build-bench -c release --product salient >/dev/null
swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build >/dev/null

exec Benchmarks/.build/release/salient-bench run \
    --salient .build-bench/release/salient --python Benchmarks/.venv/bin/python \
    --peer Benchmarks/peer/salient_peer.py --work Benchmarks/.work "$@"
