#!/usr/bin/env python3
"""THE OLD, NAIVE PEER, kept only to compare against: not what Benchmarks/README.md's table measures.

It measures every tier on every day a ground event enters, samples the whole boundary every
100 m for the depth, re-encodes every event to date into each day's events file (the older,
cumulative daily form: Salient writes that only with --cumulative-events) and writes each
file in one call. The peer the benchmark runs is salient_peer.py.

It also keeps the OLD, accumulate-only estimate rule (every ground report to date is drawn in
its own tier; nothing is ever lost): Salient now keeps a state per place, the latest report
winning, so on fronts with several kinds of report at one place their areas differ.

Salient's export and snapshot jobs as a GIS analyst would first write them in Python.

Vectorised shapely 2 for the geometry, pyproj for the projection and the geodesic areas,
PyYAML (libyaml) and json for the files. Same estimation parameters and method as Salient's
README ("The control estimate"): an azimuthal equidistant projection centred on the mean
direction of the mapped ground events; per event a disc of radius radius_km[kind] x
precision_factor[precision] joined to an equal disc at the nearest border point by their
convex hull (a corridor); controlled = the actor's control corridors joined (hull or union)
and clipped to the territory; contested = every corridor joined, widened by the contested
band, clipped, less the controlled area; areas geodesic on WGS 84 (geod_polygonarea through
pyproj.Geod); depth = the greatest distance of the tier's boundary, sampled every 100 m,
from the border; settlements = gazetteer cities, towns and villages inside the tier.

    python salient_peer.py export TIMELINE --out DIR
    python salient_peer.py snapshots TIMELINE --out DIR
    python salient_peer.py check TIMELINE --out DIR

`check` is the core of Salient's checker only: each claim measured on its as_of day against
the estimate (areas from controlled to controlled + contested, depths, settlement counts,
geodesic distances to the border), the areas bounded below by the reported places alone (the
same method on exact and near ground events, without the band), judged with the hedge and
a 10 % tolerance. It leaves out Salient's upper bound from the border stretch, its
cross-checks between claims and maps from elsewhere.

What it writes is listed in Benchmarks/README.md. It prints one JSON line of timings.
"""

import argparse
import csv
import datetime
import json
import math
import os
import sys
import time

import numpy as np
import pyproj
import shapely
import yaml
from shapely import STRtree

GROUND = {"control", "advance", "contested", "repelled"}
SETTLEMENT_KINDS = {"city", "town", "village"}
QUAD_SEGS = 32  # Salient's bufferQuadrantSegments
DEPTH_SAMPLE_M = 100.0
UNPROJECT_STEP_M = 1000.0  # Salient's unprojectStepMeters
EPOCH = datetime.date(1970, 1, 1).toordinal()


def day_text(ordinal):
    return datetime.date.fromordinal(ordinal + EPOCH).isoformat()


def to_ordinal(value):
    if isinstance(value, datetime.date):
        return value.toordinal() - EPOCH
    return datetime.date.fromisoformat(str(value)).toordinal() - EPOCH


def event_dates(value):
    if isinstance(value, dict):
        return to_ordinal(value["start"]), to_ordinal(value["end"])
    d = to_ordinal(value)
    return d, d


class Inputs:
    """The timeline and its gazetteer, read into columns."""

    def __init__(self, path):
        with open(path, "rb") as f:
            doc = yaml.load(f, Loader=yaml.CSafeLoader)
        self.doc = doc
        folder = os.path.join(os.path.dirname(path), doc["gazetteer"])
        self.places = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith(".geojson"):
                with open(os.path.join(folder, name), "rb") as f:
                    for feature in json.load(f)["features"]:
                        self.places[feature["properties"]["id"]] = feature
        by_name = {}
        for pid, feature in self.places.items():
            by_name.setdefault(feature["properties"]["name"].lower(), pid)
        est = doc["estimate"]
        self.actor = est["actor"]
        self.territory = est["territory"]
        self.border_id = est["border"]
        self.radius_km = est["radius_km"]
        self.factor = est["precision_factor"]
        self.band_km = float(est["contested_band_km"])
        self.join = est.get("join", "hull")
        self.sources = {s["id"]: s for s in doc["sources"]}
        implied = {"district": "district", "region": "region", "border": "region"}
        rows = []
        for e in doc["events"]:
            start, end = event_dates(e["date"])
            if "place" in e:
                key = str(e["place"])
                pid = key if key in self.places else by_name.get(key.lower())
                if pid is None:
                    sys.exit(f"unknown place {key!r} in event {e['id']}")
                place = self.places[pid]
                kind = place["properties"]["kind"]
                geometry = place["geometry"]
                if geometry["type"] == "Point":
                    lon, lat = geometry["coordinates"][:2]
                else:
                    p = shapely.point_on_surface(shapely.geometry.shape(geometry))
                    lon, lat = p.x, p.y
            else:
                pid, kind = None, None
                lon, lat = e["coordinates"][:2]
            precision = e.get("location_precision") or implied.get(kind or "village", "exact")
            radius = None
            if precision != "region" and precision in self.factor and (kind or "village") in self.radius_km:
                radius = float(self.radius_km[kind or "village"]) * float(self.factor[precision]) * 1000
            if e["kind"] == "control":
                tier = "controlled" if e["actor"] == self.actor else "contested"
            elif e["kind"] in GROUND:
                tier = "contested"
            else:
                tier = None
            rows.append((e, start, end, pid, kind, lon, lat, precision, radius, tier))
        self.events = rows


