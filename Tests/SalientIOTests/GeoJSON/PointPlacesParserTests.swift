import Foundation
import SalientCore
import Testing

@testable import SalientIO

/// The byte-level reader of Point places gives what the Yams path gives, or steps aside.
@Suite struct PointPlacesParserTests {
    static let files = [
        Paths.gazetteer + "/places.geojson",
        Paths.repository.appendingPathComponent("Tests/SalientCLITests/Fixtures/gazetteer/places.geojson").path,
        Paths.repository.appendingPathComponent("Tests/SalientCLITests/Fixtures/plausibility/gazetteer/places.geojson")
            .path,
    ]

    @Test(arguments: files)
    func givesWhatTheGeneralPathGives(path: String) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let fast = try #require(PointPlacesParser.parse(text))
        let general = try GazetteerReader.parseTree(text: text, file: path)
        #expect(fast.map(\.0) == general.map(\.0))
        #expect(fast.map(\.1) == general.map(\.1))
    }

    static let place = """
        {"type": "Feature", "properties": {"id": "a", "name": "A", "kind": "village", "source": "s", "licence": "CC0"}, \
        "geometry": {"type": "Point", "coordinates": [36, 51]}}
        """

    @Test func readsAPlainFile() throws {
        let places = try #require(
            PointPlacesParser.parse("{\"type\": \"FeatureCollection\", \"features\": [\n\(Self.place)\n]}"))
        #expect(places.map(\.0.id) == ["a"])
        #expect(places.map(\.1) == [2])
    }

    /// Each of these the general path refuses or reads in its own way, so the fast one must not answer.
    @Test(arguments: [
        Self.place.replacingOccurrences(of: "\"kind\": \"village\"", with: "\"kind\": \"hamlet\""),
        Self.place.replacingOccurrences(of: "[36, 51]", with: "[36, 151]"),
        Self.place.replacingOccurrences(of: "\"name\": \"A\"", with: "\"name\": \" \""),
        Self.place.replacingOccurrences(of: "\"name\": \"A\"", with: "\"name\": \"A\", \"name\": \"B\""),
        Self.place.replacingOccurrences(of: "\"name\": \"A\"", with: "\"name\": \"A\\u0041\""),
        Self.place.replacingOccurrences(of: "\"name\": \"A\"", with: "\"nome\": \"A\""),
        Self.place.replacingOccurrences(
            of: "\"licence\": \"CC0\"", with: "\"licence\": \"CC0\", \"uncertainty_m\": -1"),
        Self.place.replacingOccurrences(
            of: "\"Point\", \"coordinates\": [36, 51]",
            with: "\"LineString\", \"coordinates\": [[36, 51], [37, 51]]"),
        Self.place.replacingOccurrences(
            of: "\"name\": \"A\"", with: "\"name\": \"\(String(repeating: "A", count: 201))\""),
    ])
    func stepsAsideFromAnythingUnusual(feature: String) {
        #expect(PointPlacesParser.parse("{\"type\": \"FeatureCollection\", \"features\": [\(feature)]}") == nil)
    }
}
