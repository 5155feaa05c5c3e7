import Foundation
import SalientCore

/// What one day's map shows, in the estimate's plane (metres) and in words, before any drawing.
public struct MapContent {
    struct Marker {
        var kind: EventKind
        var position: PlanarPoint
    }

    struct Label {
        var text: String
        var anchor: PlanarPoint
        /// Lower draws first and so wins the room: cities before villages before districts.
        var priority: Int
    }

    var title: String
    var day: CalendarDay
    var actor: String
    var controlled: MultiPolygon<PlanarPoint>
    var contested: MultiPolygon<PlanarPoint>
    var controlledSquareKilometers: Double
    var contestedSquareKilometers: Double
    var territory: [MultiPolygon<PlanarPoint>]
    var territoryNames: [String]
    var border: MultiLineString<PlanarPoint>
    var borderName: String
    var markers: [Marker]
    var labels: [Label]
    /// Events up to the day located only to a region, which a point would misplace.
    var undrawnEventCount: Int
    var method: String
    var credits: [String]
    var outlets: [String]
    /// The area to show, metres in the plane.
    var extent: (minX: Double, minY: Double, maxX: Double, maxY: Double)
    var projection: LocalMetricProjection
    /// A unit vector towards true north at the extent's centre, in the plane.
    var north: PlanarPoint

    /// Gathers the day's layers and projects every position in one call.
    public static func make(timeline: Timeline, gazetteer: Gazetteer, estimate: ControlEstimate) throws -> MapContent {
        guard let projection = LocalMetricProjection(definition: estimate.projection) else {
            throw MapRenderer.Failure.projection(estimate.projection)
        }
        let parameters = timeline.estimate
        let territoryPlaces = parameters.territoryIDs.compactMap(gazetteer.place(id:))
        let borderPlace = gazetteer.place(id: parameters.borderID)
        let upToDay = timeline.events.filter { $0.date.start <= estimate.asOf }
            .sorted { ($0.date.start, $0.id) < ($1.date.start, $1.id) }
        let drawn = upToDay.filter { $0.locationPrecision != .region }

        let collector = PositionCollector()
        let controlled = estimate.controlled.geometry.mapRings(collector.add)
        let contested = estimate.contested.geometry.mapRings(collector.add)
        let territory = territoryPlaces.map { place -> MultiPolygon<Int> in
            if case .multiPolygon(let multi) = place.geometry { return multi.mapRings(collector.add) }
            return MultiPolygon<Int>()
        }
        let border: MultiLineString<Int>
        switch borderPlace?.geometry {
        case .multiLineString(let lines): border = lines.mapLines(collector.add)
        case .multiPolygon(let multi): border = MultiLineString(multi.polygons.flatMap(\.rings)).mapLines(collector.add)
        default: border = MultiLineString<Int>()
        }
        let eventIndexes = collector.add(drawn.map(\.position))
        let focusStart = collector.positions.count
        let focus = estimate.tiers.flatMap { $0.geometry.polygons.flatMap(\.exterior) }
        _ = collector.add(focus)
        let planar = try projection.planar(collector.positions)
        func point(_ index: Int) -> PlanarPoint { planar[index] }

        let markers = zip(drawn, eventIndexes).map { Marker(kind: $0.kind, position: point($1)) }
        let extentPoints = Array(planar[focusStart...]) + markers.map(\.position)
        let territoryPlanar = territory.map { $0.mapRings { $0.map(point) } }
        let fallback = territoryPlanar.flatMap { $0.polygons.flatMap(\.exterior) }

        var used = territoryPlaces + (borderPlace.map { [$0] } ?? [])
        used += drawn.compactMap { $0.placeID.flatMap(gazetteer.place(id:)) }
        let credits = Self.credits(for: used)
        let index = SourceIndex(timeline)
        var outlets: [String] = []
        for id in upToDay.flatMap(\.sourceIDs) {
            if let outlet = index.source(id: id)?.outlet, !outlets.contains(outlet) { outlets.append(outlet) }
        }

        let frame = extent(of: extentPoints.isEmpty ? fallback : extentPoints)
        let north = try northVector(
            at: PlanarPoint(x: (frame.minX + frame.maxX) / 2, y: (frame.minY + frame.maxY) / 2),
            projection: projection)
        return MapContent(
            title: timeline.title, day: estimate.asOf, actor: parameters.actor,
            controlled: controlled.mapRings { $0.map(point) }, contested: contested.mapRings { $0.map(point) },
            controlledSquareKilometers: estimate.controlled.areaSquareKilometers,
            contestedSquareKilometers: estimate.contested.areaSquareKilometers,
            territory: territoryPlanar, territoryNames: territoryPlaces.map(\.name),
            border: border.mapLines { $0.map(point) }, borderName: borderPlace?.name ?? parameters.borderID,
            markers: markers, labels: labels(for: drawn, positions: markers.map(\.position), gazetteer: gazetteer),
            undrawnEventCount: upToDay.count - drawn.count, method: parameters.summary, credits: credits,
            outlets: outlets, extent: frame, projection: projection, north: north)
    }

