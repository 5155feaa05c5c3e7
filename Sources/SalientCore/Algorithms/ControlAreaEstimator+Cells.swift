/// The `cells` join: each settlement's cell takes the state of its place, the state of every
/// report that falls in the cell (the latest report wins, as for any place).
///
/// - controlled: the cells held by the actor, and the unknown cells (no state) whose
///   neighbours with a state (edge-sharing, inside the territory) are all held by the actor,
///   at least 2 of them: ground surrounded by held villages. One pass, from reported cells only.
/// - contested: the contested cells (fought over, or held by another actor), and the band of
///   `contested_band_km` round the controlled cells, less the controlled cells and the cells the
///   actor lost: the band never covers ground a report gives to the other side.
/// A set of cells is dissolved from their Voronoi tiles (`SettlementCells.union(of:)`) and brought
/// to GEOS's canonical form, so a day depends only on the cells' states that day, however it
/// was reached.
extension ControlAreaEstimator {
    /// What a cell's state says, for the tiers.
    enum CellClass: Hashable {
        case held, contested, lost
    }

    /// The cells' classes and the sets drawn from them, kept from day to day.
    struct CellTiers {
        /// Cells with a state; a cell absent is unknown.
        var classes: [Int: CellClass] = [:]
        /// Unknown cells drawn as controlled because held cells surround them.
        var filled: Set<Int> = []
        /// The cells of each class as of the last day drawn, in site order; controlled is held
        /// and filled.
        var heldCells: [Int] = []
        var controlledCells: [Int] = []
        var contestedCells: [Int] = []
        var lostCells: [Int] = []
        var controlled: GEOSObject?
        var contested: GEOSObject?

        /// The cells of a class, in site order.
        func members(_ wanted: CellClass) -> [Int] { classes.filter { $0.value == wanted }.map(\.key).sorted() }
    }

    /// The cell each ground report falls in: located to a place (exact or near) inside the
    /// territory, the cell of its nearest settlement; else nil.
    static func cellsOfReports(
        _ ground: [GroundEvent], cells: SettlementCells, territory: GEOSObject, projector: Projector
    ) throws -> [Int?] {
        let prepared = try PreparedGEOSObject(territory)
        let points = try projector.project(ground.map(\.event.position))
        return try zip(ground, points).map { report, point in
            guard report.isMapped, report.isLocatedToPlace else { return nil }
            let geos = territory.context
            guard try prepared.intersects(geos.point(point)) else { return nil }
            return cells.site(nearest: point)
        }
    }

    /// Why the `cells` join does not draw a mapped report.
    static func notInACell(_ report: GroundEvent) -> String {
        report.isLocatedToPlace
            ? "outside the territory the cells join divides"
            : "located only to \(report.event.locationPrecision.rawValue) precision, and the cells join draws places"
    }

    /// The day's estimate from the cells' states: `touched` cells had a report folded in today.
    func advanceCells(
        _ state: inout State, changes: [PlaceStates.Change], touched: Set<Int>, changedUnmapped: Bool,
        day: CalendarDay, bounds: RangeBounds
    ) throws -> ControlEstimate {
        guard let cells, let machine = state.places else { preconditionFailure("cells join without cells") }
        var touched = touched
        for change in changes {
            state.drawn[change.report] = change.to
            if let cell = reportCells[change.report] { touched.insert(cell) }
        }
        state.lists.fold(changes, ground: ground)
        if var last = state.last, touched.isEmpty {
            last.asOf = day
            if changedUnmapped { last.unmapped = state.unmapped }
            try setCellBounds(&last, &state, wanted: bounds)
            state.last = last
            return last
        }
        var tiers = state.cells
        for cell in touched {
            switch machine.state(of: cells.sites[cell].id, on: day) {
            case nil: tiers.classes[cell] = nil
            case .lost?: tiers.classes[cell] = .lost
            case let known?:
                tiers.classes[cell] = known.tier(actor: timeline.estimate.actor) == .controlled ? .held : .contested
            }
        }
        // Whether an unknown cell is surrounded depends on its neighbours alone.
        for cell in Set(touched.flatMap { [$0] + cells.neighbours[$0] }) {
            let stated = cells.neighbours[cell].compactMap { tiers.classes[$0] }
            if tiers.classes[cell] == nil, stated.count >= 2, stated.allSatisfy({ $0 == .held }) {
                tiers.filled.insert(cell)
            } else {
                tiers.filled.remove(cell)
            }
        }
        let heldCells = tiers.members(.held)
        let controlledCells = (heldCells + tiers.filled).sorted()
        let contestedCells = tiers.members(.contested)
        let lostCells = tiers.members(.lost)
        let controlledChanged = controlledCells != tiers.controlledCells || state.last == nil
        if controlledChanged { tiers.controlled = try cells.union(of: controlledCells) }
        if controlledChanged || contestedCells != tiers.contestedCells || lostCells != tiers.lostCells
            || state.last == nil
        {
            tiers.contested = try contestedShape(contestedCells, around: tiers.controlled, lost: lostCells)
        }
        let contestedChanged =
            state.last == nil || contestedCells != tiers.contestedCells || lostCells != tiers.lostCells
            || controlledChanged
        // The bounds are made of the held cells (lower), those and the contested ones
        // (reported), and of every list (upper).
        let heldChanged = state.last == nil || heldCells != tiers.heldCells
        state.boundInputs.changed(
            held: heldChanged, reports: heldChanged || contestedCells != tiers.contestedCells,
            shapes: heldChanged || contestedChanged)
        (tiers.heldCells, tiers.controlledCells, tiers.contestedCells, tiers.lostCells) = (
            heldCells, controlledCells, contestedCells, lostCells
        )
        state.cells = tiers
        let lists = state.lists
        var controlled: ControlArea
        var contested: ControlArea
        if let last = state.last, !controlledChanged {
            controlled = last.controlled
            (controlled.eventIDs, controlled.sourceIDs) = (lists.controlled.ids.sorted, lists.controlled.sources.sorted)
        } else {
            controlled = try area(
                .controlled, tiers.controlled, eventIDs: lists.controlled.ids.sorted,
                sourceIDs: lists.controlled.sources.sorted)
        }
        if let last = state.last, !contestedChanged {
            contested = last.contested
            (contested.eventIDs, contested.sourceIDs) = (lists.all.ids.sorted, lists.all.sources.sorted)
        } else {
            contested = try area(
                .contested, tiers.contested, eventIDs: lists.all.ids.sorted, sourceIDs: lists.all.sources.sorted)
        }
        var estimate = ControlEstimate(
            asOf: day, controlled: controlled, contested: contested, projection: projection.definition,
            unmapped: state.unmapped)
        try setCellBounds(&estimate, &state, wanted: bounds)
        state.last = estimate
        return estimate
    }

