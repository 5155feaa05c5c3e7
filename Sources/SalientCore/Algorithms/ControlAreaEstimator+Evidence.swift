/// A stretch of the border, in lon/lat and in the estimator's projection.
public struct BorderStretch: Hashable, Sendable {
    /// One line per border part the stretch touches, split at ±180° as RFC 7946 asks.
    public var lines: [[LonLat]]
    var planar: [[PlanarPoint]]
    /// Geodesic length on WGS 84, kilometres.
    public var lengthKilometers: Double
}

/// An area the checker derived, in lon/lat, with its geodesic area.
public struct DerivedArea: Hashable, Sendable {
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area on WGS 84, square kilometres.
    public var areaSquareKilometers: Double
}

/// The bounds the evidence itself sets, apart from the estimate's radii and grey-zone band:
/// how much border the reported places span, and how much land lies within a depth of it.
extension ControlAreaEstimator {
    /// The ground events the estimate draws on `day` (mapped, i.e. located more precisely than a
    /// region, and behind their place's state that day), with the radius each stands for, in
    /// metres; sorted by id.
    func mappedGroundEvents(asOf day: CalendarDay) -> [(event: Event, radius: Double)] {
        mappedGroundEvents(of: drawnReports(on: [day])[0])
    }

    /// The events and radii of `reports` (indices among the ground events, as `drawnReports` gives them).
    func mappedGroundEvents(of reports: [Int]) -> [(event: Event, radius: Double)] {
        reports.compactMap { report in ground[report].radiusMeters.map { (ground[report].event, $0) } }
    }

    /// The reports behind `mappedGroundEvents(asOf:)` of each of the ascending `days`, as
    /// indices among the ground events sorted by event id, from one pass over the reports: a
    /// check asks them of every claimed day, several times a claim.
    func drawnReports(on days: [CalendarDay]) -> [[Int]] {
        var states = placeStates()
        var drawn: Set<Int> = []
        var next = 0
        return days.map { day in
            while next < ground.count, ground[next].from <= day {
                let (index, report) = (next, ground[next])
                next += 1
                guard report.isMapped else { continue }
                if let cells {
                    // The cells join groups reports by cell, and draws none outside one.
                    guard let cell = reportCells[index] else { continue }
                    states.apply(report, index: index, key: cells.sites[cell].id)
                } else {
                    states.apply(report, index: index)
                }
            }
            // A report whose tier changes leaves and comes back, in that order.
            for change in states.settle(on: day) {
                if change.to == nil { drawn.remove(change.report) } else { drawn.insert(change.report) }
            }
            return drawn.sorted { (ground[$0].event.id, $0) < (ground[$1].event.id, $1) }
        }
    }

    /// The stretch of border the ground events reported by `day` span: from the first to the
    /// last of their nearest border points, along the border, widened at each end by the
    /// radius the event stands for (a town reported held spans its own width of front).
    /// Nil when nothing is mapped by then.
    public func reportedBorderStretch(asOf day: CalendarDay, geodesic: Geodesic) throws -> BorderStretch? {
        try reportedBorderStretch(of: mappedGroundEvents(asOf: day), geodesic: geodesic)
    }

    /// The stretch of border `events` (a day's `mappedGroundEvents`) span.
    func reportedBorderStretch(of events: [(event: Event, radius: Double)], geodesic: Geodesic) throws
        -> BorderStretch?
    {
        guard !events.isEmpty else { return nil }
        let parts = try borderParts ?? border.lines().lines.map { try ReferencedLine(geos.lineString($0)) }
        borderParts = parts
        var extents: [Int: (from: Double, to: Double)] = [:]
        for (event, radius) in events {
            guard let (part, along) = try borderPosition(of: event.position, parts: parts) else { continue }
            let extent = extents[part] ?? (along - radius, along + radius)
            extents[part] = (min(extent.from, along - radius), max(extent.to, along + radius))
        }
        var planar: [[PlanarPoint]] = []
        for (part, extent) in extents.sorted(by: { $0.key < $1.key }) {
            if let stretch = try parts[part].substring(fromDistance: extent.from, toDistance: extent.to) {
                planar.append(stretch)
            }
        }
        guard !planar.isEmpty else { return nil }
        let lines = try planar.map { try projector.unproject($0) }
        return BorderStretch(
            lines: try AntimeridianSplit.split(lines, context: geos), planar: planar,
            lengthKilometers: lines.reduce(0) { $0 + geodesic.length(of: $1) } / 1000)
    }

    /// The border part nearest a place and how far along it the place lies; a place's answer
    /// never changes, and a check asks it for every reported place on every claimed day.
    private func borderPosition(of position: LonLat, parts: [ReferencedLine]) throws -> (part: Int, along: Double)? {
        if let known = borderPositions[position] { return known }
        let place = try geos.point(projector.project(position))
        var nearest: (part: Int, distance: Double)?
        for (index, part) in parts.enumerated() {
            let distance = try place.distance(to: part.line)
            if distance < nearest?.distance ?? .infinity { nearest = (index, distance) }
        }
        let found = try nearest.map { ($0.part, try parts[$0.part].line.distanceAlong(to: place)) }
        borderPositions[position] = found
        return found
    }

    /// The territory within `kilometers` of a stretch of border: the most ground an advance
    /// that deep along that stretch can cover.
    public func land(within kilometers: Double, of stretch: BorderStretch, geodesic: Geodesic) throws -> DerivedArea {
        let lines = try geos.multiLineString(MultiLineString(stretch.planar))
        let land = try lines.buffered(byMeters: kilometers * 1000).intersection(territory).normalized()
        let lonLat = try writtenPolygons(land)
        return DerivedArea(geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6)
    }

    /// Tiers as one area, as written: their union, since the parts of a valid MultiPolygon may
    /// not share edges as the tiers do (contested ground is cut along the controlled edge).
    public func joined(_ areas: [ControlArea], geodesic: Geodesic) throws -> DerivedArea {
        let parts = try areas.filter { !$0.geometry.isEmpty }.map {
            try geos.multiPolygon($0.geometry.mapRings(AntimeridianSplit.planar))
        }
        guard !parts.isEmpty else { return DerivedArea(geometry: MultiPolygon(), areaSquareKilometers: 0) }
        let union = try geos.collection(of: parts).unaryUnion().polygons()
        let lonLat = try OutputGrid.polygons(union.mapRings { AntimeridianSplit.lonLat($0, shifted: 0) }, context: geos)
        return DerivedArea(geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6)
    }

    /// Which of `points` (by id) lie inside or on `area`, sorted by id.
    public func ids(of points: [(id: String, position: LonLat)], inside area: MultiPolygon<LonLat>) throws -> [String] {
        guard !area.isEmpty else { return [] }
        let prepared = try PreparedGEOSObject(geos.multiPolygon(projector.project(area)))
        // Points outside the area's lon/lat box cannot be in it when its longitudes stay within
        // ±180° (RFC 7946 splits an area there); the rest are projected in one call.
        let lons = area.polygons.flatMap { $0.exterior.map(\.lon) }
        let lats = area.polygons.flatMap { $0.exterior.map(\.lat) }
        var near = points
        if let west = lons.min(), let east = lons.max(), let south = lats.min(), let north = lats.max(),
            west >= -180, east <= 180
        {
            near = points.filter {
                (west...east).contains($0.position.lon) && (south...north).contains($0.position.lat)
            }
        }
        return try zip(near, projector.project(near.map(\.position))).filter { try prepared.intersects(geos.point($1)) }
            .map(\.0.id).sorted()
    }
}
