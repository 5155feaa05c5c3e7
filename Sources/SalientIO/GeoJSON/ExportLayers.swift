import Foundation
import SalientCore

/// Turns the timeline and its estimate into the features of the exported layers.
///
/// Dates are plain `YYYY-MM-DD` strings, which GDAL types as Date. Validity intervals are
/// half-open: `end_date` is the day after the last day, matching QGIS's default exclusive
/// end. Only the interval fields contain "start"/"end", so QGIS's Temporal Controller
/// proposes exactly them; other date fields avoid the words it looks for.
public enum ExportLayers {
    /// One Point per event. With `asOf`, only the events that may have begun by that day,
    /// each with its age in days (a daily snapshot); without, every event.
    public static func events(
        _ timeline: Timeline, gazetteer: Gazetteer, estimate: ControlEstimate,
        asOf day: CalendarDay? = nil, sources index: SourceIndex
    ) -> [GeoJSONFeature] {
        var features: [GeoJSONFeature] = []
        forEachEvent(timeline, gazetteer: gazetteer, estimate: estimate, asOf: day, sources: index) {
            features.append($0)
        }
        return features
    }

    /// `events`, one feature at a time, in the layer's order (by start day, then id).
    public static func forEachEvent(
        _ timeline: Timeline, gazetteer: Gazetteer, estimate: ControlEstimate,
        asOf day: CalendarDay? = nil, sources index: SourceIndex, _ body: (GeoJSONFeature) throws -> Void
    ) rethrows {
        let tiers = Dictionary(
            estimate.tiers.flatMap { area in area.eventIDs.map { ($0, area.tier) } },
            uniquingKeysWith: { first, _ in first })
        let parameters = timeline.estimate
        let events = timeline.events
        let shown = events.indices.filter { i in day.map { events[i].date.start <= $0 } ?? true }
        for i in shown.sorted(by: { (events[$0].date.start, events[$0].id) < (events[$1].date.start, events[$1].id) }) {
            let event = events[i]
            var properties =
                eventHead(event, gazetteer: gazetteer, sources: index)
                + eventEstimate(event, tier: tiers[event.id], parameters: parameters)
            if let day { properties += DailyEventsLayer.tail(event, on: day) }
            try body(GeoJSONFeature(properties: properties, geometry: GeoJSONWriter.point(event.position)))
        }
    }

    /// An event's properties that no estimate changes, the head of every events layer.
    static func eventHead(_ event: Event, gazetteer: Gazetteer, sources index: SourceIndex) -> [(String, JSONValue)] {
        let cited = CitedSources(event.sourceIDs, index)
        // Read in place, field by field: a copy of the place would retain its ten strings and arrays.
        let place = event.placeID.flatMap(gazetteer.index(ofPlace:))
        let coordinateSource =
            place.map { "\(gazetteer.places[$0].provenance.source) \(gazetteer.places[$0].provenance.sourceID)" }
            ?? "timeline coordinates"
        return [
            ("id", .string(event.id)),
            ("kind", .string(event.kind.rawValue)),
            ("actor", .string(event.actor)),
            ("place_id", .string(event.placeID ?? "")),
            ("place_name", .string(event.placeName)),
            ("location_precision", .string(event.locationPrecision.rawValue)),
            ("start_date", .string(event.date.start.description)),
            ("end_date", .string(event.date.end.adding(days: 1).description)),
            ("date_precision", .string(event.date.precision.rawValue)),
            ("date_note", .string(event.dateNote)),
            ("summary", .string(event.summary)),
            ("sources", .string(joined(event.sourceIDs))),
            ("source_urls", .string(joined(cited.urls))),
            ("outlets", .string(joined(cited.outlets))),
            ("source_files", .string(joined(cited.files))),
            ("published_date", .string(cited.firstPublished?.description ?? "")),
            ("coordinate_source", .string(coordinateSource)),
            ("coordinate_licence", .string(place.map { gazetteer.places[$0].provenance.licence } ?? "")),
            (
                "coordinate_uncertainty_m",
                .number(place.map { gazetteer.places[$0].provenance.uncertaintyMeters } ?? 0, decimals: 0)
            ),
        ]
    }

    /// What an event's sources say of themselves, in their order, each looked up once. A
    /// source with no URL or file is left out of those lists; an unknown id of all.
    private struct CitedSources {
        var urls: [String] = []
        var outlets: [String] = []
        var files: [String] = []
        var firstPublished: CalendarDay?

        init(_ ids: [String], _ index: SourceIndex) {
            for id in ids {
                guard let source = index.source(id: id) else { continue }
                outlets.append(source.outlet)
                if !source.url.isEmpty { urls.append(source.url) }
                if !source.file.isEmpty { files.append(source.file) }
                firstPublished = min(firstPublished ?? source.published.start, source.published.start)
            }
        }
    }

