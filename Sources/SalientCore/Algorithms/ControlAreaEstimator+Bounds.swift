/// The range of an estimate: a lower bound, the ground the reports make certain, and an upper
/// bound, everything they do not contradict. For the disc joins: the discs of the places
/// reported held (located to the place: a district's disc is not certain ground), clipped to
/// the territory, and controlled + contested; for `cells`, see `setCellBounds`. A bound is made
/// only on a day that asks for it, again only when what it is made of has changed since it was
/// last made, and measured again only when its shape differs to the bit.
extension ControlAreaEstimator {
    /// A bound as last made, and the count of changes to its inputs it was made after.
    struct BoundState {
        var shape: GEOSObject?
        /// Nil: never made.
        var measured: AreaBound?
        var madeAfter = -1
        /// The disc joins' lower bounds: the discs the shape is the union of.
        var discs: [CorridorKey] = []
    }

    /// How many times the inputs of each bound have changed: a bound made after fewer is stale.
    struct BoundInputs {
        /// The reports drawn held (the lower bound), drawn at all (the reported bound), and the
        /// tiers' shapes (the disc joins' upper bound). The `cells` join counts a change of the
        /// cell lists each is made of (`advanceCells`).
        var held = 0
        var reports = 0
        var shapes = 0

        mutating func changed(held: Bool, reports: Bool, shapes: Bool) {
            if held { self.held += 1 }
            if reports { self.reports += 1 }
            if shapes { self.shapes += 1 }
        }
    }

    /// Brings `bound` up to date when `wanted` and returns it measured; nil when not wanted.
    func refresh(
        _ bound: inout BoundState, wanted: Bool, inputsChanged count: Int,
        make: (inout BoundState) throws -> GEOSObject?
    ) throws -> AreaBound? {
        guard wanted else { return nil }
        if let measured = bound.measured, bound.madeAfter == count { return measured }
        let previous = bound.shape
        let shape = try make(&bound)
        bound.madeAfter = count
        bound.shape = shape
        if let measured = bound.measured, try Self.identical(shape, previous) { return measured }
        let measured = try self.measure(shape)
        bound.measured = measured
        return measured
    }

    private static func identical(_ a: GEOSObject?, _ b: GEOSObject?) throws -> Bool {
        switch (a, b) {
        case (nil, nil): return true
        case (let a?, let b?): return try a === b || a.isIdentical(to: b)
        default: return false
        }
    }

    private func measure(_ shape: GEOSObject?) throws -> AreaBound {
        guard let shape, !shape.isEmpty else { return .empty }
        let lonLat = try writtenPolygons(shape)
        return AreaBound(geometry: lonLat, areaSquareKilometers: geodesic.area(of: lonLat) / 1e6)
    }

    /// The disc joins' bounds that `wanted` names; the others are nil. `members` gives the
    /// drawn reports of a tier (nil: every tier) in order.
    func setDiscBounds(
        _ estimate: inout ControlEstimate, _ state: inout State, wanted: RangeBounds,
        members: (ControlTier?) -> [Int]
    ) throws {
        let inputs = state.boundInputs
        estimate.lowerBound = try refresh(&state.lower, wanted: wanted.contains(.lower), inputsChanged: inputs.held) {
            try discs(discKeys(of: members(.controlled)), remaking: &$0)
        }
        estimate.reportedBound = try refresh(
            &state.reported, wanted: wanted.contains(.reported), inputsChanged: inputs.reports
        ) { try discs(discKeys(of: members(nil)), remaking: &$0) }
        let (controlledJoined, banded) = (state.controlledJoined, state.banded)
        estimate.upperBound = try refresh(&state.upper, wanted: wanted.contains(.upper), inputsChanged: inputs.shapes) {
            _ in
            let controlled = try controlledJoined.map { try $0.intersection(territory) }
            return try geos.union([controlled, banded].compactMap { $0 })
        }
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

    /// The union of the discs, clipped to the territory; the bound's own shape when its discs
    /// are those it was made of.
    private func discs(_ keys: [CorridorKey], remaking bound: inout BoundState) throws -> GEOSObject? {
        if bound.measured != nil, keys == bound.discs { return bound.shape }
        bound.discs = keys
        let discs = try keys.map { key in
            if let disc = discShapes[key] { return disc }
            let disc = try geos.point(projector.project(LonLat(lon: key.lon, lat: key.lat))).buffered(
                byMeters: key.radius)
            discShapes[key] = disc
            return disc
        }
        return try geos.union(discs).map { try $0.intersection(territory).normalized() }
    }
}
