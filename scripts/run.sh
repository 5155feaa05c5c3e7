#!/usr/bin/env bash
# The main job: install what is missing, build, and export the bundled Kursk timeline:
# the final-day export, the daily snapshots with the QGIS temporal layer, and the series.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build --product salient
.build/debug/salient export timelines/kursk-2024.yaml
.build/debug/salient snapshots timelines/kursk-2024.yaml --from 2024-08-06 --to 2024-08-15
