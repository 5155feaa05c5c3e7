/// What measuring one claim gave, before any of it is put in words: the measure's own value and
/// the geometry it measured along the way.
struct ClaimMeasurement {
    enum Value {
        case area(AreaMeasurement)
        case depth(DepthMeasurement)
        case distance(DistanceMeasurement)
        case distanceToFighting(FightingDistanceMeasurement)
        case settlements(SettlementCountMeasurement)
        case notMeasurable(NotMeasurable)
    }

    var value: Value
    var geometry = MeasuredGeometry()

    static func notMeasurable(_ reason: NotMeasurable, geometry: MeasuredGeometry = MeasuredGeometry()) -> Self {
        ClaimMeasurement(value: .notMeasurable(reason), geometry: geometry)
    }
}

/// Why a claim is not measured.
enum NotMeasurable: Hashable {
    /// The claim's unit is not the unit its definition is measured in.
    case unitMismatch(given: MeasureUnit, definition: ClaimDefinition, expected: MeasureUnit)
    case people
    case advancePerDay
    case otherDefinition
    /// A distance claim names no gazetteer place.
    case noPlace
    /// A distance claim names a place that is not a point.
    case notAPoint(Place)
    case nothingOnTheGround(CalendarDay)
}

/// What the estimate of a day rests on: the places located precisely, by name, and how many
/// reports are located only to a district.
struct EvidenceBase: Hashable {
    var day: CalendarDay
    var precisePlaces: [String]
    var coarseReports: Int
}

/// One end of a measured distance and the positional uncertainty it brings.
struct DistanceEnd: Hashable {
    var name: String
    var uncertaintyMeters: Double
    /// A place (not the border) has an extent: a distance may run from its edge or its centre.
    var isPlace: Bool

    /// The least allowance the ends leave a distance: their uncertainties plus a place's
    /// extent at each end that is a place, kilometres.
    static func minimumKilometers(_ ends: [DistanceEnd]) -> (minimum: Double, extent: Double) {
        let extent = Double(ends.filter(\.isPlace).count) * ClaimChecker.placeExtentKilometers
        return (ends.reduce(0) { $0 + $1.uncertaintyMeters / 1000 } + extent, extent)
    }
}

/// Claimed ÷ measured; nil when either is missing or the measurement is 0.
func claimRatio(_ claimed: Double, _ measured: Double) -> Double? {
    guard claimed.isFinite, measured > 0 else { return nil }
    return claimed / measured
}

/// The lines and areas measured, for the check's GIS output. One key (role, day, label) holds
/// one geometry, the first measured; the claims measured against it accumulate.
struct MeasuredGeometry {
    private(set) var lines: [MeasuredLine] = []
    private(set) var areas: [MeasuredArea] = []

    mutating func add(_ line: MeasuredLine) { lines.append(line) }
    mutating func add(_ area: MeasuredArea) { areas.append(area) }

    mutating func add(_ other: MeasuredGeometry) {
        lines += other.lines
        areas += other.areas
    }

    /// Each tier of an estimate a claim was measured against.
    mutating func addEstimate(_ estimate: ControlEstimate, for claim: Claim) {
        for tier in estimate.tiers where !tier.geometry.isEmpty {
            add(
                MeasuredArea(
                    role: "estimate_\(tier.tier.rawValue)", claimIDs: [claim.id], asOf: estimate.asOf,
                    label: CheckProse.estimateLabel(tier.tier), geometry: tier.geometry,
                    areaSquareKilometers: tier.areaSquareKilometers))
        }
    }

    /// One line and one area per key, sorted by role, day and label, as reports list them.
    func merged() -> (lines: [MeasuredLine], areas: [MeasuredArea]) {
        let lines = Self.merge(lines, key: { "\($0.role)|\($0.asOf)|\($0.label)" }, claimIDs: \.claimIDs)
        let areas = Self.merge(areas, key: { "\($0.role)|\($0.asOf)|\($0.label)" }, claimIDs: \.claimIDs)
        return (
            lines.sorted { ($0.role, $0.asOf, $0.label) < ($1.role, $1.asOf, $1.label) },
            areas.sorted { ($0.role, $0.asOf, $0.label) < ($1.role, $1.asOf, $1.label) }
        )
    }

    private static func merge<T>(_ items: [T], key: (T) -> String, claimIDs: WritableKeyPath<T, [String]>) -> [T] {
        var merged: [String: T] = [:]
        for item in items {
            let k = key(item)
            if var known = merged[k] {
                known[keyPath: claimIDs] = Array(Set(known[keyPath: claimIDs] + item[keyPath: claimIDs])).sorted()
                merged[k] = known
            } else {
                merged[k] = item
            }
        }
        return Array(merged.values)
    }
}
