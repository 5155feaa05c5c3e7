import Foundation
import SalientCore

/// Reads one file's YAML (or JSON) tree while remembering where each value was written, so
/// that every complaint names the file, the line and the field.
struct NodeReader {
    let file: String
    /// Values read so far, shared by every copy of this reader.
    private let budget = Budget()

    init(file: String) {
        self.file = file
    }

    /// Counts the values a file expands to. YAML aliases let a few lines stand for billions of
    /// values; the count stops a walk through them long before memory or time run out.
    final class Budget {
        var remaining = Limits.minimumValues
    }

    /// Parses text into a tree; syntax errors carry libyaml's line.
    func root(of text: String) throws -> YAMLNode {
        try refuseHostile(text)
        do {
            guard let node = try YAMLComposer.root(of: text) else {
                throw InputError("the file is empty", file: file, line: 1)
            }
            return node
        } catch let error as YAMLSyntaxError {
            throw inputError(error, in: text)
        }
    }

    /// Reads a root mapping key by key: `value` is given each key, the fields before it and
    /// the composer at the key's value, and returns the value to keep, composed or, for a list
    /// it reads item by item, a stand-in.
    func rootMapping(
        of text: String, value: (YAMLNode, Fields, YAMLComposer) throws -> YAMLNode
    ) throws -> Fields {
        try refuseHostile(text)
        do {
            let root = try YAMLComposer.withComposer(text: text) { composer -> Fields in
                guard try composer.beginDocument() else { throw InputError("the file is empty", file: file, line: 1) }
                let (event, line) = try composer.next()
                guard case .mappingStart = event else {
                    let node = try composer.compose(event, line: line)
                    throw InputError(
                        "expected a mapping of fields, found \(kindName(node))", file: file, line: node.line)
                }
                var pairs: [YAMLNode.Pair] = []
                var keys: Set<String> = []
                while true {
                    let (keyEvent, keyLine) = try composer.next()
                    if case .mappingEnd = keyEvent { break }
                    let key = try composer.compose(keyEvent, line: keyLine)
                    if let text = key.string, !keys.insert(text).inserted {
                        throw YAMLSyntaxError.duplicateKey(text, line: keyLine)
                    }
                    let before = Fields(reader: self, mapping: pairs, line: line, prefix: "")
                    pairs.append(YAMLNode.Pair(key: key, value: try value(key, before, composer)))
                }
                try composer.endDocument()
                try spend(pairs.count, at: YAMLNode(.mapping([]), line: line), field: nil)
                return Fields(reader: self, mapping: pairs, line: line, prefix: "")
            }
            return root
        } catch let error as YAMLSyntaxError {
            throw inputError(error, in: text)
        }
    }

    /// Refuses what would make composing overflow the stack or expand without bound, and sets
    /// the file's budget of values.
    private func refuseHostile(_ text: String) throws {
        try checkNesting(text)
        budget.remaining = max(Limits.minimumValues, text.utf8.count * Limits.valuesPerByte)
        // Without an anchor no alias can expand, so most files skip the walk.
        let hasAnchor =
            text.utf8.withContiguousStorageIfAvailable { bytes in
                bytes.baseAddress.map { memchr($0, Int32(UInt8(ascii: "&")), bytes.count) != nil } ?? false
            }
            ?? text.utf8.contains(UInt8(ascii: "&"))
        if hasAnchor,
            case .overBudget(let line, let field) = EventScanner(
                text: text, budget: budget.remaining,
                findDuplicateKeys: false
            ).scan()
        {
            throw InputError(
                "the file expands to more values than its size allows", file: file, line: line,
                field: field, hint: "YAML aliases that repeat large parts (an alias bomb) are refused")
        }
    }

    /// A syntax error as the user reads it: a duplicate key with its field and first line, a
    /// refused character with its own line.
    func inputError(_ error: YAMLSyntaxError, in text: String) -> InputError {
        switch error {
        case .reader(let problem):
            return readerError(problem, in: text)
        case .malformed(let message, let line):
            return InputError(message, file: file, line: line)
        case .duplicateKey(let key, let line):
            let scanner = EventScanner(text: text, budget: .max, findDuplicateKeys: true)
            if case .duplicateKey(let key, let line, let firstLine, let field) = scanner.scan() {
                return InputError(
                    "duplicate key '\(key)'", file: file, line: line, field: field,
                    hint: "first written on line \(firstLine); a key may appear once in a mapping")
            }
            return InputError("duplicate key '\(key)'", file: file, line: line)
        }
    }

    /// libyaml refuses raw control characters with an offset only: find the character, its line
    /// and the field written there (read from a copy with the character replaced).
    private func readerError(_ problem: String, in text: String) -> InputError {
        var line = 1
        var sanitized = String.UnicodeScalarView()
        var found: Unicode.Scalar?
        for scalar in text.unicodeScalars {
            if found == nil, Self.yamlForbids(scalar) {
                found = scalar
                sanitized.append("?")
                continue
            }
            if found == nil, scalar == "\n" { line += 1 }
            sanitized.append(scalar)
        }
        guard let found else { return InputError("unreadable text: \(problem)", file: file) }
        let code = "U+" + String(String(found.value, radix: 16, uppercase: true).paddingLeft(to: 4))
        return InputError(
            "the control character \(code) is not allowed in YAML or JSON text", file: file, line: line,
            field: EventScanner.field(onLine: line, of: String(sanitized)),
            hint: "remove it, or write it as an escape such as \\t inside double quotes")
    }

