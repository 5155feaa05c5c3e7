#!/usr/bin/env python3
"""Where a `perf record -g` profile of salient spends its time, by who does the work.

    perf script -i perf.data -F comm,tid,period,ip,sym,dso | python3 shares.py

A sample is GEOS's when any frame of its stack is in libgeos or libgeos_c (so the memory
GEOS allocates counts as GEOS's), PROJ's when any is in libproj, the kernel's when it runs
in the kernel under a write, fsync, rename or open of an output file (or the page cache
behind them); everything else is Salient's own: reading YAML and GeoJSON, building and
printing JSON, the estimator's bookkeeping, and the Swift runtime and malloc under them.
Salient's own time is split further by the part of the job on its stack, in the order
listed in GROUPS (reading first: anything under the readers is reading).
"""

import collections
import re
import sys

GROUPS = [
    ("reading inputs (Yams, TimelineReader, GazetteerReader)", re.compile(r"Yams|TimelineReader|GazetteerReader|NodeReader|Fields|Gazetteer[CV]|NameFolding")),
    ("daily events files (templates, writes)", re.compile(r"DailyEventLines|eventsTimeline|ExportLayersO6events")),
    ("control layers (ExportLayers.control, Layout, JSON, stitch)", re.compile(r"ExportLayersO7control|ControlListMemo|StateText|TemporalLayers|Layout|JSONValue|GeoJSONWriter|controlTimeline|stitch")),
    ("estimator (Swift side)", re.compile(r"ControlAreaEstimator|Projector|Geodesic|GEOSObject|GEOSContext|PreparedGEOSObject|AntimeridianSplit")),
    ("series and job", re.compile(r"SnapshotJob|ExportJob|SeriesRow")),
]


def samples(stream):
    """(period, [(symbol, dso)] leaf first) per sample of `perf script` output."""
    period, frames = 0, []
    for line in stream:
        line = line.rstrip("\n")
        if not line.strip():
            if frames or period:
                yield period, frames
            period, frames = 0, []
            continue
        if not line.startswith((" ", "\t")):
            parts = line.split()
            period = int(parts[2]) if len(parts) > 2 and parts[2].isdigit() else 1
            continue
        m = re.match(r"\s*[0-9a-f]+\s+(.*)\s+\((.*)\)\s*$", line)
        if m:
            frames.append((m.group(1), m.group(2)))
    if frames:
        yield period, frames


def main():
    totals = collections.Counter()
    own = collections.Counter()
    for period, frames in samples(sys.stdin):
        dsos = [d for _, d in frames]
        if any("libgeos" in d for d in dsos):
            totals["GEOS"] += period
        elif any("libproj" in d for d in dsos):
            totals["PROJ"] += period
        elif frames and "kernel" in frames[0][1]:
            totals["kernel (file output, page cache)"] += period
        else:
            totals["Salient's own"] += period
            symbols = [symbol for symbol, _ in frames]
            group = next((name for name, pattern in GROUPS if any(pattern.search(s) for s in symbols)),
                         "other (runtime, malloc, stacks perf could not unwind)")
            own[group] += period
    whole = sum(totals.values()) or 1
    print("| who | share |\n|---|--:|")
    for name, value in totals.most_common():
        print(f"| {name} | {100 * value / whole:.1f} % |")
    print("\n| Salient's own, by part | share of all |\n|---|--:|")
    for name, value in own.most_common():
        print(f"| {name} | {100 * value / whole:.1f} % |")


if __name__ == "__main__":
    main()
