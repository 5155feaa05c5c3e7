/// What the claim checker concludes about a claimed figure.
public enum Verdict: String, Hashable, Sendable, CaseIterable {
    /// The claim and the measurement overlap once the tolerance is allowed for.
    case consistent
    /// The claim asks for more than the measurement (or the evidence) allows.
    case overstated
    /// The claim asks for less than the measurement (or the evidence) shows.
    case understated
    /// Nothing in the geometry measures the claim, or the evidence cannot decide; the reason says which.
    case notMeasurable = "not measurable"
}

/// The unit the checker measures a quantity in: SI-derived units and counts.
public enum MeasureUnit: String, Hashable, Sendable, CaseIterable {
    case squareKilometers = "km²"
    case kilometers = "km"
    case settlements
    case people

    public var symbol: String { rawValue }

    /// Decimals measured values are printed with: 0.1 km² and 0.1 km are far below what any
    /// claim in the news resolves.
    public var decimals: Int {
        switch self {
        case .squareKilometers, .kilometers: return 1
        case .settlements, .people: return 0
        }
    }
}

extension ClaimUnit {
    /// The unit `toCanonical` converts to.
    public var canonical: MeasureUnit {
        switch self {
        case .squareKilometers, .squareMiles: return .squareKilometers
        case .kilometers, .meters, .miles: return .kilometers
        case .settlements: return .settlements
        case .people: return .people
        }
    }
}

/// The values a claim allows once its hedge is read, in canonical units (km², km, counts).
///
/// - exact X: [X, X]; the measurement's tolerance absorbs rounding.
/// - about X: [X − 10 %, X + 10 %].
/// - at least X: [X, ∞).  more than X: (X, ∞), X itself excluded.
/// - up to X: [0, X]: a maximum, contradicted only by a measurement beyond it.
/// - range [a, b]: [a, b].
/// A range value under another hedge is hedged at its ends (about [a, b] is [a − 10 %, b + 10 %]).
public struct ClaimedInterval: Hashable, Sendable {
    public static let aboutFraction = 0.10

    public var low: Double
    public var high: Double
    /// True for "more than": the low end itself is not a value the claim allows.
    public var excludesLow: Bool
    /// The figure as a single number: the value, or a range's midpoint. Ratios divide it.
    public var nominal: Double

    public init(low: Double, high: Double, excludesLow: Bool = false, nominal: Double) {
        self.low = low
        self.high = high
        self.excludesLow = excludesLow
        self.nominal = nominal
    }

    public init(value: ClaimValue, unit: ClaimUnit, hedge: Hedge) {
        let factor = unit.toCanonical
        let (a, b): (Double, Double)
        switch value {
        case .single(let v): (a, b) = (v * factor, v * factor)
        case .range(let low, let high): (a, b) = (low * factor, high * factor)
        }
        let nominal = (a + b) / 2
        switch hedge {
        case .exact, .range: self.init(low: a, high: b, nominal: nominal)
        case .about: self.init(low: a * (1 - Self.aboutFraction), high: b * (1 + Self.aboutFraction), nominal: nominal)
        case .atLeast: self.init(low: a, high: .infinity, nominal: nominal)
        case .moreThan: self.init(low: a, high: .infinity, excludesLow: true, nominal: nominal)
        case .upTo: self.init(low: 0, high: b, nominal: nominal)
        }
    }
}

/// How far a measurement may be off and still count: a fraction of the measured value, but
/// never less than an absolute allowance (the positional uncertainty of what was measured).
public struct Tolerance: Hashable, Sendable {
    public var fraction: Double
    /// In the measure's canonical unit.
    public var minimum: Double
    /// How the tolerance was set, printed beside every verdict.
    public var text: String

    public init(fraction: Double, minimum: Double = 0, text: String) {
        self.fraction = fraction
        self.minimum = minimum
        self.text = text
    }

    public func allowance(for value: Double) -> Double {
        max(abs(value) * fraction, minimum)
    }
}

/// What the geometry gives for a claim: a range (a single value has low == high), the value
/// the ratio is taken against, and how it was measured.
public struct Measured: Hashable, Sendable {
    public var low: Double
    public var high: Double
    public var reference: Double
    public var unit: MeasureUnit
    public var tolerance: Tolerance
    /// What was measured, e.g. "controlled 0 to controlled + contested 1,373.8 km² on 2024-08-12".
    public var text: String

    public init(low: Double, high: Double, reference: Double, unit: MeasureUnit, tolerance: Tolerance, text: String) {
        self.low = low
        self.high = high
        self.reference = reference
        self.unit = unit
        self.tolerance = tolerance
        self.text = text
    }