    /// `parts` "; "-joined; one part is returned as it is, not copied.
    private static func joined(_ parts: [String]) -> String {
        parts.count == 1 ? parts[0] : parts.joined(separator: "; ")
    }

    /// The URLs of the sources named, in their order, "; "-joined as `sources` is; a source with
    /// no `url` is left out (as `source_files` leaves out a source with no file), so the text is
    /// "" when none has one, never a run of empty entries.
    static func sourceURLs(_ ids: [String], _ index: SourceIndex) -> String {
        joined(ids.compactMap(index.url(id:)))
    }

    /// What the estimate says of an event, after the head: the tier it feeds (nil: none) and its radius.
    static func eventEstimate(
        _ event: Event, tier: ControlTier?,
        parameters: EstimateParameters
    ) -> [(String, JSONValue)] {
        let ground = tier == nil ? nil : GroundEvent(event, parameters: parameters)
        let radius = (ground?.radiusMeters ?? 0) / 1000
        return [
            ("estimate_tier", .string(tier?.rawValue ?? "none")),
            ("estimate_radius_km", .number(radius, decimals: 3)),
        ]
    }

    /// One MultiPolygon per tier: the estimate as of its day, what shaped it, and how it was measured.
    public static func control(_ timeline: Timeline, estimate: ControlEstimate, sources: SourceIndex? = nil)
        -> [GeoJSONFeature]
    {
        zip(estimate.tiers, controlProperties(timeline, estimate: estimate, sources: sources)).map { area, properties in
            GeoJSONFeature(properties: properties, geometry: controlGeometry(area))
        }
    }

    /// The properties of each tier's feature, in the order of `estimate.tiers`. `sources` is
    /// the timeline's index, for callers that make it once for many days.
    public static func controlProperties(
        _ timeline: Timeline, estimate: ControlEstimate, sources: SourceIndex? = nil
    ) -> [[(String, JSONValue)]] {
        let index = sources ?? SourceIndex(timeline)
        let unmapped = unmappedText(estimate)
        return estimate.tiers.map { area in
            controlHead(area, estimate: estimate) + controlLists(area, unmapped: unmapped, sources: index)
                + controlTail(timeline, estimate: estimate)
        }
    }

    /// A tier's properties before its lists: what it is and what it measures.
    static func controlHead(_ area: ControlArea, estimate: ControlEstimate) -> [(String, JSONValue)] {
        [
            ("tier", .string(area.tier.rawValue)),
            ("as_of_date", .string(estimate.asOf.description)),
            ("area_km2", .number(area.areaSquareKilometers, decimals: 3)),
            ("area_method", .string("geodesic on WGS 84 (PROJ geod_polygonarea)")),
            ("depth_km", .number(area.depthKilometers, decimals: 3)),
        ]
    }

    /// A tier's lists (settlements, events, sources and their URLs, the events not drawn) and
    /// their counts: the properties that grow with a long timeline.
    static func controlLists(_ area: ControlArea, unmapped: String, sources index: SourceIndex)
        -> [(String, JSONValue)]
    {
        [
            ("settlement_count", .integer(area.settlementIDs.count)),
            ("settlements", .string(area.settlementIDs.joined(separator: "; "))),
            ("event_count", .integer(area.eventIDs.count)),
            ("events", .string(area.eventIDs.joined(separator: "; "))),
            ("sources", .string(area.sourceIDs.joined(separator: "; "))),
            ("source_urls", .string(sourceURLs(area.sourceIDs, index))),
            ("unmapped_events", .string(unmapped)),
        ]
    }

    /// A tier's properties after its lists: how it was made.
    static func controlTail(_ timeline: Timeline, estimate: ControlEstimate) -> [(String, JSONValue)] {
        [
            ("method", .string(timeline.estimate.summary)),
            ("projection", .string(estimate.projection)),
            ("timeline", .string(timeline.id)),
        ]
    }

    static func unmappedText(_ estimate: ControlEstimate) -> String {
        estimate.unmapped.map { "\($0.eventID): \($0.reason)" }.joined(separator: "; ")
    }

    /// A tier's geometry: the estimator leaves it as RFC 7946 wants it written (split at the
    /// antimeridian, snapped to the output grid, valid as written).
    public static func controlGeometry(_ area: ControlArea) -> JSONValue {
        GeoJSONWriter.multiPolygon(area.geometry)
    }

    /// `controlGeometry(area).serialized`, printed straight into text.
    public static func controlGeometryText(_ area: ControlArea) -> String {
        GeoJSONWriter.multiPolygonText(area.geometry)
    }
}