    /// What libyaml's reader refuses: C0 controls but tab and line breaks, DEL, C1 controls but
    /// NEL, and the noncharacters U+FFFE and U+FFFF.
    private static func yamlForbids(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D, 0x85: return false
        case 0..<0x20, 0x7F...0x9F, 0xFFFE, 0xFFFF: return true
        default: return false
        }
    }

    /// Refuses deep nesting before the parser, which recurses once per level, can overflow its
    /// stack. Counts flow brackets (inside strings too, so it can only over-count) and block
    /// indentation.
    private func checkNesting(_ text: String) throws {
        let tooDeep =
            text.utf8.withContiguousStorageIfAvailable(Self.lineNestedTooDeep)
            ?? Array(text.utf8).withUnsafeBufferPointer(Self.lineNestedTooDeep)
        guard let line = tooDeep else { return }
        throw InputError(
            "nested more than \(Limits.nesting) levels deep", file: file, line: line,
            hint: "timelines need 4 levels and GeoJSON 6; the file is malformed or hostile")
    }

    /// The first line nested deeper than `Limits.nesting`, by brackets or by indentation.
    private static func lineNestedTooDeep(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var depth = 0
        var line = 1
        var column = 0
        var atLineStart = true
        for byte in bytes {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 0
                atLineStart = true
                continue
            }
            if atLineStart, byte == UInt8(ascii: " ") || byte == UInt8(ascii: "-") {
                column += 1
                continue
            }
            atLineStart = false
            if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                depth += 1
            } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                depth = max(0, depth - 1)
            }
            if depth > Limits.nesting || column / 2 > Limits.nesting { return line }
        }
        return nil
    }

    /// Charges `count` values to the file's budget.
    func spend(_ count: Int, at node: YAMLNode, field: String?) throws {
        budget.remaining -= count
        if budget.remaining < 0 {
            throw InputError(
                "the file expands to more values than its size allows", file: file, line: node.line,
                field: field, hint: "YAML aliases that repeat large parts (an alias bomb) are refused")
        }
    }

    func mapping(_ node: YAMLNode, field: String?) throws -> Fields {
        guard let mapping = node.mapping else {
            throw InputError(
                "expected a mapping of fields, found \(kindName(node))", file: file, line: node.line, field: field
            )
        }
        try spend(mapping.count, at: node, field: field)
        return Fields(reader: self, mapping: mapping, line: node.line, prefix: field.map { $0 + "." } ?? "")
    }

    func sequence(_ node: YAMLNode, field: String) throws -> [YAMLNode] {
        guard let sequence = node.sequence else {
            throw InputError(
                "expected a list, found \(kindName(node))", file: file, line: node.line, field: field)
        }
        try spend(sequence.count, at: node, field: field)
        return sequence
    }

    /// Ids are quoted in reports and messages and written into outputs: a newline or an escape
    /// in one (written as `\n` in double quotes) could forge lines there, so none may hold one.
    func refuseControlCharacters(in id: String, fields: Fields, key: String) throws {
        guard Self.holdsControlCharacter(id) else { return }
        throw InputError(
            "the id '\(id)' holds a control character", file: file, line: fields.line(of: key),
            field: fields.name(key), hint: "ids are written on one line, without control characters")
    }

    /// A character of general category Cc, or a line or paragraph separator.
    static func holdsControlCharacter(_ text: String) -> Bool {
        // Printable ASCII holds none: only other text needs Unicode's tables.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return false }
        return text.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}"
        }
    }

    func kindName(_ node: YAMLNode) -> String {
        switch node.content {
        case .scalar(let s): return s.isNull ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }

    /// A plain `~`, `null`, `Null`, `NULL` or nothing (YAML's null forms), or a value tagged `!!null`.
    func isNull(_ node: YAMLNode) -> Bool { node.isNull }

    func string(_ node: YAMLNode, field: String) throws -> String {
        guard let s = node.scalar, !s.isNull else {
            throw InputError("expected text, found \(kindName(node))", file: file, line: node.line, field: field)
        }
        return s.string
    }

    func number(_ node: YAMLNode, field: String) throws -> Double {
        if let s = node.scalar, s.isPlain,
            [".nan", ".inf", "-.inf", "+.inf"].contains(s.string.lowercased())
        {
            throw InputError(
                "expected a finite number, found \(s.string)", file: file, line: node.line, field: field)
        }
        guard let s = node.scalar, !s.isNull, s.isPlain, let value = Double(s.string) else {
            throw InputError(
                "expected a number, found \(kindName(node))", file: file, line: node.line, field: field)
        }
        guard value.isFinite else {
            throw InputError(
                "expected a finite number, found \(s.string)", file: file, line: node.line, field: field)
        }
        return value
    }

    func day(_ node: YAMLNode, field: String) throws -> CalendarDay {
        let text = try string(node, field: field)
        // There was no year 0 (1 BC is followed by AD 1), so 0000 names no day.
        guard let day = CalendarDay(text), !text.hasPrefix("0000") else {
            throw InputError(
                "'\(text)' is not a date", file: file, line: node.line, field: field,
                hint: "write a day that exists as YYYY-MM-DD")
        }
        return day
    }

    /// A day (`2024-08-06`) or an interval (`{start: 2024-08-06, end: 2024-08-12}`).
    func eventDate(_ node: YAMLNode, field: String) throws -> EventDate {
        if node.mapping == nil { return .day(try day(node, field: field)) }
        let fields = try mapping(node, field: field)
        try fields.rejectUnknown(allowed: ["start", "end"])
        let start = try fields.day("start")
        let end = try fields.day("end")
        guard end >= start else {
            throw InputError(
                "the interval ends (\(end)) before it starts (\(start))", file: file,
                line: fields.line(of: "end"), field: "\(field).end")
        }
        return start == end ? .day(start) : .interval(start: start, end: end)
    }

    func choice<T: RawRepresentable & CaseIterable>(_ node: YAMLNode, field: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        let text = try string(node, field: field)
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        throw InputError(
            "'\(text)' is not one of \(allowed.joined(separator: ", "))", file: file, line: node.line,
            field: field, hint: didYouMean(closest(text, among: allowed)))
    }
}