    public var widenedLow: Double { max(0, low - tolerance.allowance(for: low)) }
    public var widenedHigh: Double { high + tolerance.allowance(for: high) }

    /// How wide the measured range is, high ÷ low, before the tolerance: 1 for a single value,
    /// infinite when nothing sets its low end (nothing is certain), nil when both ends are 0.
    public var width: Double? {
        guard high > 0 else { return nil }
        return low > 0 ? high / low : .infinity
    }
}

/// A limit the evidence itself sets, apart from the estimate's modelling choices.
public struct EvidenceBound: Hashable, Sendable {
    public var value: Double
    /// What the bound is, e.g. "the reported places alone".
    public var text: String

    public init(value: Double, text: String) {
        self.value = value
        self.text = text
    }
}

/// What a claim beyond one side of the measured range means for a measure.
public enum BeyondMeasured: Hashable, Sendable {
    /// The measurement is the whole truth on that side (a distance between two points).
    case contradicts
    /// The measurement is only a bound on that side (an estimate drawn from the few places
    /// reported is a lower bound of the ground held): beyond it cannot be refuted, for this reason.
    case undecidable(String)
}

/// A claim compared with a map from elsewhere.
public struct MapComparison: Hashable, Sendable {
    public var mapID: String
    public var mapAsOf: CalendarDay
    /// The definitions of the layers measured and the map's own categories:
    /// "controlled + grey_zone (liberated, unknown)".
    public var depicts: String
    public var areaSquareKilometers: Double
    public var ratio: Double?
    public var verdict: Verdict
    public var reason: String

    public init(
        mapID: String, mapAsOf: CalendarDay, depicts: String, areaSquareKilometers: Double,
        ratio: Double?, verdict: Verdict, reason: String
    ) {
        self.mapID = mapID
        self.mapAsOf = mapAsOf
        self.depicts = depicts
        self.areaSquareKilometers = areaSquareKilometers
        self.ratio = ratio
        self.verdict = verdict
        self.reason = reason
    }
}

/// One claim, measured and judged.
public struct ClaimCheck: Hashable, Sendable {
    public var claim: Claim
    /// The claimed values in canonical units, and how they were converted ("6 mi × 1.609344 = 9.656 km; ≈ 8.69–10.622 km").
    public var claimed: ClaimedInterval
    public var claimedText: String
    public var measured: Measured?
    public var lowerBound: EvidenceBound?
    public var upperBound: EvidenceBound?
    public var map: MapComparison?
    /// The first map of a later day, within two days of the claim's (maps lag the ground).
    public var laterMap: MapComparison?
    /// Claimed (nominal) ÷ measured (reference); nil when either is missing or the reference is 0.
    public var ratio: Double?
    public var verdict: Verdict
    public var reason: String

    public init(
        claim: Claim, claimed: ClaimedInterval, claimedText: String, measured: Measured?, lowerBound: EvidenceBound?,
        upperBound: EvidenceBound?, map: MapComparison?, laterMap: MapComparison? = nil, ratio: Double?,
        verdict: Verdict, reason: String
    ) {
        self.claim = claim
        self.claimed = claimed
        self.claimedText = claimedText
        self.measured = measured
        self.lowerBound = lowerBound
        self.upperBound = upperBound
        self.map = map
        self.laterMap = laterMap
        self.ratio = ratio
        self.verdict = verdict
        self.reason = reason
    }

    /// Its verdicts against maps from elsewhere: the map of its day or before, then the later one.
    public var mapVerdicts: [Verdict] { [map, laterMap].compactMap { $0?.verdict } }

    /// The tolerance the verdict used, or "" when nothing was measured.
    public var toleranceText: String { measured?.tolerance.text ?? "" }
}

/// What two claims together imply, checked against each other or against the geometry.
public enum CrossCheckKind: String, Hashable, Sendable, CaseIterable {
    /// An area and a depth imply a minimum front width along the border.
    case areaAndDepth = "area_and_depth"
    /// Two outlets' reports of one statement.
    case sameStatement = "same_statement"
}

public struct CrossCheck: Hashable, Sendable {
    public var kind: CrossCheckKind
    public var claimIDs: [String]
    public var asOf: CalendarDay
    /// What the pair implies, e.g. "1,000 km² at most 30 km deep needs a front ≥ 33.3 km wide".
    public var implied: String
    /// What it is compared with.
    public var measured: String
    public var ratio: Double?
    public var verdict: Verdict
    public var reason: String
    public var tolerance: String

    public init(
        kind: CrossCheckKind, claimIDs: [String], asOf: CalendarDay, implied: String, measured: String,
        ratio: Double?, verdict: Verdict, reason: String, tolerance: String
    ) {
        self.kind = kind
        self.claimIDs = claimIDs
        self.asOf = asOf
        self.implied = implied
        self.measured = measured
        self.ratio = ratio
        self.verdict = verdict
        self.reason = reason
        self.tolerance = tolerance
    }
}