    /// The `cells` join's bounds that `wanted` names, from the cells' classes as they stand; the
    /// others are nil. Lower: the cells reported held; reported: those and the cells reported
    /// contested; upper: controlled, contested and the unknown cells no deeper than the deepest
    /// cell with a state other than lost.
    private func setCellBounds(_ estimate: inout ControlEstimate, _ state: inout State, wanted: RangeBounds)
        throws
    {
        guard let cells else { preconditionFailure("cells join without cells") }
        let (tiers, inputs) = (state.cells, state.boundInputs)
        estimate.lowerBound = try refresh(&state.lower, wanted: wanted.contains(.lower), inputsChanged: inputs.held) {
            _ in try cells.union(of: tiers.heldCells)
        }
        estimate.reportedBound = try refresh(
            &state.reported, wanted: wanted.contains(.reported), inputsChanged: inputs.reports
        ) { _ in try cells.union(of: (tiers.heldCells + tiers.contestedCells).sorted()) }
        estimate.upperBound = try refresh(&state.upper, wanted: wanted.contains(.upper), inputsChanged: inputs.shapes) {
            _ in
            let classes = tiers.classes
            let deepest = classes.keys.filter { classes[$0] != .lost }.map { cells.sites[$0].borderDistance }.max()
            let open = (0..<cells.sites.count).filter { cell in
                classes[cell] == nil && !tiers.filled.contains(cell)
                    && cells.sites[cell].borderDistance <= (deepest ?? -1) + Self.depthSlackMeters
            }
            // The contested cells lie inside the contested tier, so they join the cells' part.
            let stated = try cells.union(of: (tiers.controlledCells + tiers.contestedCells + open).sorted())
            return try geos.union([stated, tiers.contested].compactMap { $0 })
        }
    }

    /// How much deeper than the deepest reported settlement an unknown one may lie and still
    /// count as inside the reported depth: villages in a row along the border differ by
    /// centimetres in the plane.
    static let depthSlackMeters = 1.0

    /// Contested cells and the band round the controlled ones, less controlled and lost ground.
    private func contestedShape(_ contested: [Int], around controlled: GEOSObject?, lost: [Int]) throws
        -> GEOSObject?
    {
        guard let cells else { preconditionFailure("cells join without cells") }
        let band = timeline.estimate.contestedBandKilometers * 1000
        let contestedCells = try cells.union(of: contested)
        guard band > 0, let controlled else { return contestedCells }
        let banded = try controlled.buffered(byMeters: band).intersection(territory)
        guard let grey = try geos.union([contestedCells, banded].compactMap { $0 }) else { return nil }
        let taken = try geos.union([controlled, cells.union(of: lost)].compactMap { $0 }) ?? controlled
        let shape = try grey.difference(taken).normalized()
        return shape.isEmpty ? nil : shape
    }
}
