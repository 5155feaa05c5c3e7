import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// The page as text: self-contained, safe with hostile text, the same bytes for the same inputs.
/// `SnapshotTests` opens the Kursk page in headless Chromium.
@Suite struct TimeSliderPageTests {
    static let leaflet = LeafletAssets(script: "/* leaflet */", styleSheet: "/* leaflet.css */")

    static func page(title: String = "Test", summary: String = "held") -> TimeSliderPage {
        let tiers = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"tier": "controlled", "start_date": "2024-08-01", "end_date": null}, \
            "geometry": {"type": "MultiPolygon", "coordinates": [[[[30, 50], [30.1, 50], [30.1, 50.1], [30, 50]]]]}}
            ]}
            """
        let events = """
            {"type": "FeatureCollection", "features": [
            {"type": "Feature", "properties": {"id": "e", "summary": "\(summary)", "start_date": "2024-08-01", \
            "end_date": "2024-08-02", "sources": "s"}, "geometry": {"type": "Point", "coordinates": [30, 50]}}
            ]}
            """
        return TimeSliderPage(
            title: title, days: [CalendarDay("2024-08-01")!, CalendarDay("2024-08-02")!], controlTimeline: tiers,
            eventsTimeline: events, series: #"{"days": []}"#,
            sources: [
                Source(
                    id: "s", outlet: "Outlet", published: .day(CalendarDay("2024-08-02")!), file: "",
                    url: "https://example.org/a", description: "", note: "")
            ],
            check: nil, territory: [], border: nil, attribution: ["© OpenStreetMap contributors"],
            method: "hull")
    }

    @Test func thePageHoldsItsDataAndAsksForNothing() throws {
        let html = Self.page().html(leaflet: Self.leaflet)
        #expect(
            html.contains(
                #"content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:""#))
        #expect(html.contains("/* leaflet */") && html.contains("/* leaflet.css */"))
        #expect(html.contains(#""url": "https://example.org/a""#))
        // Nothing is loaded from elsewhere: no src or href attribute at all, no stylesheet link.
        for attribute in [" src=", " href=", "<link", "@import"] {
            #expect(!html.contains(attribute), "the page holds \(attribute)")
        }
    }

    @Test func hostileTextStaysText() throws {
        let html = Self.page(title: "<b>A&B</b>", summary: "</script><script>alert(1)</script>").html(
            leaflet: Self.leaflet)
        #expect(html.contains("<title>&lt;b&gt;A&amp;B&lt;/b&gt; — Salient</title>"))
        #expect(!html.contains("<b>A&B</b>"))
        // The data's script element ends where the page ends it, not inside a summary.
        #expect(html.components(separatedBy: "</script>").count == 4)
        #expect(html.contains(#"<\/script><script>alert(1)<\/script>"#))
    }

    @Test func theSameInputsGiveTheSameBytes() {
        #expect(Self.page().html(leaflet: Self.leaflet) == Self.page().html(leaflet: Self.leaflet))
    }

    @Test func missingLeafletNamesThePackage() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("no-leaflet-\(getpid())").path
        #expect(throws: MissingDependency.self) { try LeafletAssets.load(from: folder) }
        do {
            _ = try LeafletAssets.load(from: folder)
        } catch {
            #expect(
                "\(error)"
                    == "Leaflet not found at \(folder)/leaflet.js — install Debian's libjs-leaflet (apt-get install libjs-leaflet), or set SALIENT_LEAFLET_DIR"
            )
        }
    }

    @Test func debiansLeafletLoads() throws {
        let assets = try LeafletAssets.load()
        #expect(assets.script.contains("L.version") || assets.script.contains("version"))
        #expect(assets.styleSheet.contains(".leaflet-container"))
    }
}