/// A map from elsewhere, measured on its own and beside the estimate of its day.
public struct MapMeasurement: Hashable, Sendable {
    public var map: ReferenceMap
    public var estimateControlledSquareKilometers: Double
    public var estimateTotalSquareKilometers: Double
    /// The estimate against the map's layers by shape, for each definition the layers make.
    public var shapes: [MapShapeComparison]

    public init(
        map: ReferenceMap, estimateControlledSquareKilometers: Double, estimateTotalSquareKilometers: Double,
        shapes: [MapShapeComparison] = []
    ) {
        self.map = map
        self.estimateControlledSquareKilometers = estimateControlledSquareKilometers
        self.estimateTotalSquareKilometers = estimateTotalSquareKilometers
        self.shapes = shapes
    }
}

/// The estimate of a map's day against the map's layers of one definition, by shape: held
/// ground (`controlled`) against the controlled layers, both tiers
/// (`controlled_plus_contested`) against controlled + grey. Areas in square kilometres.
public struct MapShapeComparison: Hashable, Sendable {
    public var definition: ClaimDefinition
    public var intersectionSquareKilometers: Double
    public var unionSquareKilometers: Double
    public var estimateOutsideMapSquareKilometers: Double
    public var mapOutsideEstimateSquareKilometers: Double

    public init(
        definition: ClaimDefinition, intersectionSquareKilometers: Double, unionSquareKilometers: Double,
        estimateOutsideMapSquareKilometers: Double, mapOutsideEstimateSquareKilometers: Double
    ) {
        self.definition = definition
        self.intersectionSquareKilometers = intersectionSquareKilometers
        self.unionSquareKilometers = unionSquareKilometers
        self.estimateOutsideMapSquareKilometers = estimateOutsideMapSquareKilometers
        self.mapOutsideEstimateSquareKilometers = mapOutsideEstimateSquareKilometers
    }

    /// Intersection over union; nil when both are empty.
    public var intersectionOverUnion: Double? {
        unionSquareKilometers > 0 ? intersectionSquareKilometers / unionSquareKilometers : nil
    }
}

/// A line the checker measured along (a distance, a depth, a stretch of border), for GIS.
public struct MeasuredLine: Hashable, Sendable {
    /// e.g. `distance_to_border`, `distance_to_fighting_place`, `depth`, `border_sector`.
    public var role: String
    public var claimIDs: [String]
    public var asOf: CalendarDay
    public var label: String
    public var points: [LonLat]
    /// Geodesic length on WGS 84 (PROJ geod_inverse along the vertices), kilometres.
    public var lengthKilometers: Double

    public init(
        role: String, claimIDs: [String], asOf: CalendarDay, label: String, points: [LonLat], lengthKilometers: Double
    ) {
        self.role = role
        self.claimIDs = claimIDs
        self.asOf = asOf
        self.label = label
        self.points = points
        self.lengthKilometers = lengthKilometers
    }
}

/// An area the checker measured against (an estimate tier, an evidence bound, a map), for GIS.
public struct MeasuredArea: Hashable, Sendable {
    /// e.g. `estimate_controlled`, `estimate_contested`, `reported_places`, `depth_sector`, `map`.
    public var role: String
    public var claimIDs: [String]
    public var asOf: CalendarDay
    public var label: String
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area on WGS 84 (PROJ geod_polygonarea), square kilometres.
    public var areaSquareKilometers: Double

    public init(
        role: String, claimIDs: [String], asOf: CalendarDay, label: String, geometry: MultiPolygon<LonLat>,
        areaSquareKilometers: Double
    ) {
        self.role = role
        self.claimIDs = claimIDs
        self.asOf = asOf
        self.label = label
        self.geometry = geometry
        self.areaSquareKilometers = areaSquareKilometers
    }
}

/// Everything `salient check` measured, sorted for byte-identical output.
public struct CheckReport: Hashable, Sendable {
    public var timelineID: String
    public var checks: [ClaimCheck]
    public var crossChecks: [CrossCheck]
    public var maps: [MapMeasurement]
    public var lines: [MeasuredLine]
    public var areas: [MeasuredArea]

    public init(
        timelineID: String, checks: [ClaimCheck], crossChecks: [CrossCheck], maps: [MapMeasurement],
        lines: [MeasuredLine], areas: [MeasuredArea]
    ) {
        self.timelineID = timelineID
        self.checks = checks
        self.crossChecks = crossChecks
        self.maps = maps
        self.lines = lines
        self.areas = areas
    }
}
