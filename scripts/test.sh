#!/usr/bin/env bash
# Runs every test: unit tests, golden files, bad-input cases, and the exports opened in
# GDAL (ogrinfo) and headless QGIS. Installs what the tests need when it is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-dependencies.sh --test
swift build --build-tests
swift test --skip-build
