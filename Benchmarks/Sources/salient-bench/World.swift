import Foundation

/// A position in degrees; longitude may run past ±180 while the world is built ("unwrapped"),
/// and is wrapped into [-180, 180] only when written.
struct LL: Equatable {
    var lon: Double
    var lat: Double
}

/// Where a synthetic front lies: the middle of its border, and which side is the territory.
struct Sector {
    var name: String
    var lon: Double
    var lat: Double
    /// +1 when the territory lies north of the border, -1 south.
    var side: Double
    var timeZone: String

    static func named(_ name: String, seed: UInt64) throws -> Sector {
        switch name {
        case "kursk": return Sector(name: name, lon: 35.6, lat: 51.2, side: 1, timeZone: "Europe/Moscow")
        // The Gran Chaco, south of the equator, territory to the south.
        case "south": return Sector(name: name, lon: -61.0, lat: -22.0, side: -1, timeZone: "America/Argentina/Salta")
        // Chukotka, with the border's middle on the antimeridian itself.
        case "antimeridian": return Sector(name: name, lon: 180.0, lat: 65.0, side: 1, timeZone: "Asia/Anadyr")
        case "random":
            var rng = SplitMix64(seed: seed ^ 0x5EC7_0A)
            let lat = rng.uniform(-55, 60)
            let lon = rng.uniform(-180, 180)
            return Sector(
                name: "random", lon: (lon * 1000).rounded() / 1000, lat: (lat * 1000).rounded() / 1000,
                side: rng.unit() < 0.5 ? 1 : -1, timeZone: "UTC")
        default:
            let parts = name.split(separator: ",").compactMap { Double($0) }
            guard parts.count == 2, (-180...180).contains(parts[0]), (-75...75).contains(parts[1]) else {
                throw BenchError("unknown sector '\(name)': use kursk, south, antimeridian, random or LON,LAT")
            }
            return Sector(
                name: "at-\(name)", lon: parts[0], lat: parts[1], side: parts[1] >= 0 ? 1 : -1, timeZone: "UTC")
        }
    }
}

/// The geometry of a synthetic front: a wiggly border, the territory beyond it cut into
/// regions, the attacker's home region behind it, all sharing vertices exactly where they
/// meet so that unions and clips run along common edges as in real administrative data.
struct World {
    static let kmPerDegreeLat = 110.574
    static let kmPerDegreeLonAtEquator = 111.320
    /// Border vertex spacing: 0.5 km, as detailed as an OSM-derived state border.
    static let stepKm = 0.5
    /// Depth of the territory regions and of the home region behind the border, km.
    static let territoryDepthKm = 150.0
    static let homeDepthKm = 60.0

    let sector: Sector
    let frontKm: Double
    /// Border vertices west to east (unwrapped), with a vertex exactly on ±180 where it crosses.
    let border: [LL]
    /// The territory's far edge, vertex for vertex above the border's.
    let top: [LL]
    /// Border vertex indexes where one region ends and the next begins (first and last included).
    let cuts: [Int]
    let west: Double
    let east: Double
    private let smooth: (Double) -> Double

