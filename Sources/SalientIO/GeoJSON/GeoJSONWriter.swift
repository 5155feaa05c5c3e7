import Foundation
import SalientCore

/// A JSON value whose objects keep their keys in the order written, so output is stable.
/// Not `indirect`: arrays and objects hold their values in array storage already, and an
/// indirect case boxes every value, a string or a number, on the heap.
public enum JSONValue: Equatable, Sendable {
    case string(String)
    case integer(Int)
    /// A real number printed with at most `decimals` decimals, trailing zeros trimmed.
    case number(Double, decimals: Int)
    case bool(Bool)
    case null
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized == rhs.serialized
    }

    public var serialized: String {
        var out: [UInt8] = []
        write(to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    func write(to out: inout String) {
        out += serialized
    }

    /// The value's JSON appended as UTF-8: layers are laid out in bytes, not strings, because
    /// each small append to a string cost more than the bytes it added (Benchmarks/README.md).
    func write(to out: inout [UInt8]) {
        switch self {
        case .string(let s): JSONValue.quote(s, into: &out)
        case .integer(let i): out.append(contentsOf: String(i).utf8)
        case .number(let v, let decimals): JSONValue.append(v, decimals: decimals, to: &out)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(contentsOf: ", ".utf8) }
                item.write(to: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members): JSONValue.writeObject(members, to: &out)
        }
    }

    static func writeObject(_ members: [(String, JSONValue)], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        writeMembers(members, to: &out)
        out.append(UInt8(ascii: "}"))
    }

    /// An object's members, `"key": value` joined by ", ", without the braces.
    static func writeMembers(_ members: [(String, JSONValue)], to out: inout [UInt8]) {
        for (i, (key, value)) in members.enumerated() {
            if i > 0 { out.append(contentsOf: ", ".utf8) }
            JSONValue.quote(key, into: &out)
            out.append(contentsOf: ": ".utf8)
            value.write(to: &out)
        }
    }

    /// Fixed decimals, trailing zeros trimmed, never "-0" and never an exponent: C's `%.*f`
    /// trimmed. Most numbers (coordinates, areas) are printed from their rounded integer
    /// `value × 10^decimals`, the same digits at a fraction of the cost; the rest, and any
    /// whose rounding the product leaves in doubt, go through C.
    public static func format(_ value: Double, decimals: Int) -> String {
        guard let units = fixedPointUnits(value, decimals: decimals) else {
            return formatWithC(value, decimals: decimals)
        }
        return withFixedPoint(units, decimals: decimals) { String(decoding: $0, as: UTF8.self) }
    }

    /// `format(value, decimals:)` appended to `out` as UTF-8, without a string between.
    static func append(_ value: Double, decimals: Int, to out: inout [UInt8]) {
        guard let units = fixedPointUnits(value, decimals: decimals) else {
            out.append(contentsOf: formatWithC(value, decimals: decimals).utf8)
            return
        }
        withFixedPoint(units, decimals: decimals) { out.append(contentsOf: $0) }
    }

    /// `value × 10^decimals` rounded, when that integer is certainly the correctly rounded one.
    private static func fixedPointUnits(_ value: Double, decimals: Int) -> Int? {
        precondition(value.isFinite, "non-finite numbers have no JSON form")
        precondition((0...20).contains(decimals), "at most 20 decimals")
        guard decimals <= 9 else { return nil }
        let scaled = value * powersOfTen[decimals]
        // Below 2^30 the product is within 1.2e-7 of value × 10^decimals, so rounding it
        // gives the correctly rounded integer unless it lies that close to a half.
        guard abs(scaled) < 1_000_000_000, abs(abs(scaled - scaled.rounded(.towardZero)) - 0.5) > 1e-6 else {
            return nil
        }
        return Int(scaled.rounded())
    }

    private static let powersOfTen: [Double] = (0...9).map { pow(10, Double($0)) }

    /// Calls `body` with the digits of `units / 10^decimals` in fixed point, trailing zeros trimmed.
    private static func withFixedPoint<T>(_ units: Int, decimals: Int, _ body: (UnsafeBufferPointer<UInt8>) -> T)
        -> T
    {
        var magnitude = units.magnitude
        var fraction = units == 0 ? 0 : decimals
        while fraction > 0, magnitude % 10 == 0 {
            magnitude /= 10
            fraction -= 1
        }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { buffer in  // 19 digits, "0.", "-"
            var at = buffer.count
            for _ in 0..<fraction {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            }
            if fraction > 0 {
                at -= 1
                buffer[at] = UInt8(ascii: ".")
            }
            repeat {
                at -= 1
                buffer[at] = UInt8(ascii: "0") + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            if units < 0 {
                at -= 1
                buffer[at] = UInt8(ascii: "-")
            }
            return body(UnsafeBufferPointer(rebasing: buffer[at...]))
        }
    }

    /// C's `%.*f` (glibc prints the exactly rounded decimal), trimmed as `format` trims.
    static func formatWithC(_ value: Double, decimals: Int) -> String {
        // snprintf: the same digits as String(format:) without going through Foundation's
        // formatter for every coordinate. 352 bytes hold any finite double at 20 decimals.
        var text = withUnsafeTemporaryAllocation(of: CChar.self, capacity: 352) { buffer in
            let written = withVaList([Int32(decimals), value]) {
                vsnprintf(buffer.baseAddress!, buffer.count, "%.*f", $0)
            }
            precondition(written > 0 && written < buffer.count, "a number too long to print")
            return String(cString: buffer.baseAddress!)
        }
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    public static func quote(_ s: String, into out: inout String) {
        if !needsEscaping(s) {
            out += "\""
            out += s
            out += "\""
            return
        }
        var bytes: [UInt8] = []
        quote(s, into: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    static func quote(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        // Copied as contiguous bytes where the string has them (native strings do), not
        // through the UTF-8 view's iterator.
        let copied = s.utf8.withContiguousStorageIfAvailable { bytes in
            guard !bytes.contains(where: needsEscape) else { return false }
            out.append(contentsOf: bytes)
            return true
        }
        switch copied {
        case true?: break
        case nil where !s.utf8.contains(where: needsEscape): out.append(contentsOf: s.utf8)
        default:
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out.append(contentsOf: #"\""#.utf8)
                case "\\": out.append(contentsOf: #"\\"#.utf8)
                case "\n": out.append(contentsOf: #"\n"#.utf8)
                case "\r": out.append(contentsOf: #"\r"#.utf8)
                case "\t": out.append(contentsOf: #"\t"#.utf8)
                case _ where scalar.value < 0x20: out.append(contentsOf: String(format: "\\u%04x", scalar.value).utf8)
                default: out.append(contentsOf: scalar.utf8)
                }
            }
        }
        out.append(UInt8(ascii: "\""))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func needsEscaping(_ s: String) -> Bool {
        s.utf8.withContiguousStorageIfAvailable { $0.contains(where: needsEscape) }
            ?? s.utf8.contains(where: needsEscape)
    }
}

/// One GeoJSON feature: ordered properties and a geometry already in JSON form.
public struct GeoJSONFeature: Sendable {
    public var properties: [(String, JSONValue)]
    public var geometry: JSONValue

    public init(properties: [(String, JSONValue)], geometry: JSONValue) {
        self.properties = properties
        self.geometry = geometry
    }
}

/// Writes RFC 7946 FeatureCollections: lon/lat WGS 84 with no `crs` member, 6 decimals
/// (about 0.1 m), one feature per line so diffs stay readable, a `name` member that GDAL
/// and QGIS use as the layer name.
public enum GeoJSONWriter {
    public static let coordinateDecimals = OutputGrid.decimals

    public static func featureCollection(name: String, features: [GeoJSONFeature]) -> String {
        // One string grown in place: a string per feature, joined, cost a third of writing a
        // 200,000-event layer.
        var collection = CollectionText(name: name)
        for feature in features { collection.append(feature) }
        collection.finish()
        return String(decoding: collection.text, as: UTF8.self)
    }

    /// Streams a FeatureCollection to `file` with the bytes `featureCollection` would make:
    /// `features` hands over one feature at a time, and no feature or text of the whole layer
    /// is held (a million events made a 900 MB string).
    public static func writeFeatureCollection(
        name: String, to file: StreamingTextFile,
        features: ((GeoJSONFeature) throws -> Void) throws -> Void
    ) throws {
        var collection = CollectionText(name: name)
        try features { feature in
            collection.append(feature)
            if collection.text.count >= StreamingTextFile.callBytes {
                try collection.text.withUnsafeBytes { try file.write(bytes: $0) }
                collection.text.removeAll(keepingCapacity: true)
            }
        }
        collection.finish()
        try collection.text.withUnsafeBytes { try file.write(bytes: $0) }
    }

    /// A collection's text as its features are appended: the one layout both of the above use.
    private struct CollectionText {
        var text: [UInt8]
        private var keys: [String]?

        init(name: String) { text = Array(header(name: name).utf8) }

        mutating func append(_ feature: GeoJSONFeature) {
            if let keys {
                precondition(
                    feature.properties.count == keys.count && zip(feature.properties, keys).allSatisfy { $0.0 == $1 },
                    "every feature must carry the same keys")
                text.append(contentsOf: ",\n".utf8)
            } else {
                keys = feature.properties.map(\.0)
            }
            write(feature, to: &text)
        }

        mutating func finish() { text.append(contentsOf: footer(empty: keys == nil).utf8) }
    }

    /// A collection of feature lines laid out already, as one string grown in place.
    public static func featureCollection(name: String, lines: [String]) -> String {
        let head = header(name: name)
        let foot = footer(empty: lines.isEmpty)
        var out = ""
        out.reserveCapacity(
            head.utf8.count + lines.reduce(0) { $0 + $1.utf8.count } + 2 * max(0, lines.count - 1) + foot.utf8.count)
        out += head
        for (index, line) in lines.enumerated() {
            if index > 0 { out += ",\n" }
            out += line
        }
        out += foot
        return out
    }

    /// The text before the first feature; `line` and `footer` complete it, so a collection can
    /// be streamed to a file feature by feature with the same bytes as `featureCollection`.
    public static func header(name: String) -> String {
        var out = "{\n\"type\": \"FeatureCollection\",\n\"name\": "
        JSONValue.quote(name, into: &out)
        out += ",\n\"features\": [\n"
        return out
    }

    /// One feature on one line, without a separator.
    public static func line(_ feature: GeoJSONFeature) -> String {
        var out: [UInt8] = []
        write(feature, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ feature: GeoJSONFeature, to out: inout [UInt8]) {
        out.append(contentsOf: #"{"type": "Feature", "properties": "#.utf8)
        JSONValue.writeObject(feature.properties, to: &out)
        out.append(contentsOf: #", "geometry": "#.utf8)
        feature.geometry.write(to: &out)
        out.append(UInt8(ascii: "}"))
    }

    public static func footer(empty: Bool) -> String {
        empty ? "]\n}\n" : "\n]\n}\n"
    }

    static func position(_ p: LonLat) -> JSONValue {
        .array([.number(p.lon, decimals: coordinateDecimals), .number(p.lat, decimals: coordinateDecimals)])
    }

    public static func point(_ p: LonLat) -> JSONValue {
        .object([("type", .string("Point")), ("coordinates", position(p))])
    }

    /// A MultiPolygon whose rings are rounded to the output precision, with the repeated
    /// vertices rounding makes dropped; rings that collapse are left out.
    public static func multiPolygon(_ multi: MultiPolygon<LonLat>) -> JSONValue {
        let polygons: [JSONValue] = multi.polygons.compactMap { polygon in
            guard let exterior = roundedRing(polygon.exterior) else { return nil }
            return .array(([exterior] + polygon.holes.compactMap(roundedRing)).map { .array($0.map(position)) })
        }
        return .object([("type", .string("MultiPolygon")), ("coordinates", .array(polygons))])
    }

    /// `multiPolygon(multi).serialized`, printed straight into one string: a long snapshots
    /// run prints a tier's polygon of thousands of vertices on most days.
    public static func multiPolygonText(_ multi: MultiPolygon<LonLat>) -> String {
        var out: [UInt8] = []
        // About 20 bytes a vertex; the exact size is known only once printed.
        out.reserveCapacity(
            64 + 24 * multi.polygons.reduce(0) { $0 + $1.exterior.count + $1.holes.reduce(0) { $0 + $1.count } })
        out.append(contentsOf: #"{"type": "MultiPolygon", "coordinates": ["#.utf8)
        var printedPolygon = false
        for polygon in multi.polygons {
            guard let exterior = roundedRing(polygon.exterior) else { continue }
            if printedPolygon { out.append(contentsOf: ", ".utf8) }
            printedPolygon = true
            out.append(UInt8(ascii: "["))
            append(exterior, to: &out)
            for hole in polygon.holes {
                guard let hole = roundedRing(hole) else { continue }
                out.append(contentsOf: ", ".utf8)
                append(hole, to: &out)
            }
            out.append(UInt8(ascii: "]"))
        }
        out.append(contentsOf: "]}".utf8)
        return String(decoding: out, as: UTF8.self)
    }

    private static func append(_ ring: [LonLat], to out: inout [UInt8]) {
        out.append(UInt8(ascii: "["))
        for (index, p) in ring.enumerated() {
            if index > 0 { out.append(contentsOf: ", ".utf8) }
            out.append(UInt8(ascii: "["))
            JSONValue.append(p.lon, decimals: coordinateDecimals, to: &out)
            out.append(contentsOf: ", ".utf8)
            JSONValue.append(p.lat, decimals: coordinateDecimals, to: &out)
            out.append(UInt8(ascii: "]"))
        }
        out.append(UInt8(ascii: "]"))
    }

    public static func multiLineString(_ multi: MultiLineString<LonLat>) -> JSONValue {
        .object([
            ("type", .string("MultiLineString")), ("coordinates", .array(multi.lines.map { .array($0.map(position)) })),
        ])
    }

    /// A ring's vertices rounded to the output precision, repeats dropped; nil when it collapses.
    private static func roundedRing(_ ring: [LonLat]) -> [LonLat]? {
        let scale = pow(10.0, Double(coordinateDecimals))
        var points: [LonLat] = []
        points.reserveCapacity(ring.count)
        for p in ring {
            let r = LonLat(lon: (p.lon * scale).rounded() / scale, lat: (p.lat * scale).rounded() / scale)
            if points.last != r { points.append(r) }
        }
        guard points.count >= 4, points.first == points.last else { return nil }
        return points
    }
}
