#!/usr/bin/python3
"""Loads every layer of GeoPackages in headless QGIS and prints what QGIS sees as JSON.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 Tests/clients/qgis_gpkg_check.py FILE.gpkg...
Layers are opened as QGIS Desktop opens them: without the default style, which is then loaded
(the QgsVectorLayer constructor of QGIS 3.22 would reset the temporal properties it reads from
the style to the provider's defaults). Features are counted by iterating them too.
"""
import json
import sqlite3
import sys

from qgis.core import QgsApplication, QgsVectorLayer

app = QgsApplication([], False)
app.initQgis()
report = {}
for path in sys.argv[1:]:
    with sqlite3.connect(path) as db:
        tables = [row[0] for row in db.execute("SELECT table_name FROM gpkg_contents ORDER BY table_name")]
    layers = {}
    for table in tables:
        options = QgsVectorLayer.LayerOptions()
        options.loadDefaultStyle = False
        layer = QgsVectorLayer(path + "|layername=" + table, table, "ogr", options)
        valid = layer.isValid()
        message, loaded = layer.loadDefaultStyle() if valid else ("", False)
        temporal = layer.temporalProperties()
        layers[table] = {
            "valid": valid,
            "feature_count": layer.featureCount() if valid else -1,
            "iterated": sum(1 for _ in layer.getFeatures()) if valid else -1,
            "crs": layer.crs().authid() if valid else "",
            "geometry_type": layer.geometryType() if valid else -1,
            "fields": {f.name(): f.typeName() for f in layer.fields()} if valid else {},
            "style_loaded": bool(loaded),
            "style_message": message,
            "temporal_active": temporal.isActive(),
            "temporal_mode": int(temporal.mode()),
            "temporal_start": temporal.startField(),
            "temporal_end": temporal.endField(),
        }
        # A layer still alive when QGIS shuts down crashes exitQgis().
        del layer
    report[path] = layers
print(json.dumps(report, sort_keys=True), flush=True)
app.exitQgis()
