#!/usr/bin/env bash
# The main job: install what is missing, build, and run Salient on the bundled Kursk timeline:
# the final-day export, the daily snapshots with the QGIS temporal layer and the series (all
# written to exports/kursk-2024/, with the offline time-slider page index.html), then the claims
# checked against them (printed).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh
swift build --product salient
.build/debug/salient export timelines/kursk-2024.yaml
.build/debug/salient snapshots timelines/kursk-2024.yaml --from 2024-08-06 --to 2024-08-30 --html
.build/debug/salient check timelines/kursk-2024.yaml
