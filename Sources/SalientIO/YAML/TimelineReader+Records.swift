import Foundation
import SalientCore

/// Reading the estimate block, sources and events, each with its line for every refusal.
extension TimelineReader.Context {
    func estimate(_ fields: Fields) throws -> EstimateParameters {
        try fields.rejectUnknown(
            allowed: [
                "actor", "territory", "border", "radius_km", "precision_factor",
                "contested_band_km", "join", "concave_ratio", "plausible_distance_km",
            ] + PlaceStatesReader.estimateKeys)
        let territoryNames = try fields.stringList("territory")
        guard !territoryNames.isEmpty else {
            throw InputError(
                "the estimate needs at least one territory", file: file, line: fields.line(of: "territory"),
                field: fields.name("territory"), hint: "name the gazetteer areas the estimate is clipped to")
        }
        let territory = try territoryNames.enumerated().map { index, name in
            let id = try resolve(name, fields: fields, key: "territory", kinds: [.region, .district])
            // The estimate is clipped to it, so it must be drawn as an area.
            guard case .multiPolygon = gazetteer.place(id: id)?.geometry else {
                throw InputError(
                    "the territory '\(id)' is not an area in the gazetteer", file: file,
                    line: fields.line(of: "territory"), field: "\(fields.name("territory"))[\(index)]",
                    hint: "give it a Polygon or MultiPolygon geometry, or name an area")
            }
            return id
        }
        let radii = try fields.mapping("radius_km")
        try radii.rejectUnknown(allowed: PlaceKind.allCases.map(\.rawValue))
        var radius: [PlaceKind: Double] = [:]
        for kind in PlaceKind.allCases where radii.node(kind.rawValue) != nil {
            radius[kind] = try bounded(radii, kind.rawValue, atMost: EstimateBounds.radiusKilometers, unit: " km")
        }
        let factors = try fields.mapping("precision_factor")
        try factors.rejectUnknown(allowed: LocationPrecision.allCases.map(\.rawValue))
        var factor: [LocationPrecision: Double] = [:]
        for precision in LocationPrecision.allCases where factors.node(precision.rawValue) != nil {
            factor[precision] = try bounded(
                factors, precision.rawValue, atMost: EstimateBounds.precisionFactor, unit: "")
        }
        let band = try fields.number("contested_band_km")
        guard band >= 0, band <= EstimateBounds.contestedBandKilometers else {
            throw InputError(
                "contested_band_km is \(formatNumber(band)), outside 0 to "
                    + "\(formatNumber(EstimateBounds.contestedBandKilometers)) km", file: file,
                line: fields.line(of: "contested_band_km"), field: fields.name("contested_band_km"))
        }
        let borderID = try resolve(fields.string("border"), fields: fields, key: "border", kinds: [.border])
        // Corridors start at its nearest point, measured along it, so it must be drawn as a line.
        guard case .multiLineString = gazetteer.place(id: borderID)?.geometry else {
            throw InputError(
                "the border '\(borderID)' is not a line in the gazetteer", file: file,
                line: fields.line(of: "border"), field: fields.name("border"),
                hint: "give it a LineString or MultiLineString geometry")
        }
        var parameters = EstimateParameters(
            actor: try fields.nonEmptyString("actor"),
            territoryIDs: territory,
            borderID: borderID,
            radiusKilometers: radius, precisionFactor: factor, contestedBandKilometers: band,
            join: try fields.node("join") == nil ? .hull : fields.choice("join", as: JoinMethod.self))
        (parameters.staleAfterDays, parameters.heldExpiresDays) = try PlaceStatesReader.ageing(fields)
        if fields.node("concave_ratio") != nil { parameters.concaveRatio = try concaveRatio(fields) }
        return parameters
    }

    /// The concave join's ratio: GEOS takes 0 < ratio ≤ 1, and 0 would draw only the corridors.
    func concaveRatio(_ fields: Fields) throws -> Double {
        let ratio = try fields.number("concave_ratio")
        guard ratio > 0, ratio <= 1 else {
            throw InputError(
                "concave_ratio is \(formatNumber(ratio)); it must be more than 0 and at most 1", file: file,
                line: fields.line(of: "concave_ratio"), field: fields.name("concave_ratio"),
                hint: "1 draws the convex hull; smaller ratios follow the places more closely")
        }
        return ratio
    }

    /// The cells join divides the territory between the gazetteer's settlements inside it
    /// (distinct positions, as the estimator counts them): three at least.
    func requireCellSettlements(_ fields: Fields) throws {
        guard let territory else { return }
        let needed = 3
        var inside: Set<LonLat> = []
        for place in gazetteer.places where place.kind.isSettlement {
            guard let point = place.point, try territory.contains(point) else { continue }
            inside.insert(point)
            if inside.count >= needed { return }
        }
        throw InputError(
            "the cells join needs at least \(needed) settlements inside the territory; the gazetteer has "
                + "\(inside.count) there", file: file, line: fields.line(of: "join"), field: fields.name("join"),
            hint: "add the territory's villages to the gazetteer, or choose another join")
    }

