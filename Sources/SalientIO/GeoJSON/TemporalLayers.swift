import Foundation
import SalientCore

/// The layers QGIS's Temporal Controller animates, and the daily series, built from a run of
/// daily estimates.
///
/// In `control-timeline.geojson` each feature is one state of one tier: a polygon with the
/// events behind it, valid from `start_date` (included) to `end_date` (excluded), `end_date`
/// null while the state still holds on the last day (QGIS reads a null end as open-ended).
/// A day that changes neither a tier's polygon nor the events behind it adds nothing.
enum TemporalLayers {
    /// One tier's state on a day, as the temporal layer and the daily files print it.
    struct TierState: Equatable {
        /// Every property but the validity dates, in output order.
        var properties: [(String, JSONValue)]
        var geometry: JSONValue
        var isEmpty: Bool

        static func == (lhs: TierState, rhs: TierState) -> Bool {
            lhs.geometry == rhs.geometry && JSONValue.object(lhs.properties) == JSONValue.object(rhs.properties)
        }

        init(_ area: ControlArea, timeline: Timeline, estimate: ControlEstimate, geometry: JSONValue) {
            let eventsByID = Dictionary(timeline.events.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
            let sources = Set(area.eventIDs.flatMap { eventsByID[$0]?.sourceIDs ?? [] }).sorted()
            properties = [
                ("tier", .string(area.tier.rawValue)),
                ("area_km2", .number(area.areaSquareKilometers, decimals: 3)),
                ("depth_km", .number(area.depthKilometers, decimals: 3)),
                ("settlement_count", .integer(area.settlementIDs.count)),
                ("event_count", .integer(area.eventIDs.count)),
                ("events", .string(area.eventIDs.joined(separator: "; "))),
                ("sources", .string(sources.joined(separator: "; "))),
                ("method", .string(timeline.estimate.summary)),
                ("projection", .string(estimate.projection)),
                ("timeline", .string(timeline.id)),
            ]
            self.geometry = geometry
            isEmpty = area.geometry.isEmpty
        }
    }

    /// Follows each tier from day to day and writes a feature whenever a state ends.
    final class ControlTimeline {
        private let writer: StreamingFeatureWriter
        private var open: [ControlTier: (state: TierState, since: CalendarDay)] = [:]

        init(path: String) throws {
            writer = try StreamingFeatureWriter(path: path, name: "control-timeline")
        }

        func observe(_ tier: ControlTier, _ state: TierState, on day: CalendarDay) throws {
            if let current = open[tier], current.state == state { return }
            try close(tier, on: day)
            open[tier] = (state, day)
        }

        /// Ends the open state of a tier on `day` (excluded), or leaves it open-ended when nil.
        private func close(_ tier: ControlTier, on day: CalendarDay?) throws {
            guard let (state, since) = open[tier], !state.isEmpty else { return }
            let dates: [(String, JSONValue)] = [("start_date", .string(since.description)),
                                               ("end_date", day.map { .string($0.description) } ?? .null)]
            var properties = state.properties
            properties.insert(contentsOf: dates, at: 1)
            try writer.write(GeoJSONFeature(properties: properties, geometry: state.geometry))
        }

        func finish() throws {
            for tier in ControlTier.allCases { try close(tier, on: nil) }
            try writer.finish()
        }

        var featureCount: Int { writer.count }
    }

    /// One line of the daily series.
    struct SeriesRow {
        var day: CalendarDay
        var controlledKm2: Double
        var contestedKm2: Double
        var settlementsControlled: Int
        var settlementsContested: Int
        var depthKm: Double
        var eventsOnDay: Int
        var eventsToDate: Int
        var sourcesToDate: Int

        static let columns = ["date", "controlled_km2", "contested_km2", "estimate_km2", "settlements_controlled",
                              "settlements_contested", "depth_km", "events_on_day", "events_to_date", "sources_to_date"]

        var values: [JSONValue] {
            [.string(day.description), .number(controlledKm2, decimals: 3), .number(contestedKm2, decimals: 3),
             .number(controlledKm2 + contestedKm2, decimals: 3), .integer(settlementsControlled), .integer(settlementsContested),
             .number(depthKm, decimals: 3), .integer(eventsOnDay), .integer(eventsToDate), .integer(sourcesToDate)]
        }

        var csv: String {
            values.map { value in
                if case .string(let s) = value { return s }
                return value.serialized
            }.joined(separator: ",")
        }

        var json: String {
            JSONValue.object(Array(zip(Self.columns, values))).serialized
        }
    }
}
