#!/usr/bin/env bash
# The main job: install what is missing, build, and export the bundled Kursk timeline.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build --product salient
.build/debug/salient export timelines/kursk-2024.yaml