    /// How far outside the territory a named place may lie before it is warned about.
    func plausibleDistanceKilometers(_ fields: Fields) throws -> Double {
        guard fields.node("plausible_distance_km") != nil else { return Self.defaultPlausibleKilometers }
        return try bounded(fields, "plausible_distance_km", atMost: 20_000, unit: " km")
    }

    func bounded(_ fields: Fields, _ key: String, atMost limit: Double, unit: String) throws -> Double {
        let value = try fields.number(key)
        guard value > 0 else {
            throw InputError(
                "\(key) must be greater than zero", file: file, line: fields.line(of: key), field: fields.name(key))
        }
        guard value <= limit else {
            throw InputError(
                "\(fields.name(key)) is \(formatNumber(value)), more than \(formatNumber(limit))\(unit)",
                file: file,
                line: fields.line(of: key), field: fields.name(key),
                hint: "the bounds of the estimate's parameters are listed in the README")
        }
        return value
    }

    func source(_ fields: Fields) throws -> Source {
        try fields.rejectUnknown(allowed: ["id", "outlet", "published", "file", "url", "description", "note"])
        return Source(
            id: try fields.nonEmptyString("id"), outlet: try fields.nonEmptyString("outlet"),
            published: try fields.eventDate("published"), file: try fields.optionalString("file"),
            url: try fields.optionalString("url"), description: try fields.optionalString("description"),
            note: try fields.optionalString("note"))
    }

    func event(_ fields: Fields) throws -> Event {
        try fields.rejectUnknown(allowed: [
            "id", "date", "date_note", "kind", "place", "parent", "coordinates",
            "location_precision", "actor", "summary", "sources",
            "external_id", "external_version", "note", "location_note", "change",
        ])
        let id = try fields.nonEmptyString("id")
        let placeID: String?
        let placeName: String
        let position: LonLat
        let placeKind: PlaceKind?
        switch (fields.node("place"), fields.node("coordinates")) {
        case (.some, .some):
            throw InputError(
                "give either place or coordinates, not both", file: file, line: fields.line(of: "coordinates"),
                field: fields.name("coordinates"))
        case (.none, .none):
            throw InputError(
                "missing field 'place'", file: file, line: fields.line, field: fields.name("place"),
                hint: "name a gazetteer place, or give coordinates: [lon, lat]")
        case (.some, .none):
            let written = try fields.string("place")
            let (index, route) = try resolveRouted(
                written, parent: fields.optionalString("parent"), fields: fields,
                key: "place", kinds: nil)
            let place = gazetteer.places[index]
            placeID = place.id
            placeName = place.name
            position = try place.geometry.representativePoint()
            placeKind = place.kind
            try warnIfImplausible(place, written: written, route: route, at: position, fields: fields)
        case (.none, .some(let node)):
            if fields.node("parent") != nil {
                throw InputError(
                    "parent names where to look a place name up; coordinates need none", file: file,
                    line: fields.line(of: "parent"), field: fields.name("parent"))
            }
            let geometryReader = GeoJSONGeometryReader(reader: reader)
            position = try geometryReader.position(node, field: fields.name("coordinates"))
            placeID = nil
            placeName = ""
            placeKind = nil
            try warnIfSwapped(position, fields: fields)
        }
        let precision =
            try fields.node("location_precision") == nil
            ? LocationPrecision.implied(by: placeKind ?? .village)
            : fields.choice("location_precision", as: LocationPrecision.self)
        let date = try fields.eventDate("date")
        let sourceIDs = try sources(fields)
        warnIfPublishedBefore(date, sourceIDs: sourceIDs, fields: fields)
        var event = Event(
            id: id, date: date, dateNote: try fields.optionalString("date_note"),
            kind: try fields.choice("kind", as: EventKind.self), placeID: placeID,
            placeName: placeName, position: position, placeKind: placeKind,
            locationPrecision: precision, actor: try fields.nonEmptyString("actor"),
            summary: try fields.nonEmptyString("summary"), sourceIDs: sourceIDs)
        event.externalID = try fields.optionalString("external_id")
        event.externalVersion = try fields.optionalString("external_version")
        event.note = try fields.optionalString("note")
        event.locationNote = try fields.optionalString("location_note")
        event.change = try PlaceStatesReader.change(fields, kind: event.kind)
        if event.change == .retaken { log.retakeLines[id] = (fields.line(of: "change"), fields.name("change")) }
        return event
    }

    /// A named place far outside the territory, or one in another country reached only through
    /// an alias or levelling (a Russian village's name landing on a Ukrainian namesake).
}
