import Foundation
import SalientCore
import SalientTestSupport
import Testing

@testable import SalientIO

@Suite struct GeoJSONWriterTests {
    @Test(arguments: [
        (35.2710004, "35.271"), (-0.0000001, "0"), (51.0, "51"), (-33.123456789, "-33.123457"), (1e-7, "0"),
    ])
    func coordinatesHaveAtMostSixDecimals(value: Double, text: String) {
        #expect(JSONValue.format(value, decimals: 6) == text)
    }

    /// Numbers are printed from their scaled integer when that is safe; the digits must be C's
    /// `%.*f` in every case: random values at every scale, halves, values a hair either side
    /// of a half at the last decimal, negatives that round to zero, and the largest magnitudes.
    @Test(arguments: [0, 1, 2, 3, 6, 9, 12])
    func numbersPrintAsC(decimals: Int) {
        var generator = SystemRandomNumberGenerator()
        var values: [Double] = [
            0, -0.0, 0.5, -0.5, 1.5, 2.5, 0.125, 1e-7, -1e-7, 999_999_999.5, 1e9, -1e9, 1e15, 123456.0000005,
            179.9999995, -179.9999995, 35.2710004, 0.0000005, 1.0005, 2.675, 1e-12, .leastNonzeroMagnitude,
            .greatestFiniteMagnitude,
        ]
        let unit = pow(10, -Double(decimals))
        for _ in 0..<20_000 {
            let scale = pow(10, Double.random(in: -8...10, using: &generator))
            let value = Double.random(in: -scale...scale, using: &generator)
            let half = ((value / unit).rounded(.down) + 0.5) * unit
            values += [value, half, half.nextUp, half.nextDown, value.rounded()]
        }
        for value in values {
            #expect(
                JSONValue.format(value, decimals: decimals) == JSONValue.formatWithC(value, decimals: decimals),
                "\(value)")
        }
    }

    @Test func stringsAreEscaped() {
        #expect(JSONValue.string("a \"b\"\n\\ \u{1}").serialized == #""a \"b\"\n\\ \u0001""#)
        #expect(JSONValue.string("\t\r\u{1f} Суджа 🇺🇦").serialized == #""\t\r\u001f Суджа 🇺🇦""#)
    }

    /// Every control character, quote and backslash, beside ASCII, Cyrillic and emoji, alone and
    /// in generated strings: quoted into text and into bytes the same, with no raw control
    /// character left, and parsed back by Foundation to the string itself.
    @Test func everyEscapeParsesBack() throws {
        let specials = (0..<0x20).map { String(UnicodeScalar(UInt8($0))) } + ["\"", "\\", "/", "a", "ж", "🇺🇦"]
        var generator = SeededGenerator(seed: 7)
        var texts = specials + [specials.joined()]
        for _ in 0..<300 {
            texts.append(
                (0..<Int.random(in: 0...12, using: &generator)).map { _ in specials.randomElement(using: &generator)! }
                    .joined())
        }
        for text in texts {
            var quotedText = ""
            JSONValue.quote(text, into: &quotedText)
            var quotedBytes: [UInt8] = []
            JSONValue.quote(text, into: &quotedBytes)
            #expect(Array(quotedText.utf8) == quotedBytes)
            let parsed = try JSONSerialization.jsonObject(with: Data(quotedBytes), options: .fragmentsAllowed)
            #expect(parsed as? String == text, "\(quotedText)")
            #expect(!quotedText.unicodeScalars.contains { $0.value < 0x20 })
        }
    }

    @Test func propertiesKeepTheirOrder() {
        let feature = GeoJSONFeature(
            properties: [("z", .integer(1)), ("a", .string("x"))], geometry: GeoJSONWriter.point(LonLat(lon: 1, lat: 2))
        )
        #expect(
            GeoJSONWriter.featureCollection(name: "t", features: [feature]) == """
                {
                "type": "FeatureCollection",
                "name": "t",
                "features": [
                {"type": "Feature", "properties": {"z": 1, "a": "x"}, "geometry": {"type": "Point", "coordinates": [1, 2]}}
                ]
                }

                """)
    }

    /// Snapshots print each polygon once and put features together from the pieces; the result
    /// must be byte for byte what the writer gives for the whole feature.
    @Test func snapshotLayoutPrintsAsTheWriter() {
        let properties: [(String, JSONValue)] = [
            ("tier", .string("a \"b\"\n\u{1}é")), ("n", .number(-0.00001, decimals: 3)),
            ("i", .integer(-3)), ("z", .null), ("l", .array([.bool(true), .string("")])),
        ]
        let geometry = GeoJSONWriter.multiPolygon(
            MultiPolygon([
                Polygon(exterior: [
                    LonLat(lon: 179.9999994, lat: -1), LonLat(lon: 180, lat: -1), LonLat(lon: 180, lat: 0.5),
                    LonLat(lon: 179.9999994, lat: -1),
                ])
            ]))
        let layout = FeatureLayout.self
        let line = layout.feature(members: properties.map(layout.member), geometry: geometry.serialized)
        #expect(line == GeoJSONWriter.line(GeoJSONFeature(properties: properties, geometry: geometry)))
        #expect(layout.object(properties.map(layout.member)) == JSONValue.object(properties).serialized)
        #expect(layout.object([]) == JSONValue.object([]).serialized)
        #expect(
            layout.feature(members: [], geometry: "null")
                == GeoJSONWriter.line(GeoJSONFeature(properties: [], geometry: .null)))
        for count in [0, 1, 3] {
            let features = Array(repeating: GeoJSONFeature(properties: properties, geometry: geometry), count: count)
            #expect(
                GeoJSONWriter.featureCollection(name: "control \(count)", lines: features.map(GeoJSONWriter.line))
                    == GeoJSONWriter.featureCollection(name: "control \(count)", features: features))
        }
    }

    /// The polygon printed straight into text is the polygon's JSON value serialized, over
    /// generated MultiPolygons: rings that collapse or repeat vertices once rounded, holes,
    /// every sign of coordinate, values on the grid's half-steps, empty ones.
    @Test func printedMultiPolygonIsTheSerializedValue() {
        var generator = SeededGenerator(seed: 7_946)
        func ring(around centre: LonLat, size: Double) -> [LonLat] {
            let count = Int.random(in: 3...9, using: &generator)
            var points = (0..<count).map { _ in
                LonLat(
                    lon: centre.lon + Double.random(in: -size...size, using: &generator),
                    lat: centre.lat + Double.random(in: -size...size, using: &generator))
            }
            if Bool.random(using: &generator) { points.insert(points[0], at: 1) }
            return points + [points[0]]
        }
        var printed = 0
        for _ in 0..<2_000 {
            let polygons = (0..<Int.random(in: 0...3, using: &generator)).map { _ in
                let centre = LonLat(
                    lon: Double.random(in: -180...180, using: &generator).rounded() + 0.0000005,
                    lat: Double.random(in: -89...89, using: &generator))
                // Sizes from a few grid steps, which rounding collapses, to degrees.
                let size = [2e-6, 1e-3, 1.5].randomElement(using: &generator)!
                return Polygon(
                    exterior: ring(around: centre, size: size),
                    holes: (0..<Int.random(in: 0...2, using: &generator)).map { _ in
                        ring(around: centre, size: size / 4)
                    })
            }
            let multi = MultiPolygon(polygons)
            let text = GeoJSONWriter.multiPolygonText(multi)
            #expect(text == GeoJSONWriter.multiPolygon(multi).serialized, "\(polygons)")
            if text.contains("[[[") { printed += 1 }
        }
        #expect(printed > 1_000, "most generated polygons print at least one ring")
    }

    /// Rounding to the output precision must not leave repeated vertices or collapsed rings.
    @Test func roundingDropsRepeatsAndCollapsedRings() {
        let tiny = [
            LonLat(lon: 0, lat: 0), LonLat(lon: 1e-8, lat: 0), LonLat(lon: 0, lat: 1e-8), LonLat(lon: 0, lat: 0),
        ]
        let ring = [
            LonLat(lon: 0, lat: 0), LonLat(lon: 1, lat: 0), LonLat(lon: 1.0000001, lat: 0), LonLat(lon: 1, lat: 1),
            LonLat(lon: 0, lat: 0),
        ]
        let json = GeoJSONWriter.multiPolygon(MultiPolygon([Polygon(exterior: tiny), Polygon(exterior: ring)]))
            .serialized
        #expect(json == #"{"type": "MultiPolygon", "coordinates": [[[[0, 0], [1, 0], [1, 1], [0, 0]]]]}"#)
    }

    /// A layer streamed to a file is the same bytes as the one made as a string: empty, one
    /// feature, and enough features to be written in several calls of 128 KB.
    @Test(arguments: [0, 1, 2, 3_000])
    func aStreamedLayerIsTheSameBytesAsAStringOne(count: Int) throws {
        let features = (0..<count).map { i in
            GeoJSONFeature(
                properties: [("id", .string("ev-\(i)")), ("age_days", .number(Double(i), decimals: 0))],
                geometry: GeoJSONWriter.point(LonLat(lon: 35 + Double(i) / 1e4, lat: 51.2)))
        }
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("stream-\(UUID().uuidString)").path
        defer { unlink(path) }
        let file = try StreamingTextFile(path: path)
        try GeoJSONWriter.writeFeatureCollection(name: "events", to: file) { body in try features.forEach(body) }
        try file.close()
        let expected = GeoJSONWriter.featureCollection(name: "events", features: features)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == expected)
        #expect(file.digest == ContentDigest.of(file: path))
        if count == 3_000 { #expect(expected.utf8.count > 2 * StreamingTextFile.callBytes) }
    }
}
