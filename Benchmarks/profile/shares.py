#!/usr/bin/env python3
"""Where a `perf record -g` profile of salient spends its time, by who does the work.

    perf script -i perf.data -F comm,tid,period,ip,sym,dso | python3 shares.py [--seconds]

With --seconds it prints one JSON line instead of the tables: the GEOS, PROJ and total CPU
seconds (the harness's floor column reads it).

A sample is GEOS's when any frame of its stack is in libgeos or libgeos_c (so the memory
GEOS allocates counts as GEOS's), PROJ's when any is in libproj, the kernel's writing when
it runs in the kernel under a write, sync, rename or open of an output file (the page cache
and the file system behind them), the kernel's other when it runs in the kernel otherwise
(page faults on memory the process touches for the first time); everything else is
Salient's own: reading YAML and GeoJSON, building and printing JSON, the estimator's
bookkeeping, and the Swift runtime and malloc under them.
Salient's own time is split further: first the samples under libyaml's parser (and
`YAMLComposer` and `EventScanner` around it: the parse any YAML reader pays), then the rest by the
part of the job on its stack (GROUPS: reading when a reader is on it, else the part nearest
the leaf). Swift symbols are matched by their
demangled names without their argument types (`swift demangle --simplified`), so that a
function which merely takes a `DailyEventsLayer` is not counted as the events layer.

Periods are CPU nanoseconds (perf's cpu-clock), so the seconds printed are CPU seconds.
"""

import collections
import json
import re
import subprocess
import sys

GROUPS = [
    # The parts of the job, matched against demangled names (Type.function). Reading counts
    # anything under a reader; the other parts take the frame nearest the leaf. Helpers every
    # part calls (JSONValue, GeoJSONWriter, FeatureLayout, StreamingTextFile) name no part, so
    # their time goes to the part that called them.
    ("reading inputs (reading the values: TimelineReader, GazetteerReader)", re.compile(r"TimelineReader|GazetteerReader|NodeReader|PointPlacesParser|(^|\.)Fields\.")),
    ("events layers (daily files, the events layer)", re.compile(r"DailyEventsLayer|forEachEvent|writeFeatureCollection|ExportLayers\.event")),
    ("control layers (ExportLayers.control, ControlMembers, TemporalLayers, stitch)", re.compile(r"ExportLayers\.control|ControlMembers|StateText|TemporalLayers|ControlTimelineFile|stitch")),
    ("estimator (Swift side)", re.compile(r"ControlAreaEstimator|Projector|Geodesic|GEOSObject|GEOSContext|PreparedGEOSObject|AntimeridianSplit|SortedTally|PlaceStates|OutputGrid|BorderDepth")),
    ("series and job (and the files it writes itself)", re.compile(r"SnapshotJob|ExportJob|SeriesRow")),
]


def demangled(symbols):
    """Each Swift symbol's demangled name without its arguments; others as they are."""
    swift = sorted({s for s in symbols if s.startswith("$s")})
    names = {}
    if swift:
        try:
            out = subprocess.run(["swift", "demangle", "--compact", "--simplified"], input="\n".join(swift) + "\n",
                                 capture_output=True, text=True, check=True).stdout.splitlines()
            names = {s: n.split("(")[0] for s, n in zip(swift, out)}
        except (OSError, subprocess.CalledProcessError):
            pass
    return lambda symbol: names.get(symbol, symbol)


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


KERNEL_WRITING = "kernel writing output (page cache, file system)"
KERNEL_OUTPUT = re.compile(r"ksys_write|vfs_write|sys_writev|sys_sync|syncfs|sys_fsync|renameat|sys_openat|sys_unlink|sys_mkdir")
YAML_PARSE_PART = "parsing YAML (libyaml, YAMLComposer, EventScanner)"
YAML_PARSE = re.compile(r"YAMLComposer|EventScanner|^yaml_")
NOT_OWN = ("GEOS", "PROJ")


def first_match(pattern, symbols):
    """The index of the frame nearest the leaf that `pattern` finds, or None."""
    return next((i for i, symbol in enumerate(symbols) if pattern.search(symbol)), None)


def main():
    totals = collections.Counter()
    own = collections.Counter()
    every = list(samples(sys.stdin))
    name = demangled({symbol for _, frames in every for symbol, _ in frames})
    for period, frames in every:
        dsos = [d for _, d in frames]
        symbols = [name(symbol) for symbol, _ in frames]
        if any("libgeos" in d for d in dsos):
            totals["GEOS"] += period
        elif any("libproj" in d for d in dsos):
            totals["PROJ"] += period
        elif frames and "kernel" in frames[0][1]:
            if any(KERNEL_OUTPUT.search(s) for s in symbols):
                totals[KERNEL_WRITING] += period
            else:
                totals["kernel, other (page faults, memory)"] += period
        else:
            totals["Salient's own"] += period
            # The readers run inside the composer's callbacks, so the frame nearest the leaf decides.
            parse_at = first_match(YAML_PARSE, symbols)
            read_at = first_match(GROUPS[0][1], symbols)
            if parse_at is not None and (read_at is None or parse_at < read_at):
                own[YAML_PARSE_PART] += period
                continue
            parts = GROUPS[1:] if read_at is None else GROUPS[:1]
            group = next((group for symbol in symbols for group, pattern in parts if pattern.search(symbol)),
                         "other (runtime, malloc, stacks perf could not unwind)")
            own["Salient's code: " + group] += period
    whole = sum(totals.values()) or 1
    if "--seconds" in sys.argv[1:]:
        print(json.dumps({"geos_s": totals["GEOS"] / 1e9, "proj_s": totals["PROJ"] / 1e9, "total_s": whole / 1e9}))
        return

    def row(name, value):
        print(f"| {name} | {value / 1e9:.2f} | {100 * value / whole:.1f} % |")

    print("| who | CPU s | share |\n|---|--:|--:|")
    for name, value in totals.most_common():
        row(name, value)
    print("\n| Salient's own, by part | CPU s | share of all |\n|---|--:|--:|")
    for name, value in own.most_common():
        row(name, value)
    # The benchmark issue's overhead: everything but the GEOS and PROJ calls. Part of it is
    # fixed by the formats and the YAML parser rather than by Salient's code.
    overhead = whole - sum(totals[name] for name in NOT_OWN)
    fixed = totals[KERNEL_WRITING] + own[YAML_PARSE_PART]
    print("\n| overhead (everything but GEOS and PROJ) | CPU s | share of all |\n|---|--:|--:|")
    row("all of it", overhead)
    row("… the kernel writing the output, and parsing YAML", fixed)
    row("… the rest: Salient's code and its page faults", overhead - fixed)


if __name__ == "__main__":
    main()
