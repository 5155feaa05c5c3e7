/// The range of an estimate: a lower bound, the ground the reports make certain, and an upper
/// bound, everything they do not contradict. For the disc joins: the discs of the places
/// reported held, clipped to the territory, and controlled + contested; for `cells`, see
/// `advanceCells`. Measured only when their shapes change, as the tiers are.
extension ControlAreaEstimator {
    /// Puts the bounds' shapes on the estimate as written and measured, reusing the previous
    /// day's when a shape is the same to the bit.
    func setBounds(_ estimate: inout ControlEstimate, _ state: inout State, lower: GEOSObject?, upper: GEOSObject?)
        throws
    {
        estimate.lowerBound = try bound(lower, previous: state.lowerShape, measured: state.last?.lowerBound)
        estimate.upperBound = try bound(upper, previous: state.upperShape, measured: state.last?.upperBound)
        state.lowerShape = lower
        state.upperShape = upper
    }

    private func bound(_ shape: GEOSObject?, previous: GEOSObject?, measured: AreaBound?) throws -> AreaBound {
        guard let shape, !shape.isEmpty else { return .empty }
        if let previous, let measured, try shape.isIdentical(to: previous) { return measured }
        let lonLat = try writtenPolygons(shape)
        return AreaBound(geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6)
    }

    /// The disc joins' bounds: the lower made again when the held reports change, the upper
    /// when either tier's shape does.
    func setDiscBounds(
        _ estimate: inout ControlEstimate, _ state: inout State, membersChanged: Bool, shapesChanged: Bool,
        held: () -> [Int]
    ) throws {
        var lower = state.lowerShape
        var upper = state.upperShape
        if membersChanged || state.last == nil {
            var seen: Set<CorridorKey> = []
            var discs: [GEOSObject] = []
            for report in held() {
                let event = ground[report].event
                let radius = ground[report].radiusMeters ?? 0
                let key = CorridorKey(lon: event.position.lon, lat: event.position.lat, radius: radius)
                guard seen.insert(key).inserted else { continue }
                if let disc = discShapes[key] {
                    discs.append(disc)
                } else {
                    let disc = try geos.point(projector.project(event.position)).buffered(byMeters: radius)
                    discShapes[key] = disc
                    discs.append(disc)
                }
            }
            lower = try union(discs).map { try $0.intersection(territory).normalized() }
        }
        if shapesChanged || state.last == nil {
            let controlled = try state.controlledJoined.map { try $0.intersection(territory) }
            upper = try union([controlled, state.banded].compactMap { $0 })
        }
        try setBounds(&estimate, &state, lower: lower, upper: upper)
    }
}
