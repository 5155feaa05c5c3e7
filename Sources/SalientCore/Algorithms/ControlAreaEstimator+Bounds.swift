/// The range of an estimate: a lower bound, the ground the reports make certain, and an upper
/// bound, everything they do not contradict. For the disc joins: the discs of the places
/// reported held (located to the place: a district's disc is not certain ground), clipped to
/// the territory, and controlled + contested; for `cells`, see
/// `advanceCells`. Measured only when their shapes change, as the tiers are.
extension ControlAreaEstimator {
    /// Puts the bounds' shapes on the estimate as written and measured, reusing the previous
    /// day's when a shape is the same to the bit. `reported` is the lower bound with the places
    /// reported fought over: the certain ground of a claim that counts the grey zone.
    func setBounds(
        _ estimate: inout ControlEstimate, _ state: inout State, lower: GEOSObject?, reported: GEOSObject?,
        upper: GEOSObject?
    ) throws {
        estimate.lowerBound = try bound(lower, previous: state.lowerShape, measured: state.last?.lowerBound)
        estimate.reportedBound = try bound(
            reported, previous: state.reportedShape, measured: state.last?.reportedBound)
        estimate.upperBound = try bound(upper, previous: state.upperShape, measured: state.last?.upperBound)
        state.lowerShape = lower
        state.reportedShape = reported
        state.upperShape = upper
    }

    private func bound(_ shape: GEOSObject?, previous: GEOSObject?, measured: AreaBound?) throws -> AreaBound {
        guard let shape, !shape.isEmpty else { return .empty }
        if let previous, let measured, try shape.isIdentical(to: previous) { return measured }
        let lonLat = try writtenPolygons(shape)
        return AreaBound(geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6)
    }

    /// The disc joins' bounds: the lower made again when the held reports' discs change, the
    /// reported when any report's do, the upper when either tier's shape does.
    func setDiscBounds(
        _ estimate: inout ControlEstimate, _ state: inout State, heldChanged: Bool, reportsChanged: Bool,
        shapesChanged: Bool, held: () -> [Int], all: () -> [Int]
    ) throws {
        var lower = state.lowerShape
        var reported = state.reportedShape
        var upper = state.upperShape
        if heldChanged || state.last == nil {
            let keys = discKeys(of: held())
            if keys != state.lowerDiscs { lower = try discs(keys) }
            state.lowerDiscs = keys
        }
        if reportsChanged || state.last == nil {
            let keys = discKeys(of: all())
            if keys != state.reportedDiscs { reported = try discs(keys) }
            state.reportedDiscs = keys
        }
        if shapesChanged || state.last == nil {
            let controlled = try state.controlledJoined.map { try $0.intersection(territory) }
            upper = try union([controlled, state.banded].compactMap { $0 })
        }
        try setBounds(&estimate, &state, lower: lower, reported: reported, upper: upper)
    }

    /// The distinct discs of `reports` located to a place, in the order of the reports.
    private func discKeys(of reports: [Int]) -> [CorridorKey] {
        var seen: Set<CorridorKey> = []
        return reports.compactMap { report in
            guard ground[report].isLocatedToPlace else { return nil }
            let position = ground[report].event.position
            let key = CorridorKey(lon: position.lon, lat: position.lat, radius: ground[report].radiusMeters ?? 0)
            return seen.insert(key).inserted ? key : nil
        }
    }

    /// The union of the discs, clipped to the territory.
    private func discs(_ keys: [CorridorKey]) throws -> GEOSObject? {
        let discs = try keys.map { key in
            if let disc = discShapes[key] { return disc }
            let disc = try geos.point(projector.project(LonLat(lon: key.lon, lat: key.lat))).buffered(
                byMeters: key.radius)
            discShapes[key] = disc
            return disc
        }
        return try union(discs).map { try $0.intersection(territory).normalized() }
    }
}
