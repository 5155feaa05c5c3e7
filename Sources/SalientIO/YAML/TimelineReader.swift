import Foundation
import SalientCore
import Yams

/// A timeline with the gazetteer it names, both read and cross-checked.
public struct LoadedTimeline: Sendable {
    public var timeline: Timeline
    public var gazetteer: Gazetteer
    /// The timeline file as the user named it.
    public var path: String
    /// Dated control polygons from elsewhere, from the optional `maps:` section (MapsReader.swift).
    public var maps: [ReferenceMap] = []
    /// What reads but looks implausible, in file order (InputWarning.swift); `--strict` refuses it.
    public var warnings: [InputWarning] = []
    /// For each claim, in order, the line of each key it has, so that a later refusal of the
    /// claim (the checker's) names the line without reading the file again.
    public var claimLines: [[String: Int]] = []
}

/// Reads a timeline YAML file (format in docs/formats.md) and the gazetteer it names.
public enum TimelineReader {
    static let topLevelKeys = [
        "salient", "id", "title", "description", "timezone", "gazetteer", "estimate",
        "sources", "events", "claims", "maps", "draft",
    ]

    public static func read(path: String, gazetteerOverride: String? = nil) throws -> LoadedTimeline {
        let text = try TextFile.read(path)
        let reader = NodeReader(file: path)
        let root = try header(text: text, reader: reader)
        let gazetteerFolder =
            try gazetteerOverride
            ?? {
                let named = try root.nonEmptyString("gazetteer")
                if named.hasPrefix("/") { return named }
                let base = (path as NSString).deletingLastPathComponent
                return base.isEmpty ? named : normalized((base as NSString).appendingPathComponent(named))
            }()
        let gazetteer = try GazetteerCache.shared.gazetteer(folder: gazetteerFolder)
        let (timeline, log) = try body(root, reader: reader, gazetteer: gazetteer)
        return LoadedTimeline(
            timeline: timeline, gazetteer: gazetteer, path: path,
            maps: try maps(root, reader: reader, timelinePath: path, timeline: timeline),
            warnings: log.warnings, claimLines: log.claimLines)
    }

    /// Reads timeline text against a gazetteer already loaded; `file` names it in messages.
    public static func parse(text: String, file: String, gazetteer: Gazetteer) throws -> Timeline {
        let reader = NodeReader(file: file)
        return try body(try header(text: text, reader: reader), reader: reader, gazetteer: gazetteer).timeline
    }

    /// `parse`, with the warnings the timeline raises.
    public static func parseWithWarnings(text: String, file: String, gazetteer: Gazetteer) throws
        -> (timeline: Timeline, warnings: [InputWarning])
    {
        let reader = NodeReader(file: file)
        let (timeline, log) = try body(try header(text: text, reader: reader), reader: reader, gazetteer: gazetteer)
        return (timeline, log.warnings)
    }

    private static func header(text: String, reader: NodeReader) throws -> Fields {
        let root = try reader.mapping(try reader.root(of: text), field: nil)
        try root.rejectUnknown(allowed: topLevelKeys)
        let version = try root.number("salient")
        guard version == 1 else {
            throw InputError(
                "unsupported format version \(formatNumber(version))", file: reader.file,
                line: root.line(of: "salient"), field: "salient", hint: "this Salient reads version 1")
        }
        return root
    }