class Estimator:
    """The estimate day by day, incrementally: corridors once per place and radius, hulls grown."""

    def __init__(self, inputs, events=None, band_km=None):
        self.inputs = inputs
        self.band_km = inputs.band_km if band_km is None else band_km
        ground = [r for r in (inputs.events if events is None else events) if r[9] is not None]
        mapped = [r for r in ground if r[8] is not None]
        border_geojson = inputs.places[inputs.border_id]["geometry"]
        if mapped:
            lon = np.radians([r[5] for r in mapped])
            lat = np.radians([r[6] for r in mapped])
        else:
            coords = np.array([c for line in border_geojson["coordinates"] for c in line])
            lon, lat = np.radians(coords[:, 0]), np.radians(coords[:, 1])
        x, y, z = (np.cos(lat) * np.cos(lon)).sum(), (np.cos(lat) * np.sin(lon)).sum(), np.sin(lat).sum()
        h = math.hypot(x, y)
        clon = 0.0 if h == 0 else math.degrees(math.atan2(y, x))
        clat = math.degrees(math.atan2(z, h))
        self.center = (round(clon * 1e6) / 1e6, round(clat * 1e6) / 1e6)
        self.definition = (f"+proj=aeqd +lat_0={self.center[1]:.6f} +lon_0={self.center[0]:.6f} "
                           "+datum=WGS84 +units=m +no_defs +type=crs")
        self.forward = pyproj.Transformer.from_crs("EPSG:4326", self.definition, always_xy=True)
        self.inverse = pyproj.Transformer.from_crs(self.definition, "EPSG:4326", always_xy=True)
        self.geod = pyproj.Geod(ellps="WGS84")

        territory = [shapely.geometry.shape(inputs.places[t]["geometry"]) for t in inputs.territory]
        self.territory = shapely.union_all(self.project(np.array(territory, dtype=object)))
        shapely.prepare(self.territory)
        self.border = self.project(shapely.geometry.shape(border_geojson))
        # The border's segments in a tree: every distance to the border is a nearest-segment query.
        coords = shapely.get_coordinates(self.border)
        parts = shapely.get_parts(self.border)
        segments = []
        for part in parts:
            c = shapely.get_coordinates(part)
            segments.append(shapely.linestrings(np.stack([c[:-1], c[1:]], axis=1)))
        self.border_segments = np.concatenate(segments)
        self.border_tree = STRtree(self.border_segments)
        del coords

        settlements = [(pid, f["geometry"]["coordinates"]) for pid, f in sorted(inputs.places.items())
                       if f["properties"]["kind"] in SETTLEMENT_KINDS and f["geometry"]["type"] == "Point"]
        self.settlement_ids = np.array([s[0] for s in settlements], dtype=object)
        sc = np.array([s[1][:2] for s in settlements], dtype=float).reshape(-1, 2)
        self.settlement_xy = np.column_stack(self.forward.transform(sc[:, 0], sc[:, 1])) if len(sc) else sc

        # Ground events in the order they enter: by last possible day, then id.
        ground.sort(key=lambda r: (r[2], r[0]["id"]))
        self.ground = ground
        self.corridor = {}
        if mapped:
            keys = {}
            for r in ground:
                if r[8] is not None:
                    keys.setdefault((r[5], r[6], r[8]), len(keys))
            table = np.array(list(keys.keys()), dtype=float)
            xy = np.column_stack(self.forward.transform(table[:, 0], table[:, 1]))
            points = shapely.points(xy)
            on_border = shapely.get_point(shapely.shortest_line(points, self.border), 1)
            radii = table[:, 2]
            discs = np.stack([shapely.buffer(points, radii, quad_segs=QUAD_SEGS),
                              shapely.buffer(on_border, radii, quad_segs=QUAD_SEGS)], axis=1)
            hulls = shapely.convex_hull(shapely.multipolygons(discs))
            for r in ground:
                if r[8] is not None:
                    self.corridor[r[0]["id"]] = hulls[keys[(r[5], r[6], r[8])]]
        self.included = 0
        self.controlled_ids, self.all_ids = [], []
        self.controlled_join = self.all_join = None
        self.last = None

    def project(self, geometry):
        return shapely.transform(geometry, lambda c: np.column_stack(self.forward.transform(c[:, 0], c[:, 1])))

    def unproject_coords(self, c):
        lon, lat = self.inverse.transform(c[:, 0], c[:, 1])
        lon = np.asarray(lon)
        lon = lon - 360 * np.round((lon - self.center[0]) / 360)  # unwrapped round the centre
        return np.column_stack([lon, lat])

    def join(self, previous, new, ids):
        if self.inputs.join == "hull":
            parts = ([previous] if previous is not None else []) + new
            return shapely.convex_hull(shapely.geometrycollections(parts))
        return shapely.union_all([self.corridor[i] for i in ids])

    def advance(self, day):
        new_c, new_a = [], []
        while self.included < len(self.ground) and self.ground[self.included][2] <= day:
            r = self.ground[self.included]
            self.included += 1
            if r[8] is None:
                continue
            c = self.corridor[r[0]["id"]]
            if r[9] == "controlled":
                new_c.append(c)
                self.controlled_ids.append(r[0]["id"])
            new_a.append(c)
            self.all_ids.append(r[0]["id"])
        if self.last is not None and not new_a:
            return dict(self.last, as_of=day)
        if new_c:
            self.controlled_join = self.join(self.controlled_join, new_c, self.controlled_ids)
        if new_a:
            self.all_join = self.join(self.all_join, new_a, self.all_ids)
        controlled = contested = None
        if self.controlled_join is not None:
            controlled = shapely.intersection(self.controlled_join, self.territory)
        if self.all_join is not None:
            contested = shapely.intersection(shapely.buffer(self.all_join, self.band_km * 1000, quad_segs=QUAD_SEGS),
                                             self.territory)
            if controlled is not None:
                contested = shapely.difference(contested, controlled)
        self.last = {
            "as_of": day,
            "controlled": self.measure(controlled, sorted(self.controlled_ids)),
            "contested": self.measure(contested, sorted(self.all_ids)),
        }
        return self.last

    def measure(self, geometry, ids):
        empty = {"geometry": [], "area_km2": 0.0, "depth_km": 0.0, "settlements": [], "events": ids}
        if geometry is None or shapely.is_empty(geometry):
            return empty
        # Densified in the plane before unprojecting, as Salient writes and measures its shapes.
        polygons = [p for p in shapely.get_parts(shapely.segmentize(geometry, UNPROJECT_STEP_M))
                    if shapely.get_type_id(p) == 3 and not p.is_empty]
        if not polygons:
            return empty
        rings, area = [], 0.0
        for polygon in polygons:
            lonlat = [self.unproject_coords(shapely.get_coordinates(polygon.exterior))]
            lonlat += [self.unproject_coords(shapely.get_coordinates(h)) for h in polygon.interiors]
            for k, ring in enumerate(lonlat):
                a = abs(self.geod.polygon_area_perimeter(ring[:-1, 0], ring[:-1, 1])[0])
                area += a if k == 0 else -a
            rings.append(lonlat)
        samples = shapely.get_coordinates(shapely.segmentize(shapely.boundary(geometry), DEPTH_SAMPLE_M))
        _, distances = self.border_tree.query_nearest(shapely.points(samples), return_distance=True, all_matches=False)
        deepest = shapely.points(samples[int(np.argmax(distances))])
        ends = shapely.get_coordinates(shapely.shortest_line(deepest, self.border))
        ends = self.unproject_coords(ends)
        depth = self.geod.inv(ends[0, 0], ends[0, 1], ends[1, 0], ends[1, 1])[2] / 1000
        shapely.prepare(geometry)
        inside = shapely.intersects_xy(geometry, self.settlement_xy[:, 0], self.settlement_xy[:, 1]) if len(self.settlement_xy) else []
        return {"geometry": rings, "area_km2": area / 1e6, "depth_km": depth,
                "settlements": list(self.settlement_ids[inside]) if len(self.settlement_xy) else [], "events": ids}


