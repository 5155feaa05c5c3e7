#!/usr/bin/python3
"""Renders the README's picture of an export with headless QGIS (Debian python3-qgis).

Usage: QT_QPA_PLATFORM=offscreen /usr/bin/python3 scripts/render-preview.py DAY OUTPUT.png
Draws exports/kursk-2024/daily/DAY.control.geojson and DAY.events.geojson over the
gazetteer's oblasts and border.
"""
import sys

from qgis.core import (QgsApplication, QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsLineSymbol,
                       QgsMapRendererParallelJob, QgsMapSettings, QgsMarkerSymbol, QgsRectangle,
                       QgsRendererCategory, QgsVectorLayer)
from qgis.PyQt.QtCore import QSize
from qgis.PyQt.QtGui import QColor

day, output = sys.argv[1], sys.argv[2]
app = QgsApplication([], False)
app.initQgis()
layers = []


def layer(path, name):
    result = QgsVectorLayer(path, name, "ogr")
    if not result.isValid():
        sys.exit(f"cannot load {path}")
    layers.append(result)
    return result


areas = layer("gazetteer/areas.geojson", "areas")
areas.setRenderer(QgsCategorizedSymbolRenderer("country", [
    QgsRendererCategory("RU", QgsFillSymbol.createSimple({"color": "246,242,232", "outline_color": "160,160,160"}), "Russia"),
    QgsRendererCategory("UA", QgsFillSymbol.createSimple({"color": "232,240,246", "outline_color": "160,160,160"}), "Ukraine"),
]))
control = layer(f"exports/kursk-2024/daily/{day}.control.geojson", "control")
control.setRenderer(QgsCategorizedSymbolRenderer("tier", [
    QgsRendererCategory("contested", QgsFillSymbol.createSimple({"color": "150,150,150,110", "outline_color": "110,110,110"}), "contested"),
    QgsRendererCategory("controlled", QgsFillSymbol.createSimple({"color": "30,90,200,170", "outline_color": "20,60,150"}), "controlled"),
]))
border = layer("gazetteer/border.geojson", "border")
border.renderer().setSymbol(QgsLineSymbol.createSimple({"color": "0,0,0", "width": "0.6"}))
events = layer(f"exports/kursk-2024/daily/{day}.events.geojson", "events")
events.renderer().setSymbol(QgsMarkerSymbol.createSimple({"name": "circle", "color": "220,60,40", "size": "2.2"}))

settings = QgsMapSettings()
settings.setLayers(list(reversed(layers)))
settings.setDestinationCrs(areas.crs())
settings.setExtent(QgsRectangle(34.75, 50.9, 36.05, 51.6))
settings.setOutputSize(QSize(720, 560))
settings.setBackgroundColor(QColor(255, 255, 255))
job = QgsMapRendererParallelJob(settings)
job.start()
job.waitForFinished()
job.renderedImage().save(output, "png")
del job, layers, areas, control, border, events
app.exitQgis()
