#!/usr/bin/env python3
"""The peer: Salient's export and snapshot jobs as a competent GIS analyst would write them in Python.

Vectorised shapely 2 for the geometry, pyproj for the projection and the geodesic areas,
PyYAML's libyaml parser and composer with no implicit resolvers (every scalar stays a string
and is converted where it is read), orjson for the files. Same estimation parameters and method as Salient's
README ("The control estimate"): an azimuthal equidistant projection centred on the mean
direction of the mapped ground events; per event a disc of radius radius_km[kind] x
precision_factor[precision] joined to an equal disc at the nearest border point by their
convex hull (a corridor); controlled = the actor's control corridors joined (hull or union)
and clipped to the territory; contested = every corridor joined, widened by the contested
band, clipped, less the controlled area; areas geodesic on WGS 84 (geod_polygonarea through
pyproj.Geod); depth = the greatest distance of the tier's boundary, sampled every 100 m,
from the border; settlements = gazetteer cities, towns and villages inside the tier. Which
reports are drawn, and in which tier, is the state of their places (README, "Places over
time"): the latest report for a place wins, a control report by another actor at ground the
actor held or lost makes it lost (drawn in neither tier), states age when the estimate asks it
(stale_after_days, held_expires_days), and a place is drawn with the reports since its state
last changed. A hull grows while nothing that owns one of its vertices leaves, and is rebuilt
from the hulls of buckets of 256 reports when something does, as Salient's.

What a competent analyst does to make it fast, with the same numbers: a tier is measured only
on the days its shape changes; the deepest sample is found by branch and bound over the
densified boundary (the distance to the border changes by at most the arc length between two
samples, so a stretch whose bound cannot reach the best sample so far is never queried); each
feature of the daily events files is encoded once, in two pieces either side of its age; a
tier's polygon is encoded only when it changes; files are written in calls of 128 KB.
A daily events file holds the events whose date interval includes its day, as Salient's do.

    python salient_peer.py export TIMELINE --out DIR
    python salient_peer.py snapshots TIMELINE --out DIR
    python salient_peer.py check TIMELINE --out DIR

`check` is the core of Salient's checker only: each claim measured on its as_of day against
the estimate (areas from the certain ground to controlled + contested, depths, settlement
counts, geodesic distances to the border), judged with the hedge and a 10 % tolerance. The
certain ground is Salient's lower bound on the disc joins: the union of the discs of the places
reported held (for a `controlled` claim) or reported at all (for the others), located to the
place, clipped to the territory. Area and settlement claims are bounded above, as Salient
bounds them, by the land within the nearest depth claim of the stretch of border the day's
reports span (its area; the settlements inside it), and depth claims from below by the reported
place farthest from the border (Salient measures each such place in a frame of its own; the
peer takes the nearest border point in the estimate's plane and the geodesic distance to it,
which agree within 0.1 %). It leaves out the words of each verdict,
the cross-checks between claims (arithmetic on those numbers) and maps from elsewhere.

What it writes is listed in Benchmarks/README.md. It prints one JSON line of timings.
"""

import argparse
import csv
import heapq
import datetime
import json
import math
import os
import sys
import time

import numpy as np
import orjson
import pyproj
import shapely
import yaml
from shapely import STRtree
from yaml.cyaml import CParser

GROUND = {"control", "advance", "contested", "repelled"}
SETTLEMENT_KINDS = {"city", "town", "village"}
QUAD_SEGS = 32  # Salient's bufferQuadrantSegments
DEPTH_SAMPLE_M = 100.0
UNPROJECT_STEP_M = 1000.0  # Salient's unprojectStepMeters
GRID = 1e-6  # Salient's OutputGrid.cellDegrees: every written coordinate on 6 decimals
DEPTH_FIRST_STRIDE = 64  # samples between the first distances queried along each line
WRITE_CALL_BYTES = 128 * 1024
HULL_BUCKET = 256  # Salient's HullBuckets.size: reports per hull rebuilt when ground leaves
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


class StringComposer(CParser):
    """libyaml parses and composes; no scalar is matched against Python's regular expressions
    for ints, floats, dates and booleans (every one stays a string)."""

    TAGS = {yaml.ScalarNode: "str", yaml.SequenceNode: "seq", yaml.MappingNode: "map"}

    def resolve(self, kind, value, implicit):
        return self.TAGS[kind]

    def descend_resolver(self, parent, index):
        pass

    def ascend_resolver(self):
        pass


def plain(node):
    """The composed tree as dicts, lists and strings, without the constructor's bookkeeping."""
    value = node.value
    if isinstance(value, str):
        return value
    if isinstance(node, yaml.MappingNode):
        return {k.value: plain(v) for k, v in value}
    return [plain(v) for v in value]


def own_state(e, actor):
    """The state a ground report gives its place on its own, as Salient's GroundEvent: None for
    a report that is not a ground event. States: ("held", actor), ("contested",), ("lost", to)."""
    if e["kind"] == "control":
        change = e.get("change", "taken")
        if change in ("taken", "retaken"):
            return ("held", e["actor"])
        return ("lost", None) if e["actor"] == actor else ("contested",)
    return ("contested",) if e["kind"] in GROUND else None


def state_tier(state, actor):
    if state[0] == "held":
        return "controlled" if state[1] == actor else "contested"
    return "contested" if state[0] == "contested" else None


