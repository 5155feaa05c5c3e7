import Foundation

/// What to generate: the three sizes and where on Earth.
struct GeneratorSpec: Codable, Equatable {
    var places: Int
    var events: Int
    var days: Int
    var sector: String
    var seed: UInt64

    /// A folder name that says what is inside.
    var name: String {
        "\(sector)-p\(places)-e\(events)-d\(days)-s\(seed)"
    }
}

/// Writes a gazetteer folder and a timeline in Salient's input formats (docs/formats.md):
/// a front of a size fitting the places, places spread over the territory, and events that
/// follow a front moving over the days, with sources and claims.
struct Generator {
    static let firstDay = CalendarDate(year: 2023, month: 1, day: 1)
    static let actor = "Blue"
    static let defender = "Red"

    let spec: GeneratorSpec
    let sector: Sector

    init(spec: GeneratorSpec) throws {
        guard spec.places >= 20, spec.events >= 2, spec.days >= 2 else {
            throw BenchError("need at least 20 places, 2 events and 2 days")
        }
        guard spec.places <= NameMaker.capacity else { throw BenchError("at most \(NameMaker.capacity) places") }
        self.spec = spec
        sector = try Sector.named(spec.sector, seed: spec.seed)
    }

    struct PlaceRecord {
        var id: String
        var name: String
        var local: String
        var aliases: [String]
        var kind: String
        var parent: String
        var country: String
        var position: LL
        var uncertainty: Int
        /// Fraction along the front and km from the border (negative behind it).
        var u: Double
        var depth: Double
    }

    /// What the accuracy report builds its truth on: the front's geometry and the places.
    struct Written {
        var world: World
        var places: [PlaceRecord]
        var regionIDs: [String]
        var borderID: String
    }

    /// Writes `folder/gazetteer/{places,areas,border}.geojson` and `folder/timeline.yaml`.
    @discardableResult
    func write(to folder: String) throws -> Written {
        let fm = FileManager.default
        let gazetteer = (folder as NSString).appendingPathComponent("gazetteer")
        try fm.createDirectory(atPath: gazetteer, withIntermediateDirectories: true)
        var root = SplitMix64(seed: spec.seed)
        var geometryRNG = root.fork(1)
        var placeRNG = root.fork(2)
        var eventRNG = root.fork(3)
        _ = root.next()
        // Front length grows with the places (about 15 km² each) up to a 1,200 km front.
        let frontKm = min(1200, max(60, Double(spec.places) / 10))
        let world = World(sector: sector, frontKm: frontKm, rng: &geometryRNG)
        let names = NameMaker(rng: &placeRNG)
        let regionStems = (0..<(world.cuts.count)).map { names.stem(NameMaker.capacity - 1 - $0) }
        let regionIDs = regionStems.dropLast().map { "\($0.latin)-region" }
        let homeStem = regionStems[regionStems.count - 1]
        let homeID = "\(homeStem.latin)-region"
        let borderID = "front-border"

        // Areas: the territory's regions and the home region, cut at the antimeridian.
        var areas = FeatureWriter(name: "areas")
        for (r, ring) in world.regionRings(rng: &geometryRNG).enumerated() {
            let stem = regionStems[r]
            areas.add(
                properties: Self.properties(
                    id: regionIDs[r], name: "\(stem.latin.capitalizedFirst) Region",
                    local: "\(stem.cyrillic.capitalizedFirst) область",
                    aliases: ["\(stem.latin.capitalizedFirst) Oblast"],
                    kind: "region", parent: "", country: "XR", index: -1 - r, uncertainty: 2000,
                    spec: spec),
                geometry: Self.multiPolygon(Antimeridian.split(ring: ring)))
        }
        areas.add(
            properties: Self.properties(
                id: homeID, name: "\(homeStem.latin.capitalizedFirst) Region",
                local: "\(homeStem.cyrillic.capitalizedFirst) область", aliases: [],
                kind: "region", parent: "", country: "XB", index: -100, uncertainty: 2000, spec: spec),
            geometry: Self.multiPolygon(Antimeridian.split(ring: world.homeRing())))
        try areas.write(to: (gazetteer as NSString).appendingPathComponent("areas.geojson"))

        var border = FeatureWriter(name: "border")
        border.add(
            properties: Self.properties(
                id: borderID, name: "Blue–Red state border", local: "граница", aliases: ["border"],
                kind: "border", parent: "", country: "", index: -200, uncertainty: 100, spec: spec),
            geometry: Self.multiLineString(Antimeridian.split(line: world.border)))
        try border.write(to: (gazetteer as NSString).appendingPathComponent("border.geojson"))

        // Places: nine in ten in the territory, the rest behind the border.
        var places: [PlaceRecord] = []
        places.reserveCapacity(spec.places)
        let kinds: [(String, Double)] = [
            ("city", 0.005), ("town", 0.05), ("village", 0.85), ("facility", 0.07), ("district", 0.025),
        ]
        for i in 0..<spec.places {
            let kind = placeRNG.pick(kinds)
            let home = placeRNG.unit() < 0.1
            let u = placeRNG.uniform(0.002, 0.998)
            let depth =
                home
                ? -placeRNG.uniform(0.5, World.homeDepthKm - 2) : placeRNG.uniform(0.3, World.territoryDepthKm - 10)
            let position = world.position(u: u, depthKm: depth)
            let region =
                home
                ? homeID
                : regionIDs[
                    max(0, (world.cuts.firstIndex { world.border[$0].lon > position.lon } ?? world.cuts.count - 1) - 1)]
            let stem = names.stem(i)
            let (name, local): (String, String)
            switch kind {
            case "city": (name, local) = (stem.latin.capitalizedFirst + "grad", stem.cyrillic.capitalizedFirst + "град")
            case "town": (name, local) = (stem.latin.capitalizedFirst + "vsk", stem.cyrillic.capitalizedFirst + "вск")
            case "facility":
                (name, local) = (stem.latin.capitalizedFirst + " Depot", stem.cyrillic.capitalizedFirst + " депо")
            case "district":
                (name, local) = (stem.latin.capitalizedFirst + " District", stem.cyrillic.capitalizedFirst + " район")
            default:
                let suffix = [("vka", "вка"), ("no", "но"), ("vo", "во"), ("chi", "чи"), ("sk", "ск")][i % 5]
                (name, local) = (stem.latin.capitalizedFirst + suffix.0, stem.cyrillic.capitalizedFirst + suffix.1)
            }
            let id = name.lowercased().replacingOccurrences(of: " ", with: "-")
            var aliases = [local]
            if name.contains("v") { aliases.insert(name.replacingOccurrences(of: "v", with: "w"), at: 0) }
            places.append(
                PlaceRecord(
                    id: id, name: name, local: local, aliases: aliases, kind: kind, parent: region,
                    country: home ? "XB" : "XR", position: position,
                    uncertainty: kind == "village" ? 1000 : kind == "district" ? 5000 : 1500, u: u, depth: depth))
        }
        var placesFile = FeatureWriter(name: "places")
        for (i, place) in places.enumerated() {
            placesFile.add(
                properties: Self.properties(
                    id: place.id, name: place.name, local: place.local, aliases: place.aliases,
                    kind: place.kind, parent: place.parent, country: place.country, index: i,
                    uncertainty: place.uncertainty, spec: spec),
                geometry: "{\"type\": \"Point\", \"coordinates\": \(Self.position(place.position))}")
        }
        try placesFile.write(to: (gazetteer as NSString).appendingPathComponent("places.geojson"))

        var timeline = TimelineWriter(
            spec: spec, sector: sector, world: world, places: places, regionIDs: regionIDs, borderID: borderID)
        try timeline.write(to: (folder as NSString).appendingPathComponent("timeline.yaml"), rng: &eventRNG)
        return Written(world: world, places: places, regionIDs: regionIDs, borderID: borderID)
    }

