import Foundation
import SalientCore
import Testing

@testable import SalientIO

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The SVG's words as `class: text` pairs, read with an XML parser (so the file must be well formed).
final class SVGText: NSObject, XMLParserDelegate {
    var texts: [(role: String, text: String)] = []
    private var role: String?
    private var current = ""

    static func read(_ svg: String) -> [(role: String, text: String)]? {
        let reader = SVGText()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = reader
        return parser.parse() ? reader.texts : nil
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        if name == "text" {
            role = attributes["class"] ?? ""
            current = ""
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        if role != nil { current += string }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if name == "text", let role { texts.append((role, current)) }
        if name == "text" { role = nil }
    }
}

@Suite struct MapRendererTests {
    static func content(_ day: String) throws -> MapContent {
        let loaded = try TimelineReader.read(path: Paths.kursk)
        let estimator = try ControlAreaEstimator(
            timeline: loaded.timeline, gazetteer: loaded.gazetteer,
            geodesic: try Geodesic.wgs84())
        let estimate = try estimator.estimate(asOf: CalendarDay(day)!)
        return try MapContent.make(timeline: loaded.timeline, gazetteer: loaded.gazetteer, estimate: estimate)
    }

    @Test func svgCarriesLegendDateAndAttribution() throws {
        let svg = try MapRenderer.render(Self.content("2024-08-15"), width: 1200).svg
        let texts = try #require(SVGText.read(svg))
        let legend = texts.filter { $0.role == "legend" }.map(\.text)
        for entry in [
            "Legend", "Controlled by Ukraine: 71 km²", "Contested: 1,303 km²", "Advance reported",
            "Control reported", "Attack reported repelled",
        ] {
            #expect(legend.contains(entry), "legend lacks \(entry): \(legend)")
        }
        #expect(legend.contains { $0.hasPrefix("Border: ") })
        #expect(legend.contains("Outline: Kursk Oblast, Belgorod Oblast"))
        #expect(texts.contains { $0.role == "date" && $0.text == "Estimated control as of 15 August 2024" })
        let attribution = texts.filter { $0.role == "attribution" }.map(\.text).joined(separator: "\n")
        #expect(attribution.contains("© OpenStreetMap contributors (ODbL 1.0)"))
        #expect(attribution.contains("GeoNames (CC BY 4.0)"))
        #expect(attribution.contains("AFP"))
        #expect(texts.contains { $0.role == "method" && $0.text.hasPrefix("Method: radius by kind: city 4 km") })
        #expect(texts.contains { $0.role == "scale" && $0.text.hasSuffix(" km") })
        #expect(texts.contains { $0.role == "north" && $0.text == "N" })
        let labels = texts.filter { $0.role == "label" }.map(\.text)
        #expect(labels.contains("Sudzha") && labels.contains("Russkoye Porechnoye"), "\(labels)")
    }

    /// cairo numbers SVG surfaces process-wide; a day drawn after others must still be the same file.
    @Test func aDayDrawnAfterOthersIsTheSameSVG() throws {
        let day = try Self.content("2024-08-15")
        let alone = try MapRenderer.render(day, width: 1200).svg
        _ = try MapRenderer.render(Self.content("2024-08-06"), width: 1200)
        _ = try MapRenderer.render(Self.content("2024-08-10"), width: 1200)
        let after = try MapRenderer.render(day, width: 1200)
        #expect(after.svg == alone)
        #expect(try MapRenderer.render(day, width: 1200).png == after.png)
    }

    @Test func creditsFollowTheLicence() {
        func provenance(_ source: String, _ licence: String) -> Provenance {
            Provenance(source: source, sourceID: "", sourceURL: "", licence: licence, uncertaintyMeters: 0, note: "")
        }
        let osm = provenance("omim-data-borders 10.3.0rc2", "ODbL 1.0 (© OpenStreetMap contributors)")
        #expect(MapContent.credit(for: osm) == "© OpenStreetMap contributors (ODbL 1.0)")
        #expect(MapContent.credit(for: provenance("GeoNames cities500", "CC BY 4.0")) == "GeoNames (CC BY 4.0)")
        let derived = provenance("Derived from GeoNames 486816", "CC BY 4.0 (GeoNames); CC BY-SA 4.0 (Wikipedia text)")
        #expect(MapContent.credit(for: derived) == "GeoNames (CC BY 4.0)")
        let other = provenance("Natural Earth 5.1", "public domain")
        #expect(MapContent.credit(for: other) == "Natural Earth 5.1 (public domain)")
    }

    /// North is up at the projection's centre and tilts as the meridians converge away from it.
    @Test func northArrowFollowsTheMeridian() throws {
        let projection = LocalMetricProjection(center: LonLat(lon: 35, lat: 51))
        let east = try projection.planar([LonLat(lon: 37, lat: 51), LonLat(lon: 37, lat: 51.05)])
        let tilt = atan2(east[1].x - east[0].x, east[1].y - east[0].y) * 180 / .pi
        #expect(tilt < -1 && tilt > -2, "tilt \(tilt)°")  // about Δλ·sin φ = 2°·0.78
        #expect(LocalMetricProjection(definition: projection.definition) == projection)
        #expect(LocalMetricProjection(definition: "+proj=utm +zone=36 +datum=WGS84") == nil)
    }
}