class PlaceStates:
    """Salient's per-place states: the latest report for a place wins (reports come by last
    possible day, then id), a control report by another actor at ground the actor held or lost
    is a loss, states age when the timeline asks it, and a place is drawn with the reports since
    its state last changed. `settle` returns the reports whose tier changed."""

    def __init__(self, actor, stale_after=None, held_expires=None):
        self.actor, self.stale_after, self.held_expires = actor, stale_after, held_expires
        self.places = {}  # key -> [state, reports, latest day, drawn reports, drawn tier]
        self.touched = {}  # keys in the order first touched since the last settle
        self.agenda = []
        self.pushed = 0

    def aged(self, state, latest, day):
        age = day - latest
        if state[0] == "held" and self.held_expires is not None and age >= self.held_expires:
            state = ("contested",)
        if self.stale_after is not None and age >= self.stale_after and state_tier(state, self.actor) == "contested":
            return None
        return state

    def apply(self, r, index):
        e, day = r[0], r[2]
        key = r[3] if r[3] is not None else (r[5], r[6])
        record = self.places.get(key)
        current = self.aged(record[0], record[2], day) if record is not None else None
        holder = current[1] if current is not None and current[0] != "contested" else None
        retaken = e["kind"] == "control" and e.get("change") == "retaken"
        conflict = retaken and record is not None and holder == e["actor"]
        state = r[10]
        if state[0] == "held" and state[1] != self.actor:
            was_ours = current is not None and (current == ("held", self.actor) or current[0] == "lost")
            if was_ours or (retaken and not conflict):
                state = ("lost", state[1])
        if record is None:
            record = self.places[key] = [state, [], day, [], None]
        if record[0] != state or current != state:
            record[0], record[1] = state, []
        record[1].append(index)
        record[2] = day
        self.touched[key] = None
        for delay in (self.held_expires, self.stale_after):
            if delay is not None:
                heapq.heappush(self.agenda, (day + delay, self.pushed, key))
                self.pushed += 1

    def settle(self, day):
        while self.agenda and self.agenda[0][0] <= day:
            self.touched[heapq.heappop(self.agenda)[2]] = None
        changes = []
        for key in self.touched:
            record = self.places[key]
            aged = self.aged(record[0], record[2], day)
            tier = state_tier(aged, self.actor) if aged is not None else None
            reports = record[1] if tier is not None else []
            if tier == record[4] and reports == record[3]:
                continue
            kept = set(record[3]).intersection(reports) if tier == record[4] else set()
            changes += [(k, record[4], None) for k in record[3] if k not in kept]
            changes += [(k, None, tier) for k in reports if k not in kept]
            record[3], record[4] = list(reports), tier
        self.touched = {}
        return changes


