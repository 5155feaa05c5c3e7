#!/usr/bin/env bash
# Installs the Debian packages Salient needs and that are missing, and nothing else.
#   scripts/install-dependencies.sh          GEOS, PROJ, SQLite, cairo, DejaVu fonts and Leaflet (to build
#                                            and run; Leaflet is inlined into snapshots --html pages)
#   scripts/install-dependencies.sh --test   also GDAL (with its Python bindings, which hold the GeoPackage
#                                            validator) and QGIS (the tests open the exports in them),
#                                            headless Chromium, chromedriver and Pillow (the tests drive
#                                            the time-slider page) and python3-venv (the benchmark's peer)
#   scripts/install-dependencies.sh --bench  GEOS, PROJ and python3-venv
set -euo pipefail
packages=(libgeos-dev libproj-dev proj-data libsqlite3-dev libxxhash-dev libcairo2-dev fonts-dejavu-core libjs-leaflet libpq-dev pkg-config)
case "${1:-}" in
  --test) packages+=(gdal-bin python3-gdal python3-qgis python3-venv python3-pil chromium chromium-driver postgresql-15-postgis-3 postgresql-common) ;;
  --bench) packages+=(python3-venv) ;;
esac
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]} == 0)); then exit 0; fi
echo "installing: ${missing[*]}" >&2
sudo=""
if [[ "$(id -u)" -ne 0 ]]; then sudo="sudo"; fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
