#!/usr/bin/env python3
"""Lookup at scale: a gazetteer of 200,000 places with many namesakes and a timeline naming
10,000 of them, loaded and resolved by `salient check` and by a Python peer (json + a dict of
folded names). Prints wall time and peak memory (max RSS) of each; see Benchmarks/README.md.

    python3 Benchmarks/lookup/lookup.py --salient .build-bench/release/salient [--places N] [--names N]
"""
import argparse, json, os, random, resource, subprocess, sys, time, unicodedata

SYLLABLES = ["ka", "lo", "vo", "ni", "ro", "ba", "ze", "mi", "to", "su", "dra", "pe", "ly", "go", "sha", "ki"]
CYR = {"ka": "ка", "lo": "ло", "vo": "во", "ni": "ни", "ro": "ро", "ba": "ба", "ze": "зе", "mi": "ми", "to": "то",
       "su": "су", "dra": "дра", "pe": "пе", "ly": "лы", "go": "го", "sha": "ша", "ki": "ки"}
ENDINGS = [("vka", "вка"), ("no", "но"), ("ye", "е"), ("sk", "ск")]
# The territory: two regions of 3° × 3° side by side; districts are 1° squares, all over the map.
TERRITORY = [("region-a", 34.0, 50.0, 37.0, 53.0), ("region-b", 37.0, 50.0, 40.0, 53.0)]


def base_name(rng):
    parts = [rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))]
    ending = rng.choice(ENDINGS)
    latin = "".join(parts) + ending[0]
    return latin.capitalize(), ("".join(CYR[p] for p in parts) + ending[1]).capitalize()


def district_of(lon, lat):
    return f"district-{int(lon)}-{int(lat)}"


