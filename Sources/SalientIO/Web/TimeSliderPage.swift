import Foundation
import SalientCore

/// The offline time-slider page (`snapshots --html`): one self-contained `index.html` holding
/// Leaflet, the temporal layers as they were written, the timeline's sources and the check of
/// its claims. A day slider and a play button pick the day; the page shows that day's tiers,
/// the events to date (the day's own larger), each event's sources with their URLs, each tier's
/// figures and the claims' verdicts. Nothing is fetched: the data sit in the page, since a
/// `file://` page may not read the files beside it, and a content security policy refuses
/// every request.
public struct TimeSliderPage: Sendable {
    public var title: String
    public var days: [CalendarDay]
    /// `control-timeline.geojson` and `events-timeline.geojson` as written.
    public var controlTimeline: String
    public var eventsTimeline: String
    /// `series.json` as written.
    public var series: String
    public var sources: [Source]
    /// The check report as JSON (`check --format json`), or nil when the timeline has no claims.
    public var check: String?
    /// The territory's outline and the border, drawn under the tiers.
    public var territory: [MultiPolygon<LonLat>]
    public var border: MultiLineString<LonLat>?
    /// One line per data source the map draws on (© OpenStreetMap contributors, GeoNames…).
    public var attribution: [String]
    public var method: String

    public init(
        title: String, days: [CalendarDay], controlTimeline: String, eventsTimeline: String, series: String,
        sources: [Source], check: String?, territory: [MultiPolygon<LonLat>], border: MultiLineString<LonLat>?,
        attribution: [String], method: String
    ) {
        self.title = title
        self.days = days
        self.controlTimeline = controlTimeline
        self.eventsTimeline = eventsTimeline
        self.series = series
        self.sources = sources
        self.check = check
        self.territory = territory
        self.border = border
        self.attribution = attribution
        self.method = method
    }

    /// The page, byte for byte the same for the same inputs.
    public func html(leaflet: LeafletAssets) -> String {
        var page = Self.template
        for (placeholder, value) in [
            ("{{title}}", MarkupEscaping.escaped(title)),
            ("{{leaflet.css}}", leaflet.styleSheet),
            ("{{data}}", Self.scriptSafe(data)),
            ("{{leaflet.js}}", leaflet.script),
            ("{{app.js}}", Self.application),
        ] {
            page = page.replacingOccurrences(of: placeholder, with: value)
        }
        return page
    }

    /// Everything the page's script reads, in one JSON object; the written layers are spliced
    /// in as they are.
    var data: String {
        let sourceTable: [(String, JSONValue)] = sources.map { source in
            (
                source.id,
                .object([
                    ("outlet", .string(source.outlet)), ("published", .string(source.published.description)),
                    ("url", .string(source.url)),
                ])
            )
        }
        let members: [(String, String)] = [
            ("title", JSONValue.string(title).serialized),
            ("days", JSONValue.array(days.map { .string($0.description) }).serialized),
            ("tiers", controlTimeline), ("events", eventsTimeline), ("series", series),
            ("sources", JSONValue.object(sourceTable).serialized), ("check", check ?? "null"),
            ("outline", outline.serialized),
            ("attribution", JSONValue.array(attribution.map(JSONValue.string)).serialized),
            ("method", JSONValue.string(method).serialized), ("colours", colours.serialized),
        ]
        return "{" + members.map { JSONValue.string($0.0).serialized + ": " + $0.1 }.joined(separator: ",\n") + "}"
    }

    /// The territory and the border as a FeatureCollection, each feature with its `role`.
    private var outline: JSONValue {
        func feature(_ role: String, _ geometry: JSONValue) -> JSONValue {
            .object([
                ("type", .string("Feature")), ("properties", .object([("role", .string(role))])),
                ("geometry", geometry),
            ])
        }
        let features =
            territory.map { feature("territory", GeoJSONWriter.multiPolygon($0)) }
            + (border.map { [feature("border", GeoJSONWriter.multiLineString($0))] } ?? [])
        return .object([("type", .string("FeatureCollection")), ("features", .array(features))])
    }

    /// The pictures' palette (`MapPalette`), so the page and `render` agree.
    private var colours: JSONValue {
        .object([
            ("controlled", .string(MapPalette.controlled.hex)), ("contested", .string(MapPalette.contested.hex)),
            ("controlled_opacity", .number(MapPalette.controlledOpacity, decimals: 2)),
            ("contested_opacity", .number(MapPalette.contestedOpacity, decimals: 2)),
            ("territory", .string(MapPalette.territory.hex)),
            ("territory_outline", .string(MapPalette.territoryOutline.hex)),
            ("border", .string(MapPalette.border.hex)), ("ink", .string(MapPalette.ink.hex)),
        ])
    }

    /// JSON that may sit inside a `<script>` element: `</` would end it early, and `<\/` is the
    /// same string to a JSON reader.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "</", with: "<\\/")
    }
}