    private static func body(_ root: Fields, reader: NodeReader, gazetteer: Gazetteer) throws
        -> (timeline: Timeline, log: WarningLog)
    {
        let file = reader.file
        let zone = try root.nonEmptyString("timezone")
        guard TimeZone(identifier: zone) != nil else {
            throw InputError(
                "unknown time zone '\(zone)'", file: file, line: root.line(of: "timezone"), field: "timezone",
                hint: "use an IANA name such as Europe/Moscow or UTC")
        }
        let id = try root.nonEmptyString("id")
        // The id names the default output folder, so it must stay one plain path component.
        guard Self.isSafeID(id) else {
            throw InputError(
                "the id '\(id)' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit",
                file: file, line: root.line(of: "id"), field: "id", hint: "for example kursk-2024")
        }
        var context = Context(reader: reader, gazetteer: gazetteer)
        let estimateFields = try root.mapping("estimate")
        let estimate = try context.estimate(estimateFields)
        context.reachMeters = try context.plausibleDistanceKilometers(estimateFields) * 1000
        context.territory = try Territory(places: estimate.territoryIDs.compactMap(gazetteer.place(id:)))
        let sources = try context.list(root, "sources", limit: Limits.sources, read: context.source)
        context.sourceIDs = Set(sources.map(\.id))
        context.sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let events = try context.list(root, "events", limit: Limits.events, read: context.event)
        context.eventIDs = Set(events.map(\.id))
        let claims =
            try root.node("claims") == nil
            ? [] : context.list(root, "claims", limit: Limits.claims, read: context.claim)
        let timeline = Timeline(
            id: id, title: try root.optionalString("title"), timeZone: zone,
            estimate: estimate, sources: sources, events: events, claims: claims)
        try PlaceStatesReader.refuseRetakesByHolder(timeline, file: file, lines: context.log.retakeLines)
        return (timeline, context.log)
    }

    /// 1 to 100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit. Checked
    /// on bytes: a regular expression's `$` also matches before a final newline.
    static func isSafeID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 100 else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// Resolves "dir/../other" lexically so messages quote the path a user would type.
    static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." || parts.isEmpty {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Warnings and claim lines gathered while records are read by non-mutating closures.
    private final class WarningLog {
        var warnings: [InputWarning] = []
        var claimLines: [[String: Int]] = []
        /// The line and field of each `change: retaken`, by event id, for PlaceStatesReader.
        var retakeLines: [String: (line: Int?, field: String)] = [:]
        /// Every gazetteer area, built on the first explicit coordinates, for the swap test.
        var allAreas: (territory: Territory, ids: [String])?
    }

    private struct Context {
        let reader: NodeReader
        let gazetteer: Gazetteer
        var sourceIDs: Set<String> = []
        var sourcesByID: [String: Source] = [:]
        var eventIDs: Set<String> = []
        var territory: Territory?
        /// estimate.plausible_distance_km, metres: how far outside the territory a place may lie.
        var reachMeters = Context.defaultPlausibleKilometers * 1000
        let log = WarningLog()

        static let defaultPlausibleKilometers = 50.0

        var file: String { reader.file }

        /// Reads a list of records, refusing duplicate ids.
        func list<T: Identifiable>(_ root: Fields, _ key: String, limit: Int, read: (Fields) throws -> T) throws -> [T]
        where T.ID == String {
            var seen: [String: Int?] = [:]
            let nodes = try root.sequence(key)
            guard nodes.count <= limit else {
                throw InputError(
                    "\(nodes.count) \(key) is more than Salient accepts (\(limit))", file: file,
                    line: root.line(of: key), field: key,
                    hint: "split the timeline; the limits are listed in the README")
            }
            var drafted: [Int?] = []
            let items: [T] = try nodes.enumerated().compactMap { index, node in
                let fields = try reader.mapping(node, field: "\(key)[\(index)]")
                // `salient draft` marks what it proposes; nothing marked enters an estimate or a check.
                if let mark = fields.node("review") {
                    guard try reader.string(mark, field: fields.name("review")) == "draft" else {
                        throw InputError(
                            "unknown review mark", file: file, line: fields.line(of: "review"),
                            field: fields.name("review"),
                            hint: "'draft' is the only mark; delete the line once reviewed")
                    }
                    drafted.append(fields.line(of: "review"))
                    return nil
                }
                let item = try read(fields)
                try reader.refuseControlCharacters(in: item.id, fields: fields, key: "id")
                if let first = seen[item.id] {
                    throw InputError(
                        "duplicate id '\(item.id)' in \(key)", file: file, line: fields.line(of: "id"),
                        field: fields.name("id"), hint: "first used on line \(first ?? 0); ids must be unique")
                }
                seen[item.id] = fields.line(of: "id")
                return item
            }
            if let first = drafted.first {
                log.warnings.append(
                    InputWarning(
                        "\(drafted.count) of the \(key) are marked 'review: draft' and left out", file: file,
                        line: first,
                        field: key, hint: "review each, then delete its review line"))
            }
            return items
        }