def split_antimeridian(rings):
    """Polygons (lists of lon/lat rings) cut at +-180 as RFC 7946 asks."""
    lons = np.concatenate([p[0][:, 0] for p in rings]) if rings else np.array([])
    if not len(lons) or (lons.min() >= -180 and lons.max() <= 180):
        return rings
    shapes = [shapely.make_valid(shapely.polygons(p[0], holes=p[1:] or None)) for p in rings]
    out = []
    for shift in (-360.0, 0.0, 360.0):
        band = shapely.box(-180 - shift, -90, 180 - shift, 90)
        for polygon in shapely.get_parts(shapely.intersection(shapes, band)):
            if shapely.get_type_id(polygon) != 3 or polygon.is_empty:
                continue
            ext = shapely.get_coordinates(polygon.exterior) + [shift, 0]
            out.append([ext] + [shapely.get_coordinates(h) + [shift, 0] for h in polygon.interiors])
    return out


def multipolygon_json(rings):
    return {"type": "MultiPolygon",
            "coordinates": [[np.round(r, 6).tolist() for r in polygon] for polygon in split_antimeridian(rings)]}


class Writer:
    """Turns estimates and events into the layers Salient writes (not byte for byte)."""

    def __init__(self, inputs, estimator):
        self.inputs = inputs
        self.estimator = estimator
        self.by_id = {r[0]["id"]: r for r in inputs.events}
        self.summary = json.dumps(inputs.doc["estimate"], default=str, sort_keys=True)
        self.order = sorted(inputs.events, key=lambda r: (r[1], r[0]["id"]))
        self.static = []
        for r in self.order:
            e, start, end, pid, kind, lon, lat, precision, radius, tier = r
            sources = [inputs.sources[s] for s in e["sources"] if s in inputs.sources]
            provenance = inputs.places[pid]["properties"] if pid else None
            published = [to_ordinal(s["published"]["start"] if isinstance(s["published"], dict) else s["published"]) for s in sources]
            self.static.append(({
                "id": e["id"], "kind": e["kind"], "actor": e["actor"], "place_id": pid or "",
                "place_name": provenance["name"] if provenance else "", "location_precision": precision,
                "start_date": day_text(start), "end_date": day_text(end + 1),
                "date_precision": "interval" if start != end else "day", "date_note": e.get("date_note", ""),
                "summary": e["summary"], "sources": "; ".join(e["sources"]),
                "outlets": "; ".join(s["outlet"] for s in sources),
                "source_files": "; ".join(s["file"] for s in sources if s.get("file")),
                "published_date": day_text(min(published)) if published else "",
                "coordinate_source": f"{provenance['source']} {provenance['source_id']}" if provenance else "timeline coordinates",
                "coordinate_licence": provenance["licence"] if provenance else "",
                "coordinate_uncertainty_m": provenance["uncertainty_m"] if provenance else 0,
            }, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}, start, end, radius, tier))

    def event_features(self, day, with_age):
        features = []
        for props, geometry, start, end, radius, tier in self.static:
            if day is not None and start > day:
                break
            entered = tier is not None and radius is not None and end <= (day if day is not None else end)
            p = dict(props, estimate_tier=tier if entered else "none", estimate_radius_km=round(radius / 1000, 3) if entered else 0)
            if with_age:
                p["age_days"] = day - start
            features.append({"type": "Feature", "properties": p, "geometry": geometry})
        return features

    def control_features(self, estimate):
        features = []
        for tier in ("controlled", "contested"):
            a = estimate[tier]
            sources = sorted({s for i in a["events"] for s in self.by_id[i][0]["sources"]})
            features.append({"type": "Feature", "properties": {
                "tier": tier, "as_of_date": day_text(estimate["as_of"]), "area_km2": round(a["area_km2"], 3),
                "area_method": "geodesic on WGS 84 (pyproj.Geod)", "depth_km": round(a["depth_km"], 3),
                "settlement_count": len(a["settlements"]), "settlements": "; ".join(a["settlements"]),
                "event_count": len(a["events"]), "events": "; ".join(a["events"]), "sources": "; ".join(sources),
                "method": self.summary, "projection": self.estimator.definition,
            }, "geometry": multipolygon_json(a["geometry"])})
        return features


