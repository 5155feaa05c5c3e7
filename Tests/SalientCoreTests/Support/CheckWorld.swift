@testable import SalientCore

/// The synthetic world set up for the checker's measures: a village held 10 km north of the
/// border from 10 August (radius 2 km, grey-zone band 4 km), plus whatever a test adds.
struct CheckWorld {
    let world: SyntheticWorld
    let village: LonLat
    static let heldDay = day("2024-08-10")

    init() throws {
        world = try SyntheticWorld()
        village = world.north(ofBorderAt: 36, kilometers: 10)
    }

    var held: Event { world.event("held", .control, at: village, on: .day(Self.heldDay)) }

    func claim(
        _ id: String, _ definition: ClaimDefinition, _ value: ClaimValue, _ unit: ClaimUnit,
        _ hedge: Hedge = .exact, quantity: ClaimQuantity = .distance, asOf: String = "2024-08-10",
        place: String = "", to: String = "", event: String = "", sources: [String] = ["s"]
    ) -> Claim {
        Claim(
            id: id, eventID: event, claimant: "Someone", stated: day(asOf), asOf: day(asOf), dateNote: "",
            quantity: quantity, definition: definition, value: value, unit: unit, hedge: hedge, asWritten: "",
            placeID: place, to: to, sourceIDs: sources)
    }

    func point(_ id: String, _ kind: PlaceKind, _ position: LonLat) -> Place {
        world.place(id: id, kind: kind, geometry: .point(position))
    }

    /// A check context over a timeline holding `events` (the held village by default) and `claims`.
    func context(
        claims: [Claim] = [], places: [Place] = [], events: [Event]? = nil,
        maps: [ReferenceMap] = []
    ) throws -> CheckContext {
        var timeline = world.timeline(events ?? [held])
        timeline.claims = claims
        let gazetteer = try Gazetteer(places: [world.territory, world.border] + places)
        return try CheckContext(timeline: timeline, gazetteer: gazetteer, maps: maps, geodesic: world.geodesic)
    }
}
