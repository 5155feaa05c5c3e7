import Foundation
import SalientCore

/// The layers QGIS's Temporal Controller animates, and the daily series, built from a run of
/// daily estimates.
///
/// In `control-timeline.geojson` each feature is one state of one tier: a polygon with the
/// events behind it, valid from `start_date` (included) to `end_date` (excluded), `end_date`
/// null while the state still holds on the last day (QGIS reads a null end as open-ended).
/// A day that changes neither a tier's polygon nor the events behind it adds nothing.
public enum TemporalLayers {
    /// The properties of a daily control feature that one state of the temporal layer keeps,
    /// in the control layer's order: what describes the state itself, not the day it is seen
    /// on (`as_of_date`) nor what changes without changing it (unmapped events); the temporal
    /// layer adds `start_date` and `end_date` after `tier`.
    public static let stateKeys: Set<String> = [
        "tier", "area_km2", "depth_km", "settlement_count", "event_count", "events", "sources",
        "source_urls", "method", "projection", "timeline",
    ]

    static func stateProperties(of control: GeoJSONFeature) -> [(String, JSONValue)] {
        control.properties.filter { stateKeys.contains($0.0) }
    }

    /// A tier's state in the temporal layer (`stateKeys`) as text: its
    /// properties' members and its geometry, serialized once. Two states are the same when
    /// these texts are.
    public struct StateText: Sendable, Equatable {
        var members: [String]
        var properties: String
        var geometry: String
        public var isEmpty: Bool

        public init(members: [String], geometry: String, isEmpty: Bool) {
            self.members = members
            properties = FeatureLayout.object(members)
            self.geometry = geometry
            self.isEmpty = isEmpty
        }

        public static func == (lhs: StateText, rhs: StateText) -> Bool {
            lhs.geometry == rhs.geometry && lhs.properties == rhs.properties
        }
    }

    /// One feature of `control-timeline.geojson`: a tier's state with its validity interval.
    public static func controlTimelineLine(_ state: StateText, start: CalendarDay, end: CalendarDay?) -> String {
        typealias Layout = FeatureLayout
        var members = state.members
        let end: JSONValue = end.map { .string($0.description) } ?? .null
        members.insert(
            contentsOf: [
                Layout.member(("start_date", .string(start.description))),
                Layout.member(("end_date", end)),
            ], at: 1)
        return Layout.feature(members: members, geometry: state.geometry)
    }

    /// One line of the daily series.
    public struct SeriesRow {
        var day: CalendarDay
        var controlledKm2: Double
        var contestedKm2: Double
        var settlementsControlled: Int
        var settlementsContested: Int
        var depthKm: Double
        var eventsOnDay: Int
        var eventsToDate: Int
        var sourcesToDate: Int
        /// The day's range, written only by a run that asks for it (`snapshots --bounds`).
        var range: SeriesRange?

        public init(
            day: CalendarDay, controlledKm2: Double, contestedKm2: Double, settlementsControlled: Int,
            settlementsContested: Int, depthKm: Double, eventsOnDay: Int, eventsToDate: Int, sourcesToDate: Int,
            range: SeriesRange? = nil
        ) {
            self.day = day
            self.controlledKm2 = controlledKm2
            self.contestedKm2 = contestedKm2
            self.settlementsControlled = settlementsControlled
            self.settlementsContested = settlementsContested
            self.depthKm = depthKm
            self.eventsOnDay = eventsOnDay
            self.eventsToDate = eventsToDate
            self.sourcesToDate = sourcesToDate
            self.range = range
        }

        public static let columns = [
            "date", "controlled_km2", "contested_km2", "estimate_km2", "settlements_controlled",
            "settlements_contested", "depth_km", "events_on_day", "events_to_date", "sources_to_date",
        ]

        /// The columns of a series with (`bounds`) or without the range.
        public static func columns(bounds: Bool) -> [String] {
            bounds ? columns + SeriesRange.columns : columns
        }

        var values: [JSONValue] {
            [
                .string(day.description), .number(controlledKm2, decimals: 3), .number(contestedKm2, decimals: 3),
                .number(controlledKm2 + contestedKm2, decimals: 3), .integer(settlementsControlled),
                .integer(settlementsContested),
                .number(depthKm, decimals: 3), .integer(eventsOnDay), .integer(eventsToDate), .integer(sourcesToDate),
            ] + (range?.values ?? [])
        }

        public var csv: String {
            values.map { value in
                if case .string(let s) = value { return s }
                return value.serialized
            }.joined(separator: ",")
        }

        public var json: String {
            JSONValue.object(Array(zip(Self.columns(bounds: range != nil), values))).serialized
        }
    }

    /// A day's range in the series: the certain ground of a claim of held ground, that of a
    /// claim that counts the grey zone, and everything the reports do not contradict, km².
    public struct SeriesRange {
        var lowerKm2: Double
        var lowerWithContestedKm2: Double
        var upperKm2: Double

        public init(lowerKm2: Double, lowerWithContestedKm2: Double, upperKm2: Double) {
            self.lowerKm2 = lowerKm2
            self.lowerWithContestedKm2 = lowerWithContestedKm2
            self.upperKm2 = upperKm2
        }

        /// The range of an estimate made with bounds; nil for one made without.
        public init?(_ estimate: ControlEstimate) {
            guard let lower = estimate.lowerBound, let reported = estimate.reportedBound,
                let upper = estimate.upperBound
            else { return nil }
            self.init(
                lowerKm2: lower.areaSquareKilometers, lowerWithContestedKm2: reported.areaSquareKilometers,
                upperKm2: upper.areaSquareKilometers)
        }

        static let columns = ["lower_km2", "lower_with_contested_km2", "upper_km2"]

        var values: [JSONValue] {
            [
                .number(lowerKm2, decimals: 3), .number(lowerWithContestedKm2, decimals: 3),
                .number(upperKm2, decimals: 3),
            ]
        }
    }
}
