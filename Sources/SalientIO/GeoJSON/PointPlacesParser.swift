import Foundation
import SalientCore

/// Reads a gazetteer file of Point places straight from its bytes, without building a YAML
/// tree of the whole file (Benchmarks/README.md, "Code written for speed"). It accepts only
/// what `GazetteerReader.place` accepts and answers nil for anything else (another geometry,
/// a key or value out of the ordinary, any doubt), so the reader then takes the tree path,
/// which checks everything and words the message: one set of rules, one set of messages.
struct PointPlacesParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var at = 0
    private var line = 1

    /// The places with the line each feature starts on, or nil to take the general path.
    static func parse(_ text: String) -> [(Place, Int?)]? {
        var text = text
        return text.withUTF8 { buffer in
            var parser = PointPlacesParser(bytes: buffer)
            return parser.collection()
        }
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    private enum Value {
        case string(String)
        case number(Double)
        case strings([String])
        case position(LonLat)
    }

    private mutating func collection() -> [(Place, Int?)]? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var places: [(Place, Int?)]?
        var keys: Set<String> = []
        repeat {
            guard let key = string(), keys.insert(key).inserted, expect(UInt8(ascii: ":")) else { return nil }
            switch key {
            case "type": guard string() == "FeatureCollection" else { return nil }
            case "name": guard string() != nil else { return nil }
            case "features":
                guard let features = features() else { return nil }
                places = features
            default: return nil
            }
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "}")), skipSpace() == nil, let places, places.count <= Limits.placesPerFile,
            keys.contains("type")
        else { return nil }
        return places
    }

    private mutating func features() -> [(Place, Int?)]? {
        guard expect(UInt8(ascii: "[")) else { return nil }
        var places: [(Place, Int?)] = []
        if expect(UInt8(ascii: "]")) { return places }
        repeat {
            _ = skipSpace()
            let start = line
            guard let place = feature() else { return nil }
            places.append((place, start))
        } while expect(UInt8(ascii: ","))
        return expect(UInt8(ascii: "]")) ? places : nil
    }

    private mutating func feature() -> Place? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var properties: [Value?]?
        var position: LonLat?
        var seen = KeySet()
        repeat {
            guard let key = key(in: Self.featureKeys), seen.insert(key), expect(UInt8(ascii: ":")) else { return nil }
            switch key {
            case 0: guard rawString().map({ $0.elementsEqual("Feature".utf8) }) == true else { return nil }
            case 1: properties = self.properties()
            default: position = point()
            }
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "}")), seen.contains(0), let properties, let position else { return nil }
        return place(properties, position)
    }

    /// The place `GazetteerReader.place` would build, or nil wherever it might refuse.
    private func place(_ slots: [Value?], _ position: LonLat) -> Place? {
        func p(_ key: String) -> Value? { slots[GazetteerReader.propertyKeys.firstIndex(of: key)!] }
        func text(_ key: String, required: Bool) -> String? {
            guard let value = p(key) else { return required ? nil : "" }
            guard case .string(let s) = value,
                s.utf8.count <= Limits.nameCharacters || s.unicodeScalars.count <= Limits.nameCharacters
                    || !Self.named.contains(key),
                !required || !(s.isEmpty || Self.isBlank(s))
            else { return nil }
            return s
        }
        guard let id = text("id", required: true), let name = text("name", required: true),
            let localName = text("name_local", required: false), let kindText = text("kind", required: true),
            let kind = PlaceKind(rawValue: kindText), let parent = text("parent", required: false),
            let country = text("country", required: false), let source = text("source", required: true),
            let sourceID = text("source_id", required: false), let sourceURL = text("source_url", required: false),
            let licence = text("licence", required: true), let note = text("note", required: false),
            id.utf8.allSatisfy({ $0 < 0x80 }) || !id.unicodeScalars.contains(where: Self.isControl)
        else { return nil }
        var aliases: [String] = []
        if let value = p("aliases") {
            guard case .strings(let list) = value,
                list.allSatisfy({
                    $0.utf8.count <= Limits.nameCharacters || $0.unicodeScalars.count <= Limits.nameCharacters
                })
            else { return nil }
            aliases = list
        }
        var uncertainty = 0.0
        if let value = p("uncertainty_m") {
            guard case .number(let n) = value, n >= 0, n.isFinite else { return nil }
            uncertainty = n
        }
        return Place(
            id: id, name: name, localName: localName, aliases: aliases, kind: kind, parent: parent,
            country: country,
            geometry: .point(position),
            provenance: Provenance(
                source: source, sourceID: sourceID, sourceURL: sourceURL, licence: licence,
                uncertaintyMeters: uncertainty, note: note))
    }

    private static let named: Set<String> = ["id", "name", "name_local"]

    /// `Fields.isBlank`, answered from the first byte when it is printable ASCII, as it is in
    /// almost every value: only tabs and Unicode spaces are blank.
    private static func isBlank(_ text: String) -> Bool {
        if let first = text.utf8.first, first > 0x20, first < 0x80 { return false }
        return Fields.isBlank(text)
    }

    /// What `NodeReader.refuseControlCharacters` refuses in an id.
    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}"
    }

    /// The properties by their index in `GazetteerReader.propertyKeys`: a slot each, no dictionary
    /// per feature; a key outside them, or one given twice, steps aside.
    private mutating func properties() -> [Value?]? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var result = [Value?](repeating: nil, count: Self.propertyKeys.count)
        if expect(UInt8(ascii: "}")) { return result }
        repeat {
            guard let slot = key(in: Self.propertyKeys), result[slot] == nil, expect(UInt8(ascii: ":")),
                let c = skipSpace()
            else { return nil }
            switch c {
            case UInt8(ascii: "\""):
                guard let s = string() else { return nil }
                result[slot] = .string(s)
            case UInt8(ascii: "["):
                guard let list = strings() else { return nil }
                result[slot] = .strings(list)
            default:
                guard let n = number() else { return nil }
                result[slot] = .number(n)
            }
        } while expect(UInt8(ascii: ","))
        return expect(UInt8(ascii: "}")) ? result : nil
    }

    private static let propertyKeys = GazetteerReader.propertyKeys.map { Array($0.utf8) }
    private static let featureKeys = ["type", "properties", "geometry"].map { Array($0.utf8) }
    private static let pointKeys = ["type", "coordinates"].map { Array($0.utf8) }

    /// Which keys of a small table an object has given, so that a repeated key steps aside.
    private struct KeySet {
        private var bits: UInt64 = 0
        mutating func insert(_ key: Int) -> Bool {
            defer { bits |= 1 << key }
            return bits & (1 << key) == 0
        }
        func contains(_ key: Int) -> Bool { bits & (1 << key) != 0 }
    }

    /// The index in `table` of the key that comes next, compared as bytes, with no `String`
    /// made or hashed for each of the file's millions of keys. Nil for a key outside the table,
    /// or one written with escapes.
    private mutating func key(in table: [[UInt8]]) -> Int? {
        guard let raw = rawString() else { return nil }
        return table.firstIndex { $0.count == raw.count && $0.elementsEqual(raw) }
    }

    private mutating func strings() -> [String]? {
        guard expect(UInt8(ascii: "[")) else { return nil }
        var list: [String] = []
        if expect(UInt8(ascii: "]")) { return list }
        repeat {
            guard let s = string() else { return nil }
            list.append(s)
        } while expect(UInt8(ascii: ","))
        return expect(UInt8(ascii: "]")) ? list : nil
    }

    /// `{"type": "Point", "coordinates": [lon, lat]}` (an altitude is allowed and dropped), in range.
    private mutating func point() -> LonLat? {
        guard expect(UInt8(ascii: "{")) else { return nil }
        var position: LonLat?
        var seen = KeySet()
        repeat {
            guard let key = key(in: Self.pointKeys), seen.insert(key), expect(UInt8(ascii: ":")) else { return nil }
            switch key {
            case 0: guard rawString().map({ $0.elementsEqual("Point".utf8) }) == true else { return nil }
            default:
                guard expect(UInt8(ascii: "[")) else { return nil }
                var numbers: [Double] = []
                repeat {
                    guard let n = number() else { return nil }
                    numbers.append(n)
                } while expect(UInt8(ascii: ","))
                guard expect(UInt8(ascii: "]")), numbers.count == 2 || numbers.count == 3 else { return nil }
                position = LonLat(lon: numbers[0], lat: numbers[1])
            }
        } while expect(UInt8(ascii: ","))
        guard expect(UInt8(ascii: "}")), seen.contains(0), let position, position.isValidPosition else {
            return nil
        }
        return position
    }

    /// Skips JSON whitespace, counting lines; the next byte, or nil at the end.
    private mutating func skipSpace() -> UInt8? {
        while at < bytes.count {
            switch bytes[at] {
            case UInt8(ascii: "\n"):
                line += 1
                at += 1
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"): at += 1
            default: return bytes[at]
            }
        }
        return nil
    }

    private mutating func expect(_ byte: UInt8) -> Bool {
        guard skipSpace() == byte else { return false }
        at += 1
        return true
    }

    /// A JSON string; nil for anything a YAML reader might read otherwise (a control character,
    /// an escape beyond the plain ones, invalid UTF-8).
    private mutating func string() -> String? {
        let (start, startLine) = (at, line)
        if let raw = rawString() {
            // The text is a Swift string, so valid UTF-8, and a slice between two ASCII quotes
            // cannot split a character: decoding cannot repair anything.
            return String(decoding: raw, as: UTF8.self)
        }
        (at, line) = (start, startLine)
        return escapedString()
    }

    /// The bytes of the next string when it holds no escape; nil otherwise, with the position
    /// anywhere (`string()` starts again from where it was).
    private mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        guard expect(UInt8(ascii: "\"")) else { return nil }
        let start = at
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") {
                at += 1
                return UnsafeBufferPointer(rebasing: bytes[start..<at - 1])
            }
            if b < 0x20 || b == 0x7F || b == UInt8(ascii: "\\") { return nil }
            at += 1
        }
        return nil
    }

    private mutating func escapedString() -> String? {
        guard expect(UInt8(ascii: "\"")) else { return nil }
        let start = at
        var plain = true
        while at < bytes.count {
            let b = bytes[at]
            if b == UInt8(ascii: "\"") { break }
            if b < 0x20 || b == 0x7F { return nil }
            if b == UInt8(ascii: "\\") {
                plain = false
                at += 1
            }
            at += 1
        }
        guard at < bytes.count else { return nil }
        let raw = UnsafeBufferPointer(rebasing: bytes[start..<at])
        at += 1
        return plain ? String(decoding: raw, as: UTF8.self) : unescaped(raw)
    }

    private func unescaped(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
        var out: [UInt8] = []
        var i = 0
        while i < raw.count {
            guard raw[i] == UInt8(ascii: "\\") else {
                out.append(raw[i])
                i += 1
                continue
            }
            guard i + 1 < raw.count else { return nil }
            switch raw[i + 1] {
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(raw[i + 1])
            default: return nil  // \n, \t, \u…: rare in a gazetteer; the general path reads them
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    private mutating func number() -> Double? {
        guard let first = skipSpace(),
            first == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first)
        else {
            return nil
        }
        let start = at
        while at < bytes.count, Self.numberBytes.contains(bytes[at]) { at += 1 }
        guard let value = Double(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<at]), as: UTF8.self)),
            value.isFinite
        else { return nil }
        return value
    }

    private static let numberBytes = Set("0123456789+-.eE".utf8)
}