    /// Meridians converge away from the projection's centre, so north is found, not assumed up.
    private static func northVector(at centre: PlanarPoint, projection: LocalMetricProjection) throws -> PlanarPoint {
        guard let here = try projection.lonLat([centre]).first else { return PlanarPoint(x: 0, y: 1) }
        let ends = try projection.planar([here, LonLat(lon: here.lon, lat: min(here.lat + 0.05, 90))])
        let dx = ends[1].x - ends[0].x
        let dy = ends[1].y - ends[0].y
        let length = (dx * dx + dy * dy).squareRoot()
        return length > 0 ? PlanarPoint(x: dx / length, y: dy / length) : PlanarPoint(x: 0, y: 1)
    }

    /// One label per place, the place's own name (a district event at a town reads as the town).
    private static func labels(for events: [Event], positions: [PlanarPoint], gazetteer: Gazetteer) -> [Label] {
        var byPosition: [PlanarPoint: Label] = [:]
        for (event, position) in zip(events, positions) {
            let place = event.placeID.flatMap(gazetteer.place(id:))
            let priority = Self.priority(place?.kind)
            let text = place?.name ?? event.placeName
            if let existing = byPosition[position], (existing.priority, existing.text) <= (priority, text) { continue }
            byPosition[position] = Label(text: text, anchor: position, priority: priority)
        }
        return byPosition.values.sorted { ($0.priority, $0.text) < ($1.priority, $1.text) }
    }

    private static func priority(_ kind: PlaceKind?) -> Int {
        switch kind {
        case .city: return 0
        case .town: return 1
        case .village: return 2
        case .facility: return 3
        case nil: return 4
        case .district: return 5
        case .region, .border: return 6
        }
    }

    /// The credit line a licence asks for: OpenStreetMap's and GeoNames' own wording, else the
    /// source and its licence as the gazetteer gives them.
    /// Each distinct credit of the places drawn, in the order they come.
    static func credits(for places: [Place]) -> [String] {
        var credits: [String] = []
        for credit in places.map({ credit(for: $0.provenance) }) where !credits.contains(credit) {
            credits.append(credit)
        }
        return credits
    }

    static func credit(for provenance: Provenance) -> String {
        let parts = provenance.licence.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        func licenceName(_ part: String) -> String {
            part.components(separatedBy: " (").first ?? part
        }
        if let osm = parts.first(where: { $0.contains("OpenStreetMap") }) {
            return "© OpenStreetMap contributors (\(licenceName(osm)))"
        }
        if let part = parts.first(where: { $0.contains("GeoNames") })
            ?? (provenance.source.contains("GeoNames") ? parts.first : nil)
        {
            return "GeoNames (\(licenceName(part)))"
        }
        return "\(provenance.source) (\(provenance.licence))"
    }

    /// The focus with room around it: half again its size, at least 40 km across.
    private static func extent(of points: [PlanarPoint]) -> (minX: Double, minY: Double, maxX: Double, maxY: Double) {
        guard let first = points.first else { return (-20_000, -20_000, 20_000, 20_000) }
        var minX = first.x
        var maxX = first.x
        var minY = first.y
        var maxY = first.y
        for p in points {
            minX = min(minX, p.x)
            maxX = max(maxX, p.x)
            minY = min(minY, p.y)
            maxY = max(maxY, p.y)
        }
        let half = max(max(maxX - minX, maxY - minY) * 0.75, 20_000)
        let cx = (minX + maxX) / 2
        let cy = (minY + maxY) / 2
        return (cx - half, cy - half, cx + half, cy + half)
    }
}

/// Collects positions from many layers so that they are projected in one PROJ call.
private final class PositionCollector {
    var positions: [LonLat] = []

    func add(_ ring: [LonLat]) -> [Int] {
        let start = positions.count
        positions += ring
        return Array(start..<positions.count)
    }
}