def square(x0, y0, x1, y1):
    return {"type": "MultiPolygon", "coordinates": [[[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]]}


def feature(props, geometry):
    base = {"aliases": [], "name_local": "", "parent": "", "country": "RU", "source": "synthetic", "source_id": "",
            "source_url": "", "licence": "CC0", "uncertainty_m": 1000, "note": ""}
    base.update(props)
    return {"type": "Feature", "properties": base, "geometry": geometry}


def generate(out, places, names, seed):
    rng = random.Random(seed)
    os.makedirs(os.path.join(out, "gazetteer"), exist_ok=True)
    areas = [feature({"id": rid, "name": rid.replace("-", " ").title(), "kind": "region"}, square(*box))
             for rid, *box in TERRITORY]
    for lon in range(30, 46):
        for lat in range(45, 57):
            did = district_of(lon, lat)
            parent = "region-a" if 34 <= lon < 37 and 50 <= lat < 53 else "region-b" if 37 <= lon < 40 and 50 <= lat < 53 else ""
            areas.append(feature({"id": did, "name": f"District {lon}-{lat}", "kind": "district", "parent": parent},
                                 square(lon, lat, lon + 1, lat + 1)))
    border = [feature({"id": "line", "name": "Line", "kind": "border"},
                      {"type": "MultiLineString", "coordinates": [[[34.0, 49.0], [34.0, 54.0]]]})]
    feats, seen, used = [], {}, []

    def add(name, local, lon, lat):
        slug = name.lower()
        n = seen.get(slug, 0) + 1
        seen[slug] = n
        pid = slug if n == 1 else f"{slug}-{n}"
        feats.append(feature({"id": pid, "name": name, "name_local": local, "aliases": [local, name.replace("y", "j")],
                              "kind": "village", "parent": district_of(lon, lat)},
                             {"type": "Point", "coordinates": [round(lon, 6), round(lat, 6)]}))
        return pid

    inside = lambda: (rng.uniform(34.2, 39.8), rng.uniform(50.2, 52.8))
    outside = lambda: (rng.uniform(30.0, 45.9), rng.uniform(45.0, 49.0))  # 1° and more south of the territory
    # Namesake groups: "Ivanovka" has 400, hundreds of others 20 to 100; one of each inside the territory.
    groups = [("Ivanovka", "Ивановка", 400)] + [(*base_name(rng), rng.randint(20, 100)) for _ in range(600)]
    for number, (name, local, count) in enumerate(groups):
        if name.lower() in seen:
            continue
        for _ in range(count - 1):
            add(name, local, *outside())
        if number % 2 == 1:
            # One inside the territory, the rest far outside: the territory tells them apart.
            used.append(("territory", name, add(name, local, *inside())))
            continue
        # Two inside, in a district each: told apart only by their parent.
        lon, lat = inside()
        used.append(("parent", f"{name} ({district_of(lon, lat)})", add(name, local, lon, lat)))
        lon2, lat2 = lon, lat
        while district_of(lon2, lat2) == district_of(lon, lat):
            lon2, lat2 = inside()
        add(name, local, lon2, lat2)
    while len(feats) < places:
        name, local = base_name(rng)
        name = f"{name} {rng.randint(1, 10**6)}"
        local = f"{local} {name.split()[-1]}"
        lon, lat = inside() if rng.random() < 0.3 else outside()
        pid = add(name, local, lon, lat)
        if lon >= 34.2 and lat >= 50.2:
            used.append(("unique", local if rng.random() < 0.5 else name, pid))
    rng.shuffle(used)
    chosen = [u for u in used if u[0] != "unique"][: names // 5] + [u for u in used if u[0] == "unique"]
    chosen = chosen[:names]
    # Files of 50,000 places (20 MB): Salient reads files of up to 64 MiB, and a folder of any number.
    chunks = [(f"places-{i // 50_000 + 1}", feats[i:i + 50_000]) for i in range(0, len(feats), 50_000)]
    for path, items in chunks + [("areas", areas), ("border", border)]:
        with open(os.path.join(out, "gazetteer", f"{path}.geojson"), "w", encoding="utf-8") as f:
            f.write('{"type": "FeatureCollection", "features": [\n')
            f.write(",\n".join(json.dumps(i, ensure_ascii=False) for i in items))
            f.write("\n]}\n")
    lines = ["salient: 1", "id: lookup-bench", "timezone: UTC", "gazetteer: gazetteer", "estimate:", "  actor: A",
             "  territory: [region-a, region-b]", "  border: line", "  radius_km: {village: 1}",
             "  precision_factor: {exact: 1}", "  contested_band_km: 1", "sources:", "  - id: s", "    outlet: O",
             "    published: 2024-01-02", "events:"]
    for i, (_, written, _) in enumerate(chosen):
        lines += [f"  - id: e{i}", "    date: 2024-01-01", "    kind: statement", f"    place: {json.dumps(written, ensure_ascii=False)}",
                  "    actor: A", "    summary: s", "    sources: [s]"]
    lines += ["claims:", "  - id: c", "    claimant: A", "    stated: 2024-01-01", "    as_of: 2024-01-01",
              "    quantity: area", "    definition: controlled", "    value: 1", "    unit: km2", "    hedge: exact",
              "    sources: [s]"]
    with open(os.path.join(out, "timeline.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(out, "expected.json"), "w", encoding="utf-8") as f:
        json.dump([[w, pid] for _, w, pid in chosen], f, ensure_ascii=False)
    return len(feats), len(chosen)


def fold(name):
    """The peer's fold: case, diacritics and punctuation only (no transliteration, no levelling)."""
    text = unicodedata.normalize("NFKD", name.casefold())
    return "".join(c for c in text if c.isalnum())


def peer(folder):
    """json + a dict of folded names; namesakes by parent (in parentheses), then by the territory's boxes."""
    places = []
    for name in sorted(os.listdir(os.path.join(folder, "gazetteer"))):
        if name.startswith("places-"):
            with open(os.path.join(folder, "gazetteer", name), encoding="utf-8") as f:
                places += json.load(f)["features"]
    index = {}
    for i, p in enumerate(places):
        pr = p["properties"]
        for n in {fold(pr["id"]), fold(pr["name"]), fold(pr["name_local"]), *map(fold, pr["aliases"])}:
            index.setdefault(n, []).append(i)
    with open(os.path.join(folder, "expected.json"), encoding="utf-8") as f:
        expected = json.load(f)
    boxes = [t[1:] for t in TERRITORY]
    wrong = 0
    for written, want in expected:
        name, parent = written, None
        if written.endswith(")") and "(" in written:
            name, parent = written[:-1].split(" (", 1)
        hits = index.get(fold(name), [])
        if parent:
            hits = [h for h in hits if places[h]["properties"]["parent"] == parent]
        if len(hits) > 1:
            hits = [h for h in hits if any(x0 <= places[h]["geometry"]["coordinates"][0] <= x1 and
                                           y0 <= places[h]["geometry"]["coordinates"][1] <= y1 for x0, y0, x1, y1 in boxes)]
        if len(hits) != 1 or places[hits[0]]["properties"]["id"] != want:
            wrong += 1
    return wrong


def timed_child(argv):
    """Wall seconds, exit code, stderr and peak memory (max RSS, MB) of one child, from wait4."""
    before = time.perf_counter()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = child.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    return time.perf_counter() - before, child.returncode, stderr, usage.ru_maxrss / 1024


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--salient", required=True)
    ap.add_argument("--places", type=int, default=200_000)
    ap.add_argument("--names", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--work", default="Benchmarks/.work/lookup")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--generate-only", action="store_true")
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.work, "timeline.yaml")):
        count, named = generate(args.work, args.places, args.names, args.seed)
        print(f"generated {count} places and a timeline naming {named} of them in {args.work}")
    if args.generate_only:
        return
    salient, python = [], []
    for _ in range(args.repeat):
        # --strict: a name resolved wrongly far outside the territory would fail the run.
        seconds, code, stderr, peak = timed_child([args.salient, "check", os.path.join(args.work, "timeline.yaml"),
                                                   "--strict", "--format", "csv"])
        if code != 0:
            sys.exit(f"salient failed ({code}): {stderr.strip()[:2000]}")
        salient.append((seconds, peak))
        seconds, code, stderr, peak = timed_child([sys.executable, __file__, "--peer", args.work])
        if code != 0:
            sys.exit(f"peer failed: {stderr.strip()[:2000]}")
        python.append((seconds, peak))
    best_salient, best_python = min(salient), min(python)
    print(f"salient check (load + resolve + warnings): best {best_salient[0]:.2f} s of {args.repeat}, "
          f"peak {max(p for _, p in salient):.0f} MB")
    print(f"python json + dict of folded names:      best {best_python[0]:.2f} s of {args.repeat}, "
          f"peak {max(p for _, p in python):.0f} MB")
    print(f"speed-up {best_python[0] / best_salient[0]:.2f}x")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--peer":
        wrong = peer(sys.argv[2])
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"peer: {wrong} names resolved wrongly, peak {peak:.0f} MB")
        sys.exit(1 if wrong else 0)
    main()
