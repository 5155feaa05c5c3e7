#!/usr/bin/python3
"""Loads GeoJSON files in headless QGIS (the ogr provider) and prints what QGIS sees as JSON.

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 Tests/clients/qgis_check.py FILE...
QGIS accepts broken GeoJSON without complaint, so the features are counted by iterating
them, not only through featureCount().
"""
import json
import sys

from qgis.core import QgsApplication, QgsVectorLayer

app = QgsApplication([], False)
app.initQgis()
report = {}
for path in sys.argv[1:]:
    layer = QgsVectorLayer(path, "layer", "ogr")
    report[path] = {
        "valid": layer.isValid(),
        "feature_count": layer.featureCount() if layer.isValid() else -1,
        "iterated": sum(1 for _ in layer.getFeatures()) if layer.isValid() else -1,
        "crs": layer.crs().authid() if layer.isValid() else "",
        "geometry_type": layer.geometryType() if layer.isValid() else -1,
        "fields": {f.name(): f.typeName() for f in layer.fields()} if layer.isValid() else {},
    }
    # A layer still alive when QGIS shuts down crashes exitQgis().
    del layer
print(json.dumps(report, sort_keys=True), flush=True)
app.exitQgis()
