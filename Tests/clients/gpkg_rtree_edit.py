#!/usr/bin/python3
"""Edits a copy of a GeoPackage table through GDAL and prints the R-tree's rows as JSON.

Usage: /usr/bin/python3 Tests/clients/gpkg_rtree_edit.py COPY.gpkg TABLE
Adds a point at (10, 20), moves feature 2 to (30, 40) and deletes feature 1. GDAL provides
the ST_* functions the spatial index's triggers call, so the index must follow each edit.
"""
import json
import sqlite3
import sys

from osgeo import ogr

ogr.UseExceptions()
path, table = sys.argv[1], sys.argv[2]
source = ogr.Open(path, update=1)
layer = source.GetLayerByName(table)
added = ogr.Feature(layer.GetLayerDefn())
added.SetGeometry(ogr.CreateGeometryFromWkt("POINT (10 20)"))
layer.CreateFeature(added)
moved = layer.GetFeature(2)
moved.SetGeometry(ogr.CreateGeometryFromWkt("POINT (30 40)"))
layer.SetFeature(moved)
layer.DeleteFeature(1)
count = layer.GetFeatureCount()
added_fid = added.GetFID()
del layer, source
db = sqlite3.connect(path)
rows = db.execute('SELECT id, minx, maxx, miny, maxy FROM "rtree_%s_geom" ORDER BY id' % table).fetchall()
print(json.dumps({"features": count, "added": added_fid, "rtree": rows}), flush=True)