/// The fields of one mapping, addressed by key, with the line each was written on.
struct Fields {
    let reader: NodeReader
    let entries: [YAMLNode.Pair]
    /// Line of the mapping itself, for complaints about a missing field.
    let line: Int?
    let prefix: String

    init(reader: NodeReader, mapping: [YAMLNode.Pair], line: Int?, prefix: String) {
        self.reader = reader
        entries = mapping
        self.line = line
        self.prefix = prefix
    }

    func name(_ key: String) -> String { prefix + key }

    func node(_ key: String) -> YAMLNode? {
        for i in entries.indices where entries[i].scalarKey == key {
            let value = entries[i].value
            return reader.isNull(value) ? nil : value
        }
        return nil
    }

    func required(_ key: String) throws -> YAMLNode {
        guard let node = node(key) else {
            throw InputError("missing field '\(key)'", file: reader.file, line: line, field: name(key))
        }
        return node
    }

    func line(of key: String) -> Int? {
        for entry in entries where entry.scalarKey == key { return entry.value.line }
        return line
    }

    /// Misspelt keys are refused rather than ignored, so a typo never silently drops data.
    func rejectUnknown(allowed: [String]) throws {
        for i in entries.indices {
            let text = entries[i].scalarKey ?? ""
            guard !allowed.contains(text) else { continue }
            throw InputError(
                "unknown field '\(text)'", file: reader.file, line: entries[i].key.line, field: name(text),
                hint: didYouMean(closest(text, among: allowed)))
        }
    }

    func string(_ key: String) throws -> String {
        try reader.string(required(key), field: name(key))
    }

    func optionalString(_ key: String) throws -> String {
        try node(key).map { try reader.string($0, field: name(key)) } ?? ""
    }

    func nonEmptyString(_ key: String) throws -> String {
        let value = try string(key)
        guard !Self.isBlank(value) else {
            throw InputError("field '\(key)' is empty", file: reader.file, line: line(of: key), field: name(key))
        }
        return value
    }

    /// Nothing but spaces and tabs: what `trimmingCharacters(in: .whitespaces)` empties
    /// (general category Zs, U+0009, and U+200B, once a space), without Foundation's cost on
    /// every field read.
    static func isBlank(_ text: String) -> Bool {
        // Most text begins with a printable ASCII character, which is never blank.
        if let first = text.utf8.first, first > 0x20, first < 0x7F { return false }
        return text.unicodeScalars.allSatisfy {
            $0 == "\t" || $0 == "\u{200B}" || $0.properties.generalCategory == .spaceSeparator
        }
    }

    func number(_ key: String) throws -> Double {
        try reader.number(required(key), field: name(key))
    }

    func day(_ key: String) throws -> CalendarDay {
        try reader.day(required(key), field: name(key))
    }

    func eventDate(_ key: String) throws -> EventDate {
        try reader.eventDate(required(key), field: name(key))
    }

    func choice<T: RawRepresentable & CaseIterable>(_ key: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        try reader.choice(required(key), field: name(key), as: type)
    }

    func stringList(_ key: String) throws -> [String] {
        let node = try required(key)
        if case .scalar = node.content { return [try reader.string(node, field: name(key))] }
        return try reader.sequence(node, field: name(key)).enumerated().map { i, item in
            try reader.string(item, field: "\(name(key))[\(i)]")
        }
    }

    func mapping(_ key: String) throws -> Fields {
        try reader.mapping(required(key), field: name(key))
    }

    func sequence(_ key: String) throws -> [YAMLNode] {
        try reader.sequence(required(key), field: name(key))
    }
}

extension String {
    fileprivate func paddingLeft(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