def collection(name, features):
    return json.dumps({"type": "FeatureCollection", "name": name, "features": features})


def write_text(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return len(text.encode("utf-8")) if not text.isascii() else len(text)


def span(inputs):
    return min(r[1] for r in inputs.events), max(r[2] for r in inputs.events)


def export(args, timings):
    t = time.perf_counter()
    inputs = Inputs(args.timeline)
    timings["read_s"] = time.perf_counter() - t
    t = time.perf_counter()
    estimator = Estimator(inputs)
    day = span(inputs)[1]
    estimate = estimator.advance(day)
    timings["estimate_s"] = time.perf_counter() - t
    t = time.perf_counter()
    writer = Writer(inputs, estimator)
    os.makedirs(args.out, exist_ok=True)
    written = write_text(os.path.join(args.out, "events.geojson"), collection("events", writer.event_features(None, False)))
    written += write_text(os.path.join(args.out, "control.geojson"), collection("control", writer.control_features(estimate)))
    timings["write_s"] = time.perf_counter() - t
    timings["bytes"] = written
    timings["areas"] = {day_text(day): [estimate["controlled"]["area_km2"], estimate["contested"]["area_km2"]]}


def snapshots(args, timings):
    t = time.perf_counter()
    inputs = Inputs(args.timeline)
    timings["read_s"] = time.perf_counter() - t
    t = time.perf_counter()
    estimator = Estimator(inputs)
    writer = Writer(inputs, estimator)
    timings["setup_s"] = time.perf_counter() - t
    first, last = span(inputs)
    daily = os.path.join(args.out, "daily")
    os.makedirs(daily, exist_ok=True)
    estimate_s = write_s = 0.0
    written = 0
    rows = []
    timeline_file = open(os.path.join(args.out, "control-timeline.geojson"), "w", encoding="utf-8")
    timeline_file.write('{"type": "FeatureCollection", "name": "control-timeline", "features": [\n')
    timeline_count = [0]
    open_state = {}
    begun, sources = 0, set()
    started_sorted = [s[2] for s in writer.static]

    def close(tier, until):
        state = open_state.get(tier)
        if state and state[1]["geometry"]["coordinates"]:
            props = dict(state[1]["properties"])
            props.pop("as_of_date")
            props = {"tier": tier, "start_date": day_text(state[0]), "end_date": day_text(until) if until is not None else None,
                     **{k: v for k, v in props.items() if k != "tier"}}
            line = json.dumps({"type": "Feature", "properties": props, "geometry": state[1]["geometry"]})
            timeline_file.write((",\n" if timeline_count[0] else "") + line)
            timeline_count[0] += 1

    for day in range(first, last + 1):
        t = time.perf_counter()
        estimate = estimator.advance(day)
        estimate_s += time.perf_counter() - t
        t = time.perf_counter()
        control = writer.control_features(estimate)
        written += write_text(os.path.join(daily, f"{day_text(day)}.control.geojson"), collection(f"control {day_text(day)}", control))
        written += write_text(os.path.join(daily, f"{day_text(day)}.events.geojson"),
                              collection(f"events {day_text(day)}", writer.event_features(day, True)))
        on_day = 0
        while begun < len(started_sorted) and started_sorted[begun] <= day:
            r = writer.order[begun]
            on_day += r[1] == day
            sources.update(r[0]["sources"])
            begun += 1
        for feature in control:
            tier = feature["properties"]["tier"]
            key = {k: v for k, v in feature["properties"].items() if k != "as_of_date"}
            state = open_state.get(tier)
            if state is None or state[2] != key or state[1]["geometry"] != feature["geometry"]:
                close(tier, day)
                open_state[tier] = (day, feature, key)
        c, k = estimate["controlled"], estimate["contested"]
        rows.append([day_text(day), f"{c['area_km2']:.6f}", f"{k['area_km2']:.6f}", f"{c['area_km2'] + k['area_km2']:.6f}",
                     len(c["settlements"]), len(k["settlements"]), f"{max(c['depth_km'], k['depth_km']):.3f}",
                     on_day, begun, len(sources)])
        write_s += time.perf_counter() - t
    t = time.perf_counter()
    for tier in ("controlled", "contested"):
        close(tier, None)
    timeline_file.write("\n]}\n")
    written += timeline_file.tell()
    timeline_file.close()
    written += write_text(os.path.join(args.out, "events-timeline.geojson"),
                          collection("events-timeline", writer.event_features(None, False)))
    with open(os.path.join(args.out, "series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "controlled_km2", "contested_km2", "estimate_km2", "settlements_controlled",
                    "settlements_contested", "depth_km", "events_on_day", "events_to_date", "sources_to_date"])
        w.writerows(rows)
    write_s += time.perf_counter() - t
    timings.update(estimate_s=estimate_s, write_s=write_s, bytes=written, days=last - first + 1)


def claimed_interval(claim):
    factor = {"km2": 1, "sq mi": 2.589988110336, "km": 1, "m": 0.001, "mi": 1.609344, "settlements": 1, "people": 1}[claim["unit"]]
    value = claim["value"]
    low, high = (value[0], value[1]) if isinstance(value, list) else (value, value)
    low, high = low * factor, high * factor
    hedge = claim["hedge"]
    if hedge == "about":
        return low * 0.9, high * 1.1
    if hedge in ("at_least", "more_than"):
        return low, math.inf
    if hedge == "up_to":
        return 0, high
    return low, high


def check(args, timings):
    t = time.perf_counter()
    inputs = Inputs(args.timeline)
    timings["read_s"] = time.perf_counter() - t
    t = time.perf_counter()
    estimator = Estimator(inputs)
    reported = Estimator(inputs, events=[r for r in inputs.events if r[9] is not None and r[7] in ("exact", "near")], band_km=0)
    claims = sorted(inputs.doc.get("claims") or [], key=lambda c: (to_ordinal(c["as_of"]), c["id"]))
    estimates, lower = {}, {}
    for day in sorted({to_ordinal(c["as_of"]) for c in claims}):
        estimates[day] = estimator.advance(day)
        lower[day] = reported.advance(day)
    results = []
    for claim in claims:
        day = to_ordinal(claim["as_of"])
        e = estimates[day]
        c, k = e["controlled"], e["contested"]
        definition = claim["definition"]
        bound = None
        if definition in ("controlled", "controlled_plus_contested", "advanced_over"):
            low, high = c["area_km2"], c["area_km2"] + k["area_km2"]
            bound = lower[day]["controlled"]["area_km2"]
        elif definition == "depth":
            low, high = c["depth_km"], max(c["depth_km"], k["depth_km"])
        elif definition == "settlements_controlled":
            low, high = len(c["settlements"]), len(set(c["settlements"]) | set(k["settlements"]))
        elif definition == "distance_to_border":
            lon, lat = inputs.places[claim["place"]]["geometry"]["coordinates"][:2]
            at = shapely.points(estimator.forward.transform(lon, lat))
            ends = estimator.unproject_coords(shapely.get_coordinates(shapely.shortest_line(at, estimator.border)))
            low = high = estimator.geod.inv(ends[0, 0], ends[0, 1], ends[1, 0], ends[1, 1])[2] / 1000
        else:
            results.append({"id": claim["id"], "verdict": "not measurable"})
            continue
        claimed_low, claimed_high = claimed_interval(claim)
        if claimed_low > high * 1.1:
            verdict = "overstated"
        elif claimed_high < low * 0.9:
            verdict = "understated"
        else:
            verdict = "consistent"
        results.append({"id": claim["id"], "as_of": day_text(day), "definition": definition,
                        "measured": {"low": low, "high": high}, "lower_bound": bound, "verdict": verdict})
    os.makedirs(args.out, exist_ok=True)
    timings["bytes"] = write_text(os.path.join(args.out, "check.json"), json.dumps({"claims": results}, indent=1))
    timings["check_s"] = time.perf_counter() - t
    timings["claims"] = len(results)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=["export", "snapshots", "check"])
    parser.add_argument("timeline")
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    timings = {"command": args.command}
    started = time.perf_counter()
    {"export": export, "snapshots": snapshots, "check": check}[args.command](args, timings)
    timings["total_s"] = time.perf_counter() - started
    print(json.dumps(timings))


if __name__ == "__main__":
    main()
