/// Measures every claim of a timeline against the geometry and judges it (see `ClaimJudge`).
///
/// Each definition has its measure (`Checks/`), run on the claim's `as_of` day (not its
/// publication): areas (`AreaMeasure`), `depth` (`DepthMeasure`), `distance_to_border` and
/// `distance_between` (`DistanceMeasure`), `distance_to_fighting` (`FightingDistanceMeasure`),
/// `settlements_controlled` (`SettlementCountMeasure`); claims against each other (`CrossChecks`)
/// and maps from elsewhere (`MapMeasure`). Each returns its value and the geometry it measured;
/// `CheckProse` puts the values in words. People, a day's advance and `other` are not
/// measurable, with the reason.
///
/// Holds GEOS and PROJ contexts (through its `CheckContext`), so one checker serves one thread.
public struct ClaimChecker {
    /// Figures in the news carry one or two significant digits: 10 % is their rounding.
    public static let relativeTolerance = 0.10
    /// A distance "from Sudzha" may run from the town's (or a plant's) edge or its centre: a
    /// kilometre at each end that is a place.
    public static let placeExtentKilometers = 1.0

    public var timeline: Timeline { context.timeline }
    public var gazetteer: Gazetteer { context.gazetteer }
    public var maps: [ReferenceMap] { context.maps }
    private let context: CheckContext

    public init(timeline: Timeline, gazetteer: Gazetteer, maps: [ReferenceMap] = [], geodesic: Geodesic) throws {
        context = try CheckContext(timeline: timeline, gazetteer: gazetteer, maps: maps, geodesic: geodesic)
    }

    public func check() throws -> CheckReport {
        let days = Set(timeline.claims.map(\.asOf) + maps.map(\.asOf)).sorted()
        var bounds: [CalendarDay: RangeBounds] = [:]
        for claim in timeline.claims { bounds[claim.asOf, default: []].formUnion(AreaMeasure.bounds(claim)) }
        try context.prepareEstimates(for: days, bounds: bounds)
        let claims = timeline.claims.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }
        var geometry = MeasuredGeometry()
        let checks = try claims.map { claim in
            let (check, measured) = try self.check(claim)
            geometry.add(measured)
            return check
        }
        let areaAndDepth = try CrossChecks.areaAndDepth(claims, in: context)
        geometry.add(areaAndDepth.geometry)
        let crossChecks =
            areaAndDepth.pairs.map(CheckProse.crossCheck)
            + CrossChecks.sameStatement(claims).map(CheckProse.crossCheck)
        let maps = try MapMeasure.measure(in: context)
        geometry.add(maps.geometry)
        let (lines, areas) = geometry.merged()
        return CheckReport(
            timelineID: timeline.id, checks: checks,
            crossChecks: crossChecks.sorted {
                ($0.asOf, $0.kind.rawValue, $0.claimIDs.joined(separator: " "))
                    < ($1.asOf, $1.kind.rawValue, $1.claimIDs.joined(separator: " "))
            },
            maps: maps.maps, lines: lines, areas: areas)
    }

    /// The unit a definition is measured in; nil for those nothing measures.
    public static func unit(measuring definition: ClaimDefinition) -> MeasureUnit? {
        switch definition {
        case .controlled, .controlledPlusContested, .advancedOver: return .squareKilometers
        case .depth, .distanceToBorder, .distanceToFighting, .distanceBetween, .advancePerDay: return .kilometers
        case .settlementsControlled: return .settlements
        case .evacuated, .fled: return .people
        case .other: return nil
        }
    }

    // MARK: - One claim

    private func check(_ claim: Claim) throws -> (ClaimCheck, MeasuredGeometry) {
        let claimed = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
        let measurement = try measure(claim, claimed)
        let claimedText = QuantityFormat.conversion(of: claim)
        switch CheckProse.describe(measurement.value) {
        case .notMeasurable(let reason):
            return (
                ClaimCheck(
                    claim: claim, claimed: claimed, claimedText: claimedText, measured: nil, lowerBound: nil,
                    upperBound: nil, map: nil, ratio: nil, verdict: .notMeasurable, reason: reason),
                measurement.geometry
            )
        case .measured(let outcome):
            let judgement = ClaimJudge.judge(
                claimed, against: outcome.measured, lower: outcome.lower,
                upper: outcome.upper, above: outcome.above, below: outcome.below)
            return (
                ClaimCheck(
                    claim: claim, claimed: claimed, claimedText: claimedText, measured: outcome.measured,
                    lowerBound: outcome.lower, upperBound: outcome.upper, map: outcome.map, laterMap: outcome.laterMap,
                    ratio: claimRatio(claimed.nominal, outcome.measured.reference),
                    verdict: judgement.verdict, reason: judgement.reason),
                measurement.geometry
            )
        }
    }

    private func measure(_ claim: Claim, _ claimed: ClaimedInterval) throws -> ClaimMeasurement {
        if let expected = Self.unit(measuring: claim.definition), expected != claim.unit.canonical {
            return .notMeasurable(
                .unitMismatch(
                    given: claim.unit.canonical, definition: claim.definition,
                    expected: expected))
        }
        switch claim.definition {
        case .controlled, .controlledPlusContested, .advancedOver:
            return try AreaMeasure.measure(claim, claimed, in: context)
        case .depth: return try DepthMeasure.measure(claim, in: context)
        case .distanceToBorder: return try DistanceMeasure.toBorder(claim, in: context)
        case .distanceBetween: return try DistanceMeasure.between(claim, in: context)
        case .distanceToFighting: return try FightingDistanceMeasure.measure(claim, in: context)
        case .settlementsControlled: return try SettlementCountMeasure.measure(claim, in: context)
        case .evacuated, .fled: return .notMeasurable(.people)
        case .advancePerDay: return .notMeasurable(.advancePerDay)
        case .other: return .notMeasurable(claim.quantity == .people ? .people : .otherDefinition)
        }
    }
}