    init(sector: Sector, frontKm: Double, rng: inout SplitMix64) {
        self.sector = sector
        self.frontKm = frontKm
        var lon0 = sector.lon
        let degreesLon = Self.stepKm / (Self.kmPerDegreeLonAtEquator * cos(sector.lat * .pi / 180))
        let count = Int((frontKm / Self.stepKm).rounded())
        var westLon = lon0 - Double(count) / 2 * degreesLon
        if westLon < -180 {
            lon0 += 360
            westLon += 360
        }  // any crossing is then at +180
        west = westLon
        east = westLon + Double(count) * degreesLon
        // The border's wiggle: two long swings and a mean-reverting walk, in km across the line.
        let (p1, p2, p3) = (rng.uniform(0, 2 * .pi), rng.uniform(0, 2 * .pi), rng.uniform(0, 2 * .pi))
        let (k1, k2) = (max(1, frontKm / 250), max(2, frontKm / 60))
        let lat0 = sector.lat
        let side = sector.side
        let span = east - west
        smooth = { lon in
            let u = (lon - westLon) / span
            return 6 * sin(2 * .pi * k1 * u + p1) + 2 * sin(2 * .pi * k2 * u + p2) + 0.8
                * sin(2 * .pi * 3 * k2 * u + p3)
        }
        var lons = (0...count).map { westLon + Double($0) * degreesLon }
        if west < 180, east > 180, !lons.contains(180) {
            lons.insert(180, at: lons.firstIndex { $0 > 180 }!)
        }
        var walk = 0.0
        var border: [LL] = []
        var top: [LL] = []
        let smooth = self.smooth
        for lon in lons {
            walk = 0.85 * walk + 0.12 * rng.normal()
            let borderLat = lat0 + side * (smooth(lon) + walk) / Self.kmPerDegreeLat
            border.append(LL(lon: lon, lat: borderLat))
            let depth = Self.territoryDepthKm + 8 * sin(2 * .pi * (lon - westLon) / span * 2 + p3)
            top.append(LL(lon: lon, lat: borderLat + side * depth / Self.kmPerDegreeLat))
        }
        self.border = border
        self.top = top
        // Regions about 150 km wide, cut at border vertices at least 3 km from ±180.
        let regions = max(2, Int((frontKm / 150).rounded()))
        var cuts = [0]
        for r in 1..<regions {
            var i = r * (border.count - 1) / regions
            while abs(border[i].lon - 180) < 3 * degreesLon || abs(border[i].lon + 180) < 3 * degreesLon { i += 7 }
            cuts.append(i)
        }
        cuts.append(border.count - 1)
        self.cuts = cuts
    }

    /// Km from the border into the territory (negative behind it) of a position.
    func depthKm(_ p: LL) -> Double {
        sector.side * (p.lat - borderLat(atLon: p.lon)) * Self.kmPerDegreeLat
    }

    /// Border latitude at a longitude, interpolated between vertices.
    func borderLat(atLon lon: Double) -> Double {
        interpolate(border, lon)
    }

    func topLat(atLon lon: Double) -> Double {
        interpolate(top, lon)
    }

    private func interpolate(_ line: [LL], _ lon: Double) -> Double {
        guard lon > line[0].lon else { return line[0].lat }
        guard lon < line[line.count - 1].lon else { return line[line.count - 1].lat }
        var low = 0
        var high = line.count - 1
        while high - low > 1 {
            let mid = (low + high) / 2
            if line[mid].lon <= lon { low = mid } else { high = mid }
        }
        let t = (lon - line[low].lon) / (line[high].lon - line[low].lon)
        return line[low].lat + t * (line[high].lat - line[low].lat)
    }

    /// The point `depthKm` into the territory (negative: behind the border) at fraction `u` of the front.
    func position(u: Double, depthKm: Double) -> LL {
        let lon = west + u * (east - west)
        return LL(lon: lon, lat: borderLat(atLon: lon) + sector.side * depthKm / Self.kmPerDegreeLat)
    }

    /// A side of a region: from the border up to the far edge, a vertex a km with a little
    /// sideways jitter, shared exactly by the two regions it separates.
    private func side(at index: Int, rng: inout SplitMix64) -> [LL] {
        let bottom = border[index]
        let upper = top[index]
        let steps = max(2, Int(abs(upper.lat - bottom.lat) * Self.kmPerDegreeLat))
        let degreesPerKm = 1 / (Self.kmPerDegreeLonAtEquator * cos(bottom.lat * .pi / 180))
        return (0...steps).map { s in
            if s == 0 { return bottom }
            if s == steps { return upper }
            let t = Double(s) / Double(steps)
            return LL(
                lon: bottom.lon + rng.uniform(-0.3, 0.3) * degreesPerKm, lat: bottom.lat + t * (upper.lat - bottom.lat))
        }
    }

