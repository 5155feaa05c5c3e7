#!/usr/bin/python3
"""Compares GeoPackage tables with the GeoJSON layers they twin, through GDAL, and prints JSON.

Usage: /usr/bin/python3 Tests/clients/gpkg_matches_geojson.py FILE.gpkg TABLE FILE.geojson [TABLE FILE.geojson]...
For each pair: the features in order, their geometries as ISO WKB, and every field, where a
GeoJSON "" in a Date field is the GeoPackage's NULL. Also counts the R-tree's rows, one per
non-empty geometry.
"""
import json
import sqlite3
import sys

from osgeo import ogr

ogr.UseExceptions()
gpkg = ogr.Open(sys.argv[1])
db = sqlite3.connect(sys.argv[1])
report = {}
pairs = sys.argv[2:]
for table, path in zip(pairs[0::2], pairs[1::2]):
    # The data source must outlive its layer: GDAL's layer points into it.
    source = ogr.Open(path)
    ours, theirs = gpkg.GetLayerByName(table), source.GetLayer(0)
    mismatches = []
    count = 0
    for a, b in zip(ours, theirs):
        count += 1
        if a.GetGeometryRef().ExportToIsoWkb() != b.GetGeometryRef().ExportToIsoWkb():
            mismatches.append("feature %d: geometry" % count)
        for i in range(b.GetFieldCount()):
            name = b.GetFieldDefnRef(i).GetName()
            theirs_value = b.GetField(i)
            if theirs_value == "" and b.GetFieldDefnRef(i).GetType() == ogr.OFTDate:
                theirs_value = None
            if a.GetField(name) != theirs_value:
                mismatches.append("feature %d: %s %r != %r" % (count, name, a.GetField(name), theirs_value))
    non_empty = sum(1 for f in ours if not f.GetGeometryRef().IsEmpty())
    rtree = db.execute('SELECT COUNT(*) FROM "rtree_%s_geom"' % table).fetchone()[0]
    report[table] = {"gpkg_count": ours.GetFeatureCount(), "geojson_count": theirs.GetFeatureCount(),
                     "compared": count, "mismatches": mismatches, "non_empty": non_empty, "rtree_rows": rtree}
print(json.dumps(report, sort_keys=True), flush=True)