class TierChanges:
    """One tier's changes on a day: corridors that join or leave it (each shared corridor once)
    and the reports that join it, as Salient's."""

    def __init__(self):
        self.added, self.removed = {}, {}
        self.added_ids, self.added_sources, self.buckets = [], set(), set()
        self.members_changed = self.any_left = False

    def add(self, key, shape, index, event, counts):
        self.buckets.add(index // HULL_BUCKET)
        counts[key] = counts.get(key, 0) + 1
        if counts[key] == 1 and self.removed.pop(key, None) is None:
            self.added[key] = shape
        self.added_ids.append(event["id"])
        self.added_sources.update(event["sources"])
        self.members_changed = True

    def remove(self, key, shape, index, counts):
        self.buckets.add(index // HULL_BUCKET)
        counts[key] -= 1
        if counts[key] == 0:
            del counts[key]
            if self.added.pop(key, None) is None:
                self.removed[key] = shape
        self.members_changed = self.any_left = True


class Inputs:
    """The timeline and its gazetteer, read into columns."""

    def __init__(self, path):
        with open(path, "rb") as f:
            composer = StringComposer(f)
            doc = plain(composer.get_single_node())
            composer.dispose()
        self.doc = doc
        folder = os.path.join(os.path.dirname(path), doc["gazetteer"])
        self.places = {}
        for name in sorted(os.listdir(folder)):
            if name.endswith(".geojson"):
                with open(os.path.join(folder, name), "rb") as f:
                    for feature in orjson.loads(f.read())["features"]:
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
        self.stale_after = int(est["stale_after_days"]) if "stale_after_days" in est else None
        self.held_expires = int(est["held_expires_days"]) if "held_expires_days" in est else None
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
                lon, lat = (float(c) for c in e["coordinates"][:2])
            precision = e.get("location_precision") or implied.get(kind or "village", "exact")
            radius = None
            if precision != "region" and precision in self.factor and (kind or "village") in self.radius_km:
                radius = float(self.radius_km[kind or "village"]) * float(self.factor[precision]) * 1000
            state = own_state(e, self.actor)
            tier = state_tier(state, self.actor) if state is not None else None
            rows.append((e, start, end, pid, kind, lon, lat, precision, radius, tier, state))
        self.events = rows


class Estimator:
    """The estimate day by day, incrementally: corridors once per place and radius, hulls grown."""

    def __init__(self, inputs):
        self.inputs = inputs
        self.band_km = inputs.band_km
        ground = [r for r in inputs.events if r[10] is not None]
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
        # The ground events not drawn ("id: reason"), in the order they were folded in.
        self.unmapped, self.unmapped_text = [], ""
        self.machine = PlaceStates(inputs.actor, inputs.stale_after, inputs.held_expires)
        self.drawn = {}  # report index -> tier it is drawn in
        # Per joined tier ("controlled", and "all" reports drawn): corridor counts, the joined
        # shape, the hulls of buckets of reports, the sorted ids and sources.
        self.counts = {"controlled": {}, "all": {}}
        self.joined = {"controlled": None, "all": None}
        self.bucket_hulls = {"controlled": {}, "all": {}}
        self.stale_buckets = {"controlled": set(), "all": set()}
        self.ids = {"controlled": [], "all": []}
        self.sources = {"controlled": [], "all": []}
        self.banded = None
        # The disc bounds (disc_bounds): each disc by its key, and each bound's keys and area.
        self.discs, self.disc_unions = {}, {}
        # The depth bounds (border_stretch, land): the border's parts with their vertices placed
        # along them, each place's part and distance along it, each stretch's land.
        self.border_lines, self.border_parts, self.border_positions, self.lands = None, None, {}, {}
        # Each reported place's distance to the border (farthest_reported), km.
        self.border_km = {}
        self.shapes = {"controlled": None, "contested": None}
        self.last = None
        self.measured = 0
        self.depth_queries = 0

    def project(self, geometry):
        return shapely.transform(geometry, lambda c: np.column_stack(self.forward.transform(c[:, 0], c[:, 1])))

    def unproject_coords(self, c):
        lon, lat = self.inverse.transform(c[:, 0], c[:, 1])
        lon = np.asarray(lon)
        lon = lon - 360 * np.round((lon - self.center[0]) / 360)  # unwrapped round the centre
        return np.column_stack([lon, lat])

    def key(self, r):
        return (r[5], r[6], r[8])

    def hull(self, parts):
        return shapely.normalize(shapely.convex_hull(shapely.geometrycollections(parts)))

    def members(self, tier):
        every = sorted(self.drawn)
        return every if tier == "all" else [k for k in every if self.drawn[k] == tier]

    def rejoin(self, tier, changes):
        """Salient's rejoin: a hull grows from the previous one while corridors only join, or
        when those that leave own none of its vertices; else it is rebuilt from the hulls of
        buckets of reports, remaking only the buckets that changed. A union is made again."""
        if not changes.members_changed:
            return False
        previous = self.joined[tier]
        stale = self.stale_buckets[tier]
        stale |= changes.buckets
        corridors = self.inputs.join == "corridors"
        rebuild = corridors
        if not rebuild and changes.removed and previous is not None:
            vertices = set(map(tuple, shapely.get_coordinates(shapely.get_exterior_ring(shapely.get_parts(previous)))))
            rebuild = any(any(tuple(c) in vertices for c in shapely.get_coordinates(shape))
                          for shape in changes.removed.values())
        joined = previous
        if rebuild and corridors:
            keys = {self.key(self.ground[m]): self.corridor[self.ground[m][0]["id"]] for m in self.members(tier)}
            joined = shapely.normalize(shapely.union_all(list(keys.values()))) if keys else None
        elif rebuild:
            by_bucket = {}
            for m in self.members(tier):
                by_bucket.setdefault(m // HULL_BUCKET, []).append(m)
            kept, hulls = self.bucket_hulls[tier], {}
            for bucket, reports in by_bucket.items():
                if bucket in kept and bucket not in stale:
                    hulls[bucket] = kept[bucket]
                else:
                    shapes = {self.key(self.ground[m]): self.corridor[self.ground[m][0]["id"]] for m in reports}
                    hulls[bucket] = self.hull(list(shapes.values()))
            self.bucket_hulls[tier] = hulls
            stale.clear()
            joined = self.hull(list(hulls.values())) if hulls else None
        elif changes.added:
            joined = self.hull(([previous] if previous is not None else []) + list(changes.added.values()))
        self.joined[tier] = joined
        if previous is None or joined is None:
            return previous is not joined
        return not shapely.equals_exact(previous, joined, 0)

    def tier_lists(self, tier, changes):
        if changes.any_left:
            members = [self.ground[m][0] for m in self.members(tier)]
            self.ids[tier] = sorted(e["id"] for e in members)
            self.sources[tier] = sorted({s for e in members for s in e["sources"]})
        else:
            if changes.added_ids:
                self.ids[tier] = sorted(self.ids[tier] + changes.added_ids)
            if changes.added_sources:
                self.sources[tier] = sorted(set(self.sources[tier]) | changes.added_sources)

    def advance(self, day):
        """Folds in the reports whose last possible day is on or before `day` (days ascend), sets
        their places' states, ages them, and draws the day from those states."""
        while self.included < len(self.ground) and self.ground[self.included][2] <= day:
            index = self.included
            self.included += 1
            if self.ground[index][8] is not None:
                self.machine.apply(self.ground[index], index)
            else:
                r = self.ground[index]
                self.unmapped.append(f"{r[0]['id']}: located only to {r[7]} precision")
                self.unmapped_text = None
        unmapped_changed = self.unmapped_text is None
        if unmapped_changed:
            self.unmapped_text = "; ".join(self.unmapped)
        changes = self.machine.settle(day)
        if self.last is not None and not changes:
            if unmapped_changed:
                # The tiers stand; their encoded lines, which list the unmapped events, do not.
                self.last = dict(self.last, unmapped=self.unmapped_text, **{
                    tier: {k: v for k, v in self.last[tier].items() if not k.startswith("line")}
                    for tier in ("controlled", "contested")})
            return dict(self.last, as_of=day)
        tiers = {"controlled": TierChanges(), "all": TierChanges()}
        for index, was, now in changes:
            r = self.ground[index]
            key, shape = self.key(r), self.corridor[r[0]["id"]]
            if was is not None:
                del self.drawn[index]
                if was == "controlled":
                    tiers["controlled"].remove(key, shape, index, self.counts["controlled"])
                tiers["all"].remove(key, shape, index, self.counts["all"])
            if now is not None:
                self.drawn[index] = now
                if now == "controlled":
                    tiers["controlled"].add(key, shape, index, r[0], self.counts["controlled"])
                tiers["all"].add(key, shape, index, r[0], self.counts["all"])
        controlled_changed = self.rejoin("controlled", tiers["controlled"])
        all_changed = self.rejoin("all", tiers["all"])
        for tier in ("controlled", "all"):
            self.tier_lists(tier, tiers[tier])
        controlled, contested = self.shapes["controlled"], self.shapes["contested"]
        if self.last is None or controlled_changed or all_changed:
            joined = self.joined["controlled"]
            controlled = shapely.intersection(joined, self.territory) if joined is not None else None
            if all_changed or self.banded is None:
                joined = self.joined["all"]
                self.banded = None if joined is None else shapely.intersection(
                    shapely.buffer(joined, self.band_km * 1000, quad_segs=QUAD_SEGS), self.territory)
            contested = self.banded
            if contested is not None and controlled is not None:
                contested = shapely.difference(contested, controlled)
        estimate = {"as_of": day, "unmapped": self.unmapped_text}
        for tier, shape, lists in (("controlled", controlled, "controlled"), ("contested", contested, "all")):
            previous = self.shapes[tier]
            ids = self.ids[lists]
            if self.last is not None and (shape is previous or (
                    shape is not None and previous is not None and shapely.equals_exact(shape, previous, 0))):
                # The same shape: its measurements and encoded geometry stand, not its line.
                estimate[tier] = {k: v for k, v in self.last[tier].items() if not k.startswith("line")}
                estimate[tier]["events"] = ids
            else:
                estimate[tier] = self.measure(shape, ids)
            estimate[tier]["sources"] = self.sources[lists]
            self.shapes[tier] = shape
        self.last = estimate
        return estimate

    def deepest(self, geometry):
        """The boundary sample farthest from the border (the first, in boundary order, of equals)
        and its distance, found by branch and bound: along a line the distance to the border
        changes by at most the arc length, so between samples a and b no sample is farther than
        (d[a] + d[b] + s[b] - s[a]) / 2; stretches whose bound is below the best are dropped."""
        lines = shapely.get_parts(shapely.segmentize(shapely.boundary(geometry), DEPTH_SAMPLE_M))
        coords, arc, knots = [], [], []
        offset = 0
        for line in lines:
            c = shapely.get_coordinates(line)
            step = np.hypot(*np.diff(c, axis=0).T)
            coords.append(c)
            arc.append(np.concatenate([[0.0], np.cumsum(step)]))
            k = np.arange(0, len(c), DEPTH_FIRST_STRIDE)
            knots.append(offset + np.union1d(k, [len(c) - 1]))
            offset += len(c)
        samples = np.concatenate(coords)
        s = np.concatenate(arc)
        d = np.full(len(samples), -np.inf)

        def query(indexes):
            _, distances = self.border_tree.query_nearest(
                shapely.points(samples[indexes]), return_distance=True, all_matches=False)
            d[indexes] = distances
            self.depth_queries += len(indexes)

        a = np.concatenate([k[:-1] for k in knots])
        b = np.concatenate([k[1:] for k in knots])
        query(np.concatenate(knots))
        while True:
            best = d.max()
            wide = b - a > 1
            a, b = a[wide], b[wide]
            keep = (d[a] + d[b] + (s[b] - s[a])) / 2 >= best - 1e-6
            a, b = a[keep], b[keep]
            if not len(a):
                break
            m = (a + b) // 2
            query(np.unique(m))
            a, b = np.concatenate([a, m]), np.concatenate([m, b])
        best = d.max()
        return samples[int(np.argmax(d == best))], best

    def disc_bounds(self, tiers):
        """Salient's lower bounds on the disc joins, as of the last day advanced to: the union of
        the discs of the drawn reports located to a place (exact or near), clipped to the
        territory; of those held (`controlled`), and of all (`all`: the certain ground of a claim
        that counts the grey zone); only those of `tiers`, the ones the day's claims read. Each
        disc is made once; a union is made again only when its set of discs changes."""
        areas = {}
        for tier in tiers:
            keys = []
            for m in sorted(self.drawn):
                r = self.ground[m]
                if r[7] in ("exact", "near") and (tier == "all" or self.drawn[m] == "controlled"):
                    keys.append(self.key(r))
            keys = tuple(dict.fromkeys(keys))
            kept = self.disc_unions.get(tier)
            if kept is None or kept[0] != keys:
                missing = [k for k in keys if k not in self.discs]
                if missing:
                    xy = np.column_stack(self.forward.transform([k[0] for k in missing], [k[1] for k in missing]))
                    made = shapely.buffer(shapely.points(xy), [k[2] for k in missing], quad_segs=QUAD_SEGS)
                    self.discs.update(zip(missing, made))
                shape = shapely.intersection(shapely.union_all([self.discs[k] for k in keys]), self.territory) if keys else None
                kept = (keys, self.area(shape))
                self.disc_unions[tier] = kept
            areas[tier] = kept[1]
        return areas

    def border_stretch(self):
        """Salient's stretch of border the drawn reports span, as of the last day advanced to:
        each report's place on its nearest border part (the first of equals), how far along it,
        widened by the radius it stands for; per part, from the least to the most, cut with the
        vertices in between. Each place is placed once; each part's vertices are placed once."""
        if self.border_lines is None:
            self.border_lines = []
            for part in shapely.get_parts(self.border):
                vertices = shapely.get_coordinates(part)
                along = shapely.line_locate_point(part, shapely.points(vertices))
                self.border_lines.append((part, part.length, vertices, along))
            self.border_parts = np.array([line[0] for line in self.border_lines], dtype=object)
        reports = [self.ground[m] for m in self.drawn]
        missing = list(dict.fromkeys((r[5], r[6]) for r in reports if (r[5], r[6]) not in self.border_positions))
        if missing:
            xy = np.column_stack(self.forward.transform([k[0] for k in missing], [k[1] for k in missing]))
            points = shapely.points(xy)
            nearest = np.argmin(shapely.distance(points[:, None], self.border_parts[None, :]), axis=1)
            along = shapely.line_locate_point(self.border_parts[nearest], points)
            self.border_positions.update(zip(missing, zip(nearest.tolist(), along.tolist())))
        extents = {}
        for r in reports:
            part, along = self.border_positions[(r[5], r[6])]
            low, high = extents.get(part, (along - r[8], along + r[8]))
            extents[part] = (min(low, along - r[8]), max(high, along + r[8]))
        lines = []
        for part, (low, high) in sorted(extents.items()):
            line, length, vertices, along = self.border_lines[part]
            start, end = max(0.0, min(low, high)), min(length, max(low, high))
            if end > start:
                ends = shapely.get_coordinates(shapely.line_interpolate_point(line, [start, end]))
                lines.append(np.vstack([ends[:1], vertices[(along > start) & (along < end)], ends[1:]]))
        return lines

    def farthest_reported(self):
        """Salient's lower bound on a depth claim, as of the last day advanced to: the drawn
        reports located to a place (exact or near), each place's geodesic distance to its
        nearest border point less the radius its report stands for; the greatest, and 0 when
        none is above 0. None when no place is reported. Each place is measured once, all at a
        time: the nearest points in the plane, their distances on the ellipsoid."""
        reports = [self.ground[m] for m in self.drawn if self.ground[m][7] in ("exact", "near")]
        if not reports:
            return None
        missing = list(dict.fromkeys((r[5], r[6]) for r in reports if (r[5], r[6]) not in self.border_km))
        if missing:
            xy = np.column_stack(self.forward.transform([k[0] for k in missing], [k[1] for k in missing]))
            ends = shapely.get_coordinates(shapely.shortest_line(shapely.points(xy), self.border)).reshape(-1, 2, 2)
            on_border = self.unproject_coords(ends[:, 1])
            km = self.geod.inv([k[0] for k in missing], [k[1] for k in missing], on_border[:, 0], on_border[:, 1])[2] / 1000
            self.border_km.update(zip(missing, km.tolist()))
        return max(0.0, max(self.border_km[(r[5], r[6])] - r[8] / 1000 for r in reports))

    def land(self, stretch, kilometers):
        """The geodesic area of the territory within `kilometers` of a stretch, km²; each stretch
        and depth buffered once."""
        key = (tuple(line.tobytes() for line in stretch), kilometers)
        if key not in self.lands:
            land = shapely.intersection(shapely.buffer(shapely.multilinestrings(stretch), kilometers * 1000,
                                                       quad_segs=QUAD_SEGS), self.territory)
            land = shapely.normalize(land)
            shapely.prepare(land)
            inside = int(shapely.intersects_xy(land, self.settlement_xy[:, 0], self.settlement_xy[:, 1]).sum()) \
                if len(self.settlement_xy) else 0
            self.lands[key] = (self.area(land), inside)
        return self.lands[key]

    def polygon_rings(self, polygon):
        """A polygon's rings in lon/lat, densified in the plane first (as Salient writes them)."""
        return [self.unproject_coords(shapely.get_coordinates(shapely.segmentize(ring, UNPROJECT_STEP_M)))
                for ring in [polygon.exterior, *polygon.interiors]]

    def rings_area(self, rings):
        """The geodesic area of a polygon's lon/lat rings, m²: the exterior less the holes."""
        areas = [abs(self.geod.polygon_area_perimeter(ring[:-1, 0], ring[:-1, 1])[0]) for ring in rings]
        return areas[0] - sum(areas[1:])

    def written(self, geometry):
        """A planar shape's polygons as Salient writes them (OutputGrid.polygons): unprojected
        ring by ring, made valid if unprojecting made it cross itself, cut at +-180, snap-rounded
        to the 6-decimal grid by GEOS so that the printed coordinates are valid, repaired and
        snapped again should the grid values fall short, and oriented by the right-hand rule.
        Lists of lon/lat rings."""
        polygons = polygon_parts(geometry)
        if not polygons:
            return []
        shape = shapely.MultiPolygon([shapely.Polygon(r[0], r[1:]) for r in map(self.polygon_rings, polygons)])
        if not shapely.is_valid(shape):
            shape = shapely.make_valid(shape)
        xmin, _, xmax, _ = shapely.bounds(shape)
        if xmin < -180 or xmax > 180:
            pieces = []
            for shift in (-360.0, 0.0, 360.0):
                band = shapely.intersection(shape, shapely.box(-180 - shift, -90, 180 - shift, 90))
                pieces += [shapely.transform(p, lambda c, shift=shift: c + [shift, 0]) for p in polygon_parts(band)]
        else:
            pieces = polygon_parts(shape)
        written = snapped(shapely.MultiPolygon(pieces))
        for repairs in range(4):
            if shapely.is_valid(written):
                break
            if repairs == 3:
                raise RuntimeError("snapped shape is invalid: " + shapely.is_valid_reason(written))
            written = snapped(shapely.make_valid(written))
        # GEOS's canonical form runs exteriors clockwise; RFC 7946's right-hand rule wants them
        # counterclockwise and holes clockwise, so every ring is written reversed.
        return [[shapely.get_coordinates(ring)[::-1] for ring in [p.exterior, *p.interiors]]
                for p in polygon_parts(written)]

    def area(self, geometry):
        """The geodesic area of a planar shape as written, km²."""
        if geometry is None or shapely.is_empty(geometry):
            return 0.0
        return sum(self.rings_area(rings) for rings in self.written(geometry)) / 1e6

    def measure(self, geometry, ids):
        empty = {"geometry": [], "area_km2": 0.0, "depth_km": 0.0, "settlements": [], "events": ids}
        if geometry is None or shapely.is_empty(geometry):
            return empty
        # Densified in the plane before unprojecting, ring by ring as lines (as Salient writes and
        # measures its shapes): GEOS's polygon densifier repairs its output and can empty a polygon.
        rings = self.written(geometry)
        if not rings:
            return empty
        area = sum(self.rings_area(r) for r in rings)
        self.measured += 1
        deepest = shapely.points(self.deepest(geometry)[0])
        ends = shapely.get_coordinates(shapely.shortest_line(deepest, self.border))
        ends = self.unproject_coords(ends)
        depth = self.geod.inv(ends[0, 0], ends[0, 1], ends[1, 0], ends[1, 1])[2] / 1000
        shapely.prepare(geometry)
        inside = shapely.intersects_xy(geometry, self.settlement_xy[:, 0], self.settlement_xy[:, 1]) if len(self.settlement_xy) else []
        return {"geometry": rings, "area_km2": area / 1e6, "depth_km": depth,
                "settlements": list(self.settlement_ids[inside]) if len(self.settlement_xy) else [], "events": ids}


def numbers(value):
    """The parameters with their numbers as numbers again (the loader keeps every scalar a string)."""
    if isinstance(value, dict):
        return {k: numbers(v) for k, v in value.items()}
    if isinstance(value, list):
        return [numbers(v) for v in value]
    for kind in (int, float):
        try:
            return kind(value)
        except ValueError:
            pass
    return value


def polygon_parts(shape):
    """The non-empty polygons of a shape, collections within collections opened."""
    parts = shapely.get_parts(shapely.get_parts(shape))
    return [p for p in parts if shapely.get_type_id(p) == 3 and not p.is_empty]


def snapped(shape):
    """GEOS's snap-rounding to the output grid, in canonical form, each coordinate then the
    double nearest its grid point (Salient's OutputGrid.snapped)."""
    shape = shapely.normalize(shapely.set_precision(shape, GRID, mode="valid_output"))
    return shapely.transform(shape, lambda c: np.round(c * 1e6) / 1e6)


def split_antimeridian(rings):
    """Polygons (lists of lon/lat rings) cut at +-180 as RFC 7946 asks."""
    lons = np.concatenate([p[0][:, 0] for p in rings]) if rings else np.array([])
    if not len(lons) or (lons.min() >= -180 and lons.max() <= 180):
        return rings
    shapes = [shapely.make_valid(shapely.Polygon(p[0], holes=p[1:])) for p in rings]
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


TIERS = (None, "controlled", "contested")
# A tier's properties that make its state in the temporal layer (Salient's TemporalLayers.stateKeys).
STATE_KEYS = {"tier", "area_km2", "depth_km", "settlement_count", "event_count", "events", "sources",
              "source_urls", "method", "projection", "timeline"}


class Writer:
    """Turns estimates and events into the layers Salient writes (the same features and
    properties, orjson's compact spacing, not byte for byte)."""

    def __init__(self, inputs, estimator):
        self.inputs = inputs
        self.estimator = estimator
        self.by_id = {r[0]["id"]: r for r in inputs.events}
        self.summary = json.dumps(numbers(inputs.doc["estimate"]), default=str, sort_keys=True)
        self.timeline_id = inputs.doc["id"]
        self.urls = {i: s.get("url") for i, s in inputs.sources.items()}
        self.order = sorted(inputs.events, key=lambda r: (r[1], r[0]["id"]))
        self.static = []
        for r in self.order:
            e, start, end, pid, kind, lon, lat, precision, radius, tier, _ = r
            sources = [inputs.sources[s] for s in e["sources"] if s in inputs.sources]
            provenance = inputs.places[pid]["properties"] if pid else None
            published = [to_ordinal(s["published"]["start"] if isinstance(s["published"], dict) else s["published"]) for s in sources]
            self.static.append(({
                "id": e["id"], "kind": e["kind"], "actor": e["actor"], "place_id": pid or "",
                "place_name": provenance["name"] if provenance else "", "location_precision": precision,
                "start_date": day_text(start), "end_date": day_text(end + 1),
                "date_precision": "interval" if start != end else "day", "date_note": e.get("date_note", ""),
                "summary": e["summary"], "sources": "; ".join(e["sources"]),
                "source_urls": "; ".join(s["url"] for s in sources if s.get("url")),
                "outlets": "; ".join(s["outlet"] for s in sources),
                "source_files": "; ".join(s["file"] for s in sources if s.get("file")),
                "published_date": day_text(min(published)) if published else "",
                "coordinate_source": f"{provenance['source']} {provenance['source_id']}" if provenance else "timeline coordinates",
                "coordinate_licence": provenance["licence"] if provenance else "",
                "coordinate_uncertainty_m": provenance["uncertainty_m"] if provenance else 0,
            }, {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}, start, end, radius, tier))

        # Each event's feature encoded once per tier it can be drawn in (none, controlled,
        # contested): without an age (the timeline and export layers), and for the daily files
        # in two pieces either side of the age.
        self.lines, self.daily = [], []
        for props, geometry, start, end, radius, tier in self.static:
            pieces = []
            for drawn in TIERS:
                drawn = drawn if radius is not None and tier is not None else None
                p = dict(props, estimate_tier=drawn or "none",
                         estimate_radius_km=round(radius / 1000, 3) if drawn else 0)
                head = b'{"type":"Feature","properties":' + orjson.dumps(p)[:-1]
                tail = b',"geometry":' + orjson.dumps(geometry) + b"}"
                pieces.append((head + b',"age_days":', b"}" + tail, head + b"}" + tail))
            self.daily.append(pieces)
        self.starts = [x[2] for x in self.static]
        self.ends = [x[3] for x in self.static]
        # The estimator's index of each event's report (None for events it does not draw).
        ground = {r[0]["id"]: i for i, r in enumerate(estimator.ground)}
        self.report = [ground.get(r[0]["id"]) for r in self.order]

    def variant(self, k):
        """Which of event k's encodings the estimate's current day draws it in, as Salient reads
        the day's tiers: the tier its report is drawn in, else none."""
        report = self.report[k]
        return 0 if report is None else TIERS.index(self.estimator.drawn.get(report))

    def event_lines(self, day=None, shown=None):
        """Every event's line as the estimate's current day draws it, or the lines of the
        events `shown` on `day` (the estimator's current day)."""
        if day is None:
            return [self.daily[k][self.variant(k)][2] for k in range(len(self.static))]
        lines = []
        for k in shown:
            head, tail, _ = self.daily[k][self.variant(k)]
            lines.append(head + str(day - self.starts[k]).encode() + tail)
        return lines

    def control_lines(self, estimate):
        """Each tier's feature line, its properties but the day, and its encoded geometry. What
        does not change from day to day is encoded once per state of the tier."""
        lines = []
        day = day_text(estimate["as_of"]).encode()
        for tier in ("controlled", "contested"):
            a = estimate[tier]
            if "geometry_json" not in a:
                a["geometry_json"] = orjson.dumps(multipolygon_json(a["geometry"]), option=orjson.OPT_SERIALIZE_NUMPY)
            if "line_props" not in a:
                a["line_props"] = {
                    "tier": tier, "area_km2": round(a["area_km2"], 3),
                    "area_method": "geodesic on WGS 84 (pyproj.Geod)", "depth_km": round(a["depth_km"], 3),
                    "settlement_count": len(a["settlements"]), "settlements": "; ".join(a["settlements"]),
                    "event_count": len(a["events"]), "events": "; ".join(a["events"]),
                    "sources": "; ".join(a["sources"]),
                    "source_urls": "; ".join(u for u in (self.urls.get(s) for s in a["sources"]) if u),
                    "unmapped_events": estimate["unmapped"],
                    "method": self.summary, "projection": self.estimator.definition, "timeline": self.timeline_id,
                }
                a["line_head"] = b'{"type":"Feature","properties":' + orjson.dumps(a["line_props"])[:-1] + b',"as_of_date":"'
                a["line_tail"] = b'"},"geometry":' + a["geometry_json"] + b"}"
            lines.append((tier, a["line_head"] + day + a["line_tail"], a["line_props"], a["geometry_json"]))
        return lines


def collection(name, lines):
    head = b'{\n"type": "FeatureCollection",\n"name": ' + orjson.dumps(name) + b',\n"features": [\n'
    return head + b",\n".join(lines) + (b"\n]\n}\n" if lines else b"]\n}\n")


def write_bytes(path, data):
    """Writes in calls of 128 KB: one call of several MB costs the kernel more than many small ones."""
    view = memoryview(data)
    with open(path, "wb", buffering=0) as f:
        for at in range(0, len(view), WRITE_CALL_BYTES):
            f.write(view[at:at + WRITE_CALL_BYTES])
    return len(data)


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
    written = write_bytes(os.path.join(args.out, "events.geojson"), collection("events", writer.event_lines()))
    written += write_bytes(os.path.join(args.out, "control.geojson"),
                           collection("control", [x[1] for x in writer.control_lines(estimate)]))
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
    # The temporal layer is streamed through a 128 KB buffer: its states are the run's bulk.
    timeline_file = open(os.path.join(args.out, "control-timeline.geojson"), "wb", buffering=WRITE_CALL_BYTES)
    timeline_file.write(collection("control-timeline", [])[:-4])
    timeline_count = [0]
    open_state = {}
    begun, sources, shown = 0, set(), []

    def close(tier, until):
        start, props, geometry = open_state[tier]
        if geometry != b'{"type":"MultiPolygon","coordinates":[]}':
            props = {"tier": tier, "start_date": day_text(start), "end_date": day_text(until) if until is not None else None,
                     **{k: v for k, v in props.items() if k != "tier"}}
            timeline_file.write((b",\n" if timeline_count[0] else b"") + b'{"type":"Feature","properties":'
                                + orjson.dumps(props) + b',"geometry":' + geometry + b"}")
            timeline_count[0] += 1

    for day in range(first, last + 1):
        t = time.perf_counter()
        estimate = estimator.advance(day)
        estimate_s += time.perf_counter() - t
        t = time.perf_counter()
        control = writer.control_lines(estimate)
        on_day = 0
        while begun < len(writer.starts) and writer.starts[begun] <= day:
            r = writer.order[begun]
            on_day += r[1] == day
            sources.update(r[0]["sources"])
            shown.append(begun)
            begun += 1
        shown = [k for k in shown if writer.ends[k] >= day]
        name = day_text(day)
        written += write_bytes(os.path.join(daily, f"{name}.control.geojson"),
                               collection(f"control {name}", [x[1] for x in control]))
        written += write_bytes(os.path.join(daily, f"{name}.events.geojson"),
                               collection(f"events {name}", writer.event_lines(day, shown)))
        for tier, _, props, geometry in control:
            props = {k: v for k, v in props.items() if k in STATE_KEYS}
            state = open_state.get(tier)
            if state is None or state[1] != props or state[2] != geometry:
                if state is not None:
                    close(tier, day)
                open_state[tier] = (day, props, geometry)
        c, k = estimate["controlled"], estimate["contested"]
        rows.append([name, f"{c['area_km2']:.6f}", f"{k['area_km2']:.6f}", f"{c['area_km2'] + k['area_km2']:.6f}",
                     len(c["settlements"]), len(k["settlements"]), f"{max(c['depth_km'], k['depth_km']):.3f}",
                     on_day, begun, len(sources)])
        write_s += time.perf_counter() - t
    t = time.perf_counter()
    for tier in ("controlled", "contested"):
        close(tier, None)
    timeline_file.write(b"\n]\n}\n" if timeline_count[0] else b"]\n}\n")
    written += timeline_file.tell()
    timeline_file.close()
    written += write_bytes(os.path.join(args.out, "events-timeline.geojson"),
                           collection("events-timeline", writer.event_lines()))
    with open(os.path.join(args.out, "series.csv"), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["date", "controlled_km2", "contested_km2", "estimate_km2", "settlements_controlled",
                    "settlements_contested", "depth_km", "events_on_day", "events_to_date", "sources_to_date"])
        w.writerows(rows)
    keys = ["date", "controlled_km2", "contested_km2", "estimate_km2", "settlements_controlled",
            "settlements_contested", "depth_km", "events_on_day", "events_to_date", "sources_to_date"]
    days_json = b",\n".join(orjson.dumps({k: (v if i in (0,) or isinstance(v, int) else float(v))
                                           for i, (k, v) in enumerate(zip(keys, row))}) for row in rows)
    written += write_bytes(os.path.join(args.out, "series.json"),
                           b'{"timeline":' + orjson.dumps(writer.timeline_id) + b',"method":' + orjson.dumps(writer.summary)
                           + b',"days":[\n' + days_json + b"\n]}\n")
    write_s += time.perf_counter() - t
    timings.update(estimate_s=estimate_s, write_s=write_s, bytes=written, days=last - first + 1,
                   tiers_measured=estimator.measured, depth_queries=estimator.depth_queries)


def claimed_interval(claim):
    factor = {"km2": 1, "sq mi": 2.589988110336, "km": 1, "m": 0.001, "mi": 1.609344, "settlements": 1, "people": 1}[claim["unit"]]
    value = claim["value"]
    low, high = (float(value[0]), float(value[1])) if isinstance(value, list) else (float(value), float(value))
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
    claims = sorted(inputs.doc.get("claims") or [], key=lambda c: (to_ordinal(c["as_of"]), c["id"]))
    # The depth claim nearest in time bounds area and settlement claims from above, with the
    # land within its depth of the stretch of border the day's reports span (Salient's DepthBound).
    depths = [(c, claimed_interval(c)[1]) for c in claims if c["definition"] == "depth" and c["unit"] in ("km", "m", "mi")]
    depths = [(c, high) for c, high in depths if math.isfinite(high) and high > 0]
    bounded = ("controlled", "controlled_plus_contested", "advanced_over", "settlements_controlled")

    def nearest_depth(claim):
        day = to_ordinal(claim["as_of"])
        return min(depths, key=lambda d: (abs(to_ordinal(d[0]["as_of"]) - day), -to_ordinal(d[0]["as_of"]), d[0]["id"]))

    estimates, lower, stretches, farthest = {}, {}, {}, {}
    for day in sorted({to_ordinal(c["as_of"]) for c in claims}):
        estimates[day] = estimator.advance(day)
        # Only the bounds the day's claims read: the held places' for `controlled`, all
        # reported places' for the claims that count the grey zone.
        definitions = {c["definition"] for c in claims if to_ordinal(c["as_of"]) == day}
        tiers = [t for t, wanted in (("controlled", {"controlled"}),
                                     ("all", {"controlled_plus_contested", "advanced_over"}))
                 if definitions & wanted]
        lower[day] = estimator.disc_bounds(tiers)
        if depths and estimator.drawn and definitions & set(bounded):
            stretches[day] = estimator.border_stretch()
        if "depth" in definitions:
            farthest[day] = estimator.farthest_reported()
    results = []
    for claim in claims:
        lower_bound = None
        day = to_ordinal(claim["as_of"])
        e = estimates[day]
        c, k = e["controlled"], e["contested"]
        definition = claim["definition"]
        if definition in ("controlled", "controlled_plus_contested", "advanced_over"):
            # From the certain ground (the held places' discs, or all reported places' for a
            # claim that counts the grey zone) to controlled + contested.
            low = lower[day]["controlled" if definition == "controlled" else "all"]
            high = c["area_km2"] + k["area_km2"]
        elif definition == "depth":
            low, high = c["depth_km"], max(c["depth_km"], k["depth_km"])
            # The reported place farthest from the border bounds the depth from below.
            if farthest[day] is not None:
                lower_bound = {"value": farthest[day]}
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
        # Area claims: the land's area bounds them; settlement claims: Salient counts the
        # settlements inside it (the measure's `within_depth`).
        upper_bound = None
        if definition in bounded and day in stretches and stretches[day]:
            depth_claim, kilometers = nearest_depth(claim)
            area, inside = estimator.land(stretches[day], kilometers)
            upper_bound = {"value": inside if definition == "settlements_controlled" else area,
                           "depth_claim": depth_claim["id"]}
        claimed_low, claimed_high = claimed_interval(claim)
        if claimed_low > high * 1.1:
            verdict = "overstated"
        elif claimed_high < low * 0.9:
            verdict = "understated"
        else:
            verdict = "consistent"
        results.append({"id": claim["id"], "as_of": day_text(day), "definition": definition,
                        "measured": {"low": low, "high": high}, "lower_bound": lower_bound,
                        "upper_bound": upper_bound, "verdict": verdict})
    os.makedirs(args.out, exist_ok=True)
    timings["bytes"] = write_bytes(os.path.join(args.out, "check.json"), orjson.dumps({"claims": results}, option=orjson.OPT_INDENT_2))
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