    /// The territory's regions, each a closed ring (unwrapped, counter-clockwise), west to east.
    func regionRings(rng: inout SplitMix64) -> [[LL]] {
        let sides = cuts.map { side(at: $0, rng: &rng) }
        return (0..<(cuts.count - 1)).map { r in
            let lower = Array(border[cuts[r]...cuts[r + 1]])
            let upper = Array(top[cuts[r]...cuts[r + 1]].reversed())
            let ring =
                lower + sides[r + 1].dropFirst().dropLast() + upper + sides[r].reversed().dropFirst().dropLast() + [
                    lower[0]
                ]
            return counterClockwise(ring)
        }
    }

    /// The attacker's home region behind the whole border.
    func homeRing() -> [LL] {
        let back = stride(from: border.count - 1, through: 0, by: -4).map { i -> LL in
            LL(lon: border[i].lon, lat: border[i].lat - sector.side * Self.homeDepthKm / Self.kmPerDegreeLat)
        }
        let ring =
            border + (back.first!.lon == border.last!.lon ? back : [LL(lon: border.last!.lon, lat: back[0].lat)] + back)
        let closed =
            (ring.last!.lon == border[0].lon ? ring : ring + [LL(lon: border[0].lon, lat: ring.last!.lat)]) + [
                border[0]
            ]
        return counterClockwise(closed)
    }

    private func counterClockwise(_ ring: [LL]) -> [LL] {
        var twice = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) { twice += (b.lon - a.lon) * (b.lat + a.lat) }
        return twice > 0 ? ring.reversed() : ring  // the shoelace sum is positive for clockwise rings
    }
}

/// RFC 7946 §3.1.9: geometries that cross the antimeridian are cut there into parts that each
/// lie within [-180, 180].
enum Antimeridian {
    static func wrap(_ lon: Double) -> Double {
        lon > 180 ? lon - 360 : lon < -180 ? lon + 360 : lon
    }

    /// Cuts a ring (closed, unwrapped) along lon = 180; each part is closed and wrapped.
    static func split(ring: [LL]) -> [[LL]] {
        guard ring.contains(where: { $0.lon > 180 }) else { return [ring] }
        let west = clip(ring, keepWest: true)
        let east = clip(ring, keepWest: false)
        return [west, east.map { LL(lon: $0.lon - 360, lat: $0.lat) }].filter { $0.count >= 4 }
    }

    /// Sutherland–Hodgman against the meridian 180: exact for the regions built here, whose
    /// rings meet the meridian at two vertices that lie on it.
    private static func clip(_ ring: [LL], keepWest: Bool) -> [LL] {
        func inside(_ p: LL) -> Bool { keepWest ? p.lon <= 180 : p.lon >= 180 }
        var out: [LL] = []
        func add(_ p: LL) { if out.last != p { out.append(p) } }
        for (a, b) in zip(ring, ring.dropFirst()) {
            switch (inside(a), inside(b)) {
            case (true, true): add(b)
            case (true, false), (false, true):
                let t = (180 - a.lon) / (b.lon - a.lon)
                add(LL(lon: 180, lat: a.lat + t * (b.lat - a.lat)))
                if inside(b) { add(b) }
            case (false, false): break
            }
        }
        if let first = out.first, out.last != first { out.append(first) }
        return out
    }

    /// Cuts a line along lon = 180 into wrapped parts.
    static func split(line: [LL]) -> [[LL]] {
        guard let cut = line.firstIndex(where: { $0.lon >= 180 }), line.last!.lon > 180 else { return [line] }
        precondition(line[cut].lon == 180, "the border has a vertex on the antimeridian")
        return [Array(line[...cut]), line[cut...].map { LL(lon: $0.lon - 360, lat: $0.lat) }]
    }
}

struct BenchError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
