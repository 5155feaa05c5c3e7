import Foundation
import SalientTestSupport

@testable import SalientCore

/// Where on Earth a generated front runs: the western end of its border and the border's mean latitude.
struct Sector: CustomStringConvertible, Sendable {
    var name: String
    var west: Double
    var latitude: Double

    static let midLatitude = Sector(name: "mid-latitude", west: 34, latitude: 51)
    static let south = Sector(name: "south of the equator", west: -66, latitude: -34)
    /// The border runs from 178.5°E to 178.5°W, through 180° at a vertex.
    static let antimeridian = Sector(name: "across the antimeridian", west: 178.5, latitude: -17)
    static let all = [midLatitude, south, antimeridian]

    var description: String { name }
}

/// A generated front: a wavy border 3° of longitude wide, the territory north of it, and
/// ground events at random places up to 30 km from it, as RFC 7946 input has them (split at
/// ±180°). Place coordinates are on the gazetteer's own 6-decimal grid. A receding front then
/// loses ground: later reports at some held places say B took them, A withdrew or they are
/// fought over, and unreported states age.
struct GeneratedFront {
    static let widthDegrees = 3.0
    /// Border vertices every 1/20°, the territory's southern edge sharing them.
    static let stepsPerDegree = 20

    let sector: Sector
    let geodesic: Geodesic
    let join: JoinMethod
    let receding: Bool
    let border: [LonLat]
    let events: [Event]
    /// Villages for the `cells` join to divide the territory between (none for the other joins,
    /// whose generated cases stay as they were).
    let settlements: [LonLat]

    init(sector: Sector, seed: UInt64, join: JoinMethod, geodesic: Geodesic, receding: Bool = false) {
        self.sector = sector
        self.geodesic = geodesic
        self.join = join
        self.receding = receding
        var random = SeededGenerator(seed: seed)
        let phase = Double.random(in: 0..<(2 * .pi), using: &random)
        let steps = Int(Self.widthDegrees) * Self.stepsPerDegree
        // Exact multiples of 1/20° from an exact western end, so 180° is itself a vertex.
        border = (0...steps).map { k in
            let lon = sector.west + Double(k) / Double(Self.stepsPerDegree)
            let wave = 0.03 * sin(phase + Double(k) / 7)
            let lat = sector.latitude + wave + Double.random(in: -0.004...0.004, using: &random)
            return Self.grid(LonLat(lon: lon, lat: lat))
        }
        let kinds: [EventKind] = [.control, .control, .advance, .contested, .repelled]
        let count = Int.random(in: 3...14, using: &random)
        var events: [Event] = []
        for index in 0..<count {
            let from = border[Int.random(in: (steps / 6)...(5 * steps / 6), using: &random)]
            let position = Self.grid(
                geodesic.direct(
                    from: from, azimuth: Double.random(in: -50...50, using: &random),
                    meters: Double.random(in: 1_000...30_000, using: &random)))
            let kind = kinds.randomElement(using: &random)!
            let actor = kind == .control && Bool.random(using: &random) ? "B" : "A"
            let date = CalendarDay("2024-08-0\(Int.random(in: 1...5, using: &random))")!
            let placeKind: PlaceKind = Bool.random(using: &random) ? .village : .town
            let precision: LocationPrecision = Bool.random(using: &random) ? .exact : .near
            events.append(
                Event(
                    id: "e\(index)", date: .day(date), dateNote: "", kind: kind, placeID: nil,
                    placeName: "", position: Self.wrapped(position), placeKind: placeKind,
                    locationPrecision: precision, actor: actor, summary: "", sourceIDs: ["s"]))
        }
        if receding {
            for (index, event) in events.enumerated() where event.kind == .control && event.actor == "A" {
                let choice = Int.random(in: 0..<4, using: &random)
                guard choice < 3 else { continue }
                var later = event
                later.id = "r\(index)"
                later.date = .day(CalendarDay("2024-08-0\(Int.random(in: 6...8, using: &random))")!)
                switch choice {
                case 0: later.actor = "B"
                case 1: later.change = .withdrew
                default: later.kind = .contested
                }
                events.append(later)
            }
        }
        self.events = events
        var settlements: [LonLat] = []
        if join == .cells {
            for _ in 0..<40 {
                let from = border[Int.random(in: 0...steps, using: &random)]
                let position = geodesic.direct(
                    from: from, azimuth: Double.random(in: -60...60, using: &random),
                    meters: Double.random(in: 500...40_000, using: &random))
                settlements.append(Self.wrapped(Self.grid(position)))
            }
        }
        self.settlements = settlements
    }

    static func grid(_ p: LonLat) -> LonLat {
        LonLat(lon: (p.lon * 1e6).rounded() / 1e6, lat: (p.lat * 1e6).rounded() / 1e6)
    }

    static func wrapped(_ p: LonLat) -> LonLat {
        LonLat(lon: p.lon > 180 ? p.lon - 360 : p.lon, lat: p.lat)
    }

    var days: [CalendarDay] { (1...(receding ? 9 : 5)).map { CalendarDay("2024-08-0\($0)")! } }

    func timeline() -> Timeline {
        let source = Source(
            id: "s", outlet: "Test", published: .day(CalendarDay("2024-08-01")!), file: "", url: "",
            description: "", note: "")
        let parameters = EstimateParameters(
            actor: "A", territoryIDs: ["north"], borderID: "line",
            radiusKilometers: [.village: 1.5, .town: 3],
            precisionFactor: [.exact: 1, .near: 2],
            contestedBandKilometers: 4, join: join)
        var timeline = Timeline(
            id: "generated", title: "", timeZone: "UTC", estimate: parameters, sources: [source],
            events: events, claims: [])
        if receding {
            timeline.estimate.heldExpiresDays = 3
            timeline.estimate.staleAfterDays = 4
        }
        return timeline
    }

    /// The estimator of this front's timeline and gazetteer.
    func estimator(geos: GEOSContext, bounds: Bool = false) throws -> ControlAreaEstimator {
        try ControlAreaEstimator(
            timeline: timeline(), gazetteer: gazetteer(geos: geos), geodesic: geodesic, bounds: bounds)
    }

    /// The territory and the border as a gazetteer holds them: split at ±180°.
    func gazetteer(geos: GEOSContext) throws -> Gazetteer {
        let north = sector.latitude + 1.5
        let ring =
            border + [
                LonLat(lon: border.last!.lon, lat: north), LonLat(lon: border[0].lon, lat: north),
                border[0],
            ]
        let territory = try AntimeridianSplit.split(MultiPolygon([Polygon(exterior: ring)]), context: geos)
        let lines =
            border.last!.lon > 180
            ? [
                border.filter { $0.lon <= 180 },
                border.filter { $0.lon >= 180 }.map { LonLat(lon: $0.lon - 360, lat: $0.lat) },
            ]
            : [border]
        return try Gazetteer(
            places: [
                place("north", kind: .region, geometry: .multiPolygon(territory)),
                place("line", kind: .border, geometry: .multiLineString(MultiLineString(lines))),
            ] + settlements.enumerated().map { place("v\($0)", kind: .village, geometry: .point($1)) })
    }

    func place(_ id: String, kind: PlaceKind, geometry: Geometry) -> Place {
        Place(
            id: id, name: id, localName: "", aliases: [], kind: kind, parent: "", country: "", geometry: geometry,
            provenance: Provenance(
                source: "test", sourceID: id, sourceURL: "", licence: "CC0",
                uncertaintyMeters: 0, note: ""))
    }
}