    static func properties(
        id: String, name: String, local: String, aliases: [String], kind: String, parent: String,
        country: String, index: Int, uncertainty: Int, spec: GeneratorSpec
    ) -> String {
        var out = "{\"id\": \(json(id)), \"name\": \(json(name)), \"name_local\": \(json(local)), \"aliases\": ["
        out += aliases.map(json).joined(separator: ", ")
        out += "], \"kind\": \(json(kind)), \"parent\": \(json(parent)), \"country\": \(json(country)), "
        out += "\"source\": \"salient-bench synthetic gazetteer\", \"source_id\": \"synthetic:\(spec.name):\(index)\", "
        out += "\"source_url\": \"\", \"licence\": \"CC0 1.0\", \"uncertainty_m\": \(uncertainty), "
        out += "\"note\": \"Generated from seed \(spec.seed); not a real place.\"}"
        return out
    }

    static func json(_ s: String) -> String {
        "\"" + s.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    static func number(_ value: Double) -> String {
        var text = String(format: "%.6f", value)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text == "-0" ? "0" : text
    }

    static func position(_ p: LL) -> String {
        "[\(number(Antimeridian.wrap(p.lon))), \(number(p.lat))]"
    }

    static func multiPolygon(_ rings: [[LL]]) -> String {
        "{\"type\": \"MultiPolygon\", \"coordinates\": ["
            + rings.map { ring in
                "[[" + ring.map(position).joined(separator: ", ") + "]]"
            }.joined(separator: ", ") + "]}"
    }

    static func multiLineString(_ lines: [[LL]]) -> String {
        "{\"type\": \"MultiLineString\", \"coordinates\": ["
            + lines.map { line in
                "[" + line.map(position).joined(separator: ", ") + "]"
            }.joined(separator: ", ") + "]}"
    }
}

/// A FeatureCollection written one feature a line, as Salient writes its own files.
struct FeatureWriter {
    let name: String
    private var lines: [String] = []

    init(name: String) {
        self.name = name
    }

    mutating func add(properties: String, geometry: String) {
        lines.append("{\"type\": \"Feature\", \"properties\": \(properties), \"geometry\": \(geometry)}")
    }

    func write(to path: String) throws {
        let text =
            "{\n\"type\": \"FeatureCollection\",\n\"name\": \"\(name)\",\n\"features\": [\n"
            + lines.joined(separator: ",\n") + "\n]\n}\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }
}

/// A proleptic Gregorian date without Foundation's calendar (fast enough for a million events).
struct CalendarDate {
    var ordinal: Int  // days since 1970-01-01

    init(year: Int, month: Int, day: Int) {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        ordinal = era * 146_097 + doe - 719_468
    }

    init(ordinal: Int) {
        self.ordinal = ordinal
    }

    func adding(_ days: Int) -> CalendarDate {
        CalendarDate(ordinal: ordinal + days)
    }

    var text: String {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }
}
