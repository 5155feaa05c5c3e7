#!/usr/bin/env bash
# Runs inside pg_virtualenv (a throwaway PostgreSQL cluster; it exports PGHOST, PGPORT, PGUSER,
# PGPASSWORD and PGDATABASE): loads the Kursk layers with --postgis and prints what the
# database holds, one "name: value" line each, for PostGISTests to compare.
#   pg_virtualenv bash Tests/clients/postgis_check.sh SALIENT TIMELINE WORKDIR
set -euo pipefail
salient="$1" timeline="$2" work="$3"
url="postgresql://$PGUSER@$PGHOST:$PGPORT/$PGDATABASE"
q() { psql -XAtqc "$1"; }

"$salient" export "$timeline" --out "$work/export" -q --postgis "$url"
"$salient" snapshots "$timeline" --out "$work/snapshots" -q --postgis "$url"
for table in events control control_timeline events_timeline series; do
  echo "rows $table: $(q "select count(*) from $table")"
done
echo "srid control: $(q "select distinct ST_SRID(geom) from control")"
echo "valid control_timeline: $(q "select bool_and(ST_IsValid(geom)) from control_timeline")"
echo "date type: $(q "select data_type from information_schema.columns where table_name = 'control_timeline' and column_name = 'start_date'")"
echo "gist: $(q "select count(*) from pg_indexes where indexdef like '%USING gist%'")"
echo "area controlled: $(q "select area_km2 from control where tier = 'controlled'")"
echo "ogrinfo control: $(ogrinfo -ro -so "PG:" control | grep -E '^Feature Count' | tr -d '\n')"
echo "ogrinfo start_date: $(ogrinfo -ro -so "PG:" control_timeline | grep -E '^start_date' | tr -d '\n')"
QT_QPA_PLATFORM=offscreen XDG_RUNTIME_DIR="$work" /usr/bin/python3 - <<PY
import os
from qgis.core import QgsApplication, QgsVectorLayer
app = QgsApplication([], False)
app.initQgis()
e = os.environ
source = f"PG:host={e['PGHOST']} port={e['PGPORT']} dbname={e['PGDATABASE']} user={e['PGUSER']} password={e['PGPASSWORD']}"
layer = QgsVectorLayer(source + "|layername=control_timeline", "layer", "ogr")
print("qgis control_timeline:", layer.isValid(), sum(1 for _ in layer.getFeatures()), layer.crs().authid())
del layer
app.exitQgis()
PY

# A run that fails in the middle leaves the previous rows: a column the load cannot fill.
q "alter table control add column blocker integer not null default 0"
q "alter table control alter column blocker drop default"
status=0
"$salient" export "$timeline" --out "$work/export" -q --force --postgis "$url" 2> "$work/failed.err" || status=$?
echo "failed run exit: $status"
echo "failed run message: $(head -c 160 "$work/failed.err")"
echo "rows events after failed run: $(q "select count(*) from events")"
echo "rows control after failed run: $(q "select count(*) from control")"

# Two runs at once: the second waits for the first, so the rows are one run's, not two.
"$salient" snapshots "$timeline" --out "$work/a" -q --postgis "$url" &
"$salient" snapshots "$timeline" --out "$work/b" -q --postgis "$url" &
wait
echo "rows series after two runs at once: $(q "select count(*) from series")"
echo "rows control_timeline after two runs at once: $(q "select count(*) from control_timeline")"