        func estimate(_ fields: Fields) throws -> EstimateParameters {
            try fields.rejectUnknown(
                allowed: [
                    "actor", "territory", "border", "radius_km", "precision_factor",
                    "contested_band_km", "join", "plausible_distance_km",
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
            return parameters
        }

        /// How far outside the territory a named place may lie before it is warned about.
        func plausibleDistanceKilometers(_ fields: Fields) throws -> Double {
            guard fields.node("plausible_distance_km") != nil else { return Self.defaultPlausibleKilometers }
            return try bounded(fields, "plausible_distance_km", atMost: 20_000, unit: " km")
        }

        private func bounded(_ fields: Fields, _ key: String, atMost limit: Double, unit: String) throws -> Double {
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
                let (id, route) = try resolveRouted(
                    written, parent: fields.optionalString("parent"), fields: fields,
                    key: "place", kinds: nil)
                let place = gazetteer.place(id: id)!
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
        private func warnIfImplausible(
            _ place: Place, written: String, route: MatchRoute, at position: LonLat,
            fields: Fields
        ) throws {
            guard let territory else { return }
            let line = fields.line(of: "place")
            let field = fields.name("place")
            if route == .aliasOrLevelling, !place.country.isEmpty, !territory.countries.isEmpty,
                !territory.countries.contains(place.country)
            {
                log.warnings.append(
                    InputWarning(
                        "'\(written)' matched \(place.id) (\(place.country)) only through an alias or a levelled spelling, "
                            + "outside the territory's country (\(territory.countries.sorted().joined(separator: ", ")))",
                        file: file, line: line, field: field,
                        hint: "write the id if this is the place meant, else add the right place to the gazetteer"))
            }
            // A region is named whole (drone strikes "over Nizhny Novgorod region"): no namesake of a
            // village, and never drawn, so its distance says nothing about a mistaken lookup.
            guard place.kind != .region, place.kind != .border else { return }
            if case .multiPolygon(let area) = place.geometry, try territory.touches(area) { return }
            let meters = try territory.distanceMeters(from: position)
            guard meters > reachMeters else { return }
            log.warnings.append(
                InputWarning(
                    "'\(written)' (\(place.id)) lies \(String(format: "%.1f", meters / 1000)) km outside the estimate's "
                        + "territory, more than plausible_distance_km (\(formatNumber(reachMeters / 1000)))",
                    file: file, line: line, field: field,
                    hint: "check that this is the place meant, or raise estimate.plausible_distance_km"))
        }

        /// Coordinates in no gazetteer area that would fall inside one as [lat, lon]: pasted in the
        /// order maps show, not the [lon, lat] of GeoJSON.
        private func warnIfSwapped(_ position: LonLat, fields: Fields) throws {
            guard abs(position.lon) <= 90 else { return }
            if log.allAreas == nil {
                let areas = gazetteer.places.filter {
                    if case .multiPolygon = $0.geometry { return true } else { return false }
                }
                log.allAreas = (try Territory(places: areas), areas.map(\.id))
            }
            guard let (areas, ids) = log.allAreas, !ids.isEmpty, try areas.area(containing: position) == nil,
                let swapped = try areas.area(containing: LonLat(lon: position.lat, lat: position.lon))
            else { return }
            log.warnings.append(
                InputWarning(
                    "the coordinates [\(formatNumber(position.lon)), \(formatNumber(position.lat))] fall in no gazetteer "
                        + "area, but swapped they fall in \(ids[swapped])", file: file,
                    line: fields.line(of: "coordinates"),
                    field: fields.name("coordinates"), hint: "coordinates are written [lon, lat], longitude first"))
        }

        /// A source that appeared, at the latest, before the event's first possible day.
        private func warnIfPublishedBefore(_ date: EventDate, sourceIDs: [String], fields: Fields) {
            for id in sourceIDs {
                guard let source = sourcesByID[id], source.published.end < date.start else { continue }
                log.warnings.append(
                    InputWarning(
                        "source '\(id)' was published \(describe(source.published)), "
                            + "before the event's start on \(date.start)",
                        file: file, line: fields.line(of: "sources"), field: fields.name("sources"),
                        hint: "check the event's date and the source's published date"))
            }
        }

        private func describe(_ date: EventDate) -> String {
            switch date {
            case .day(let day): return "on \(day)"
            case .interval(let start, let end): return "between \(start) and \(end)"
            }
        }

        func claim(_ fields: Fields) throws -> Claim {
            try fields.rejectUnknown(allowed: [
                "id", "event", "claimant", "stated", "as_of", "date_note", "quantity",
                "definition", "value", "unit", "hedge", "as_written", "place", "to", "sources",
            ])
            var lines: [String: Int] = [:]
            for key in ["id", "as_of", "unit", "place", "to"] where fields.node(key) != nil {
                lines[key] = fields.line(of: key)
            }
            log.claimLines.append(lines)
            let eventID = try fields.optionalString("event")
            if !eventID.isEmpty, !eventIDs.contains(eventID) {
                throw InputError(
                    "unknown event '\(eventID)'", file: file, line: fields.line(of: "event"),
                    field: fields.name("event"),
                    hint: didYouMean(closest(eventID, among: eventIDs.sorted())))
            }
            let stated = try fields.day("stated")
            let asOf = try fields.day("as_of")
            guard asOf <= stated else {
                throw InputError(
                    "the figure is said to hold on \(asOf), after it was stated on \(stated)", file: file,
                    line: fields.line(of: "as_of"), field: fields.name("as_of"))
            }
            let unitText = try fields.nonEmptyString("unit")
            guard let unit = ClaimUnit(parsing: unitText) else {
                let allowed = ClaimUnit.allCases.map(\.rawValue)
                throw InputError(
                    "unknown unit '\(unitText)'", file: file, line: fields.line(of: "unit"), field: fields.name("unit"),
                    hint: "use one of \(allowed.joined(separator: ", "))")
            }
            let placeText = try fields.optionalString("place")
            let placeID = placeText.isEmpty ? "" : try resolve(placeText, fields: fields, key: "place", kinds: nil)
            let toText = try fields.optionalString("to")
            let to =
                ["", "border", "fighting"].contains(toText)
                ? toText : try resolve(toText, fields: fields, key: "to", kinds: nil)
            return Claim(
                id: try fields.nonEmptyString("id"), eventID: eventID, claimant: try fields.nonEmptyString("claimant"),
                stated: stated, asOf: asOf, dateNote: try fields.optionalString("date_note"),
                quantity: try fields.choice("quantity", as: ClaimQuantity.self),
                definition: try fields.choice("definition", as: ClaimDefinition.self),
                value: try value(fields), unit: unit, hedge: try fields.choice("hedge", as: Hedge.self),
                asWritten: try fields.optionalString("as_written"), placeID: placeID, to: to,
                sourceIDs: try sources(fields))
        }

        private func value(_ fields: Fields) throws -> ClaimValue {
            let node = try fields.required("value")
            guard let items = node.sequence else {
                let v = try reader.number(node, field: fields.name("value"))
                guard v >= 0 else {
                    throw InputError(
                        "a claimed value cannot be negative", file: file, line: node.mark?.line,
                        field: fields.name("value"))
                }
                return .single(v)
            }
            let numbers = try items.map { try reader.number($0, field: fields.name("value")) }
            guard numbers.count == 2, numbers[0] >= 0, numbers[0] <= numbers[1] else {
                throw InputError(
                    "a range is written [low, high] with 0 ≤ low ≤ high", file: file, line: node.mark?.line,
                    field: fields.name("value"))
            }
            return .range(low: numbers[0], high: numbers[1])
        }

        private func sources(_ fields: Fields) throws -> [String] {
            let ids = try fields.stringList("sources")
            guard !ids.isEmpty else {
                throw InputError(
                    "at least one source is required", file: file, line: fields.line(of: "sources"),
                    field: fields.name("sources"))
            }
            for id in ids where !sourceIDs.contains(id) {
                throw InputError(
                    "unknown source '\(id)'", file: file, line: fields.line(of: "sources"),
                    field: fields.name("sources"),
                    hint: didYouMean(closest(id, among: sourceIDs.sorted())) ?? "declare it under sources:")
            }
            return ids
        }

        /// The id of the place a name refers to, or an error naming the nearest names.
        func resolve(_ name: String, fields: Fields, key: String, kinds: Set<PlaceKind>?) throws -> String {
            try resolveRouted(name, parent: "", fields: fields, key: key, kinds: kinds).id
        }

        /// `resolve`, in the timeline's context (its territory, the parent named), saying how the
        /// name reached the place.
        func resolveRouted(
            _ name: String, parent: String, fields: Fields, key: String,
            kinds: Set<PlaceKind>?
        ) throws -> (id: String, route: MatchRoute) {
            let line = fields.line(of: key)
            let length = name.unicodeScalars.count
            guard length <= Limits.nameCharacters else {
                throw InputError(
                    "a place name of \(length) characters is longer than Salient accepts "
                        + "(\(Limits.nameCharacters))", file: file, line: line, field: fields.name(key),
                    hint: "name the place by its id or a shorter name")
            }
            let parentLine = parent.isEmpty ? line : fields.line(of: "parent")
            switch try gazetteer.resolve(name, parent: parent, territory: territory, reachMeters: reachMeters) {
            case .found(let place, let route):
                if let kinds, !kinds.contains(place.kind) {
                    throw InputError(
                        "'\(name)' is a \(place.kind.rawValue), not a \(kinds.map(\.rawValue).sorted().joined(separator: " or "))",
                        file: file, line: line, field: fields.name(key))
                }
                return (place.id, route)
            case .ambiguous(let candidates):
                let listed = candidates.prefix(5).map { candidate in
                    let place = candidate.place
                    let whereabouts =
                        candidate.distanceMeters.map {
                            $0 == 0
                                ? ", inside the territory" : String(format: ", %.1f km from the territory", $0 / 1000)
                        } ?? ""
                    let parent = place.parent.isEmpty ? "" : " in \(place.parent)"
                    return "\(place.id) (\(place.kind.rawValue)\(parent)\(whereabouts))"
                }
                let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
                // A parent helps only where the namesakes' parents differ.
                let parents = Set(candidates.map(\.place.parent))
                let first = candidates.first?.place.parent ?? ""
                let onEvent = key == "place" && parent.isEmpty ? " or with parent: on the event" : ""
                let byParent =
                    parents.count > 1 && !first.isEmpty
                    ? ", or name its parent as in '\(name) (\(first))'\(onEvent)" : ""
                throw InputError(
                    "ambiguous place '\(name)': \(listed.joined(separator: ", "))\(more)",
                    file: file, line: line,
                    field: fields.name(key), hint: "write the id of the place you mean" + byParent)
            case .notInParent(let parentName, let candidates):
                let listed = candidates.prefix(5).map {
                    "\($0.id) (\($0.parent.isEmpty ? "no parent" : "in \($0.parent)"))"
                }
                let more = candidates.count > 5 ? " and \(candidates.count - 5) more" : ""
                throw InputError(
                    "no place '\(name)' lies in '\(parentName)'", file: file, line: parentLine,
                    field: fields.name(parent.isEmpty ? key : "parent"),
                    hint: "places of that name: \(listed.joined(separator: ", "))\(more)")
            case .notFound(let suggestions):
                throw InputError(
                    "unknown place '\(name)'", file: file, line: line, field: fields.name(key),
                    hint: didYouMean(suggestions) ?? "add it to the gazetteer or give coordinates")
            }
        }
    }
}

/// The last gazetteer read, kept while its files are unchanged: the command line reads a
/// timeline for its warnings and the job reads it again, and a gazetteer of 200,000 places is
/// most of the cost of reading. Files are compared by name, size and modification time.
final class GazetteerCache: @unchecked Sendable {
    static let shared = GazetteerCache()
    private let lock = NSLock()
    private var last: (folder: String, stamp: [String], gazetteer: Gazetteer)?

    func gazetteer(folder: String) throws -> Gazetteer {
        let stamp = Self.stamp(folder)
        lock.lock()
        let cached = last
        lock.unlock()
        if let cached, cached.folder == folder, let stamp, cached.stamp == stamp { return cached.gazetteer }
        let gazetteer = try GazetteerReader.read(folder: folder)
        if let stamp {
            lock.lock()
            last = (folder, stamp, gazetteer)
            lock.unlock()
        }
        return gazetteer
    }

    /// Name, size and modification time of every file in the folder, or nil when it cannot be listed.
    private static func stamp(_ folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.sorted().map { name in
            var status = stat()
            let path = (folder as NSString).appendingPathComponent(name)
            guard stat(path, &status) == 0 else { return name }
            return "\(name) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
    }
}
