import SalientCore

/// A small world with known geometry: a border along the parallel `borderLatitude` from 34°E
/// to 38°E, the territory north of it up to 53°N, and places placed by geodesic from it.
struct SyntheticWorld {
    static let borderLatitude = 51.0
    let geodesic: Geodesic

    init() throws {
        geodesic = try Geodesic.wgs84()
    }

    /// The border's vertices every 0.05°, shared with the territory's southern edge, so
    /// that clipping to the territory cuts exactly along the border.
    var borderVertices: [LonLat] {
        stride(from: 34.0, through: 38.0, by: 0.05).map { LonLat(lon: $0, lat: Self.borderLatitude) }
    }

    var territory: Place {
        let ring =
            borderVertices + [
                LonLat(lon: 38, lat: 53), LonLat(lon: 34, lat: 53), LonLat(lon: 34, lat: Self.borderLatitude),
            ]
        return place(id: "north", kind: .region, geometry: .multiPolygon(MultiPolygon([Polygon(exterior: ring)])))
    }

    var border: Place {
        place(id: "line", kind: .border, geometry: .multiLineString(MultiLineString([borderVertices])))
    }

    /// A point `kilometers` due north of the border at `lon`.
    func north(ofBorderAt lon: Double, kilometers: Double) -> LonLat {
        geodesic.direct(from: LonLat(lon: lon, lat: Self.borderLatitude), azimuth: 0, meters: kilometers * 1000)
    }

    func place(id: String, kind: PlaceKind, geometry: Geometry, aliases: [String] = []) -> Place {
        Place(
            id: id, name: id.capitalized, localName: "", aliases: aliases, kind: kind, parent: "", country: "",
            geometry: geometry,
            provenance: Provenance(
                source: "test", sourceID: id, sourceURL: "", licence: "CC0",
                uncertaintyMeters: 0, note: ""))
    }

    func parameters(join: JoinMethod = .hull, band: Double = 4) -> EstimateParameters {
        EstimateParameters(
            actor: "A", territoryIDs: ["north"], borderID: "line",
            radiusKilometers: [.village: 2, .town: 3], precisionFactor: [.exact: 1, .near: 2],
            contestedBandKilometers: band, join: join)
    }

    func event(
        _ id: String, _ kind: EventKind, at position: LonLat, on date: EventDate, actor: String = "A",
        precision: LocationPrecision = .exact
    ) -> Event {
        Event(
            id: id, date: date, dateNote: "", kind: kind, placeID: nil, placeName: "", position: position,
            placeKind: .village, locationPrecision: precision, actor: actor, summary: id, sourceIDs: ["s"])
    }

    func timeline(_ events: [Event], join: JoinMethod = .hull, band: Double = 4) -> Timeline {
        let source = Source(
            id: "s", outlet: "Test", published: .day(day("2024-08-01")), file: "", url: "", description: "", note: "")
        return Timeline(
            id: "synthetic", title: "", timeZone: "UTC", estimate: parameters(join: join, band: band),
            sources: [source], events: events, claims: [])
    }

    func gazetteer() throws -> Gazetteer {
        try Gazetteer(places: [territory, border])
    }
}

func day(_ text: String) -> CalendarDay {
    CalendarDay(text)!
}
