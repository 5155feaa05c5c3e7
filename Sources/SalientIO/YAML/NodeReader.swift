import Foundation
import SalientCore
import Yams

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
    func root(of text: String) throws -> Node {
        try checkNesting(text)
        budget.remaining = max(Limits.minimumValues, text.utf8.count * Limits.valuesPerByte)
        // Without an anchor no alias can expand, so most files skip the walk.
        if text.utf8.contains(UInt8(ascii: "&")),
            case .overBudget(let line, let field) = EventScanner(
                text: text, budget: budget.remaining,
                findDuplicateKeys: false
            ).scan()
        {
            throw InputError(
                "the file expands to more values than its size allows", file: file, line: line,
                field: field, hint: "YAML aliases that repeat large parts (an alias bomb) are refused")
        }
        do {
            // The basic resolver tags no plain scalar by pattern: the readers type every value
            // themselves, so Yams's regular expressions would only cost time.
            guard let node = try Yams.compose(yaml: text, .basic) else {
                throw InputError("the file is empty", file: file, line: 1)
            }
            return node
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            // Yams's own message quotes the whole file; name the key, its line and field instead.
            let scanner = EventScanner(text: text, budget: .max, findDuplicateKeys: true)
            if case .duplicateKey(let key, let line, let firstLine, let field) = scanner.scan() {
                throw InputError(
                    "duplicate key '\(key)'", file: file, line: line, field: field,
                    hint: "first written on line \(firstLine); a key may appear once in a mapping")
            }
            throw InputError("duplicate key '\(duplicates.first ?? "")'", file: file, line: context.mark.line)
        } catch YamlError.reader(let problem, _, _, _) {
            throw readerError(problem, in: text)
        } catch let error as YamlError {
            throw InputError(Self.describe(error), file: file, line: Self.line(of: error))
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
        var depth = 0
        var line = 1
        var column = 0
        var atLineStart = true
        for byte in text.utf8 {
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
            if depth > Limits.nesting || column / 2 > Limits.nesting {
                throw InputError(
                    "nested more than \(Limits.nesting) levels deep", file: file, line: line,
                    hint: "timelines need 4 levels and GeoJSON 6; the file is malformed or hostile")
            }
        }
    }

    /// Charges `count` values to the file's budget.
    func spend(_ count: Int, at node: Node, field: String?) throws {
        budget.remaining -= count
        if budget.remaining < 0 {
            throw InputError(
                "the file expands to more values than its size allows", file: file, line: node.mark?.line,
                field: field, hint: "YAML aliases that repeat large parts (an alias bomb) are refused")
        }
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): return mark.line
        default: return nil
        }
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case .scanner(let context, let problem, _, _), .parser(let context, let problem, _, _),
            .composer(let context, let problem, _, _):
            return "malformed YAML: \(problem)" + (context.map { " \($0.text) started on line \($0.mark.line)" } ?? "")
        case .reader(let problem, _, _, _):
            return "unreadable text: \(problem)"
        default:
            return "malformed YAML: \(error)"
        }
    }

    func mapping(_ node: Node, field: String?) throws -> Fields {
        guard let mapping = node.mapping else {
            throw InputError(
                "expected a mapping of fields, found \(kindName(node))", file: file, line: node.mark?.line, field: field
            )
        }
        try spend(mapping.count, at: node, field: field)
        return Fields(reader: self, mapping: mapping, line: node.mark?.line, prefix: field.map { $0 + "." } ?? "")
    }

    func sequence(_ node: Node, field: String) throws -> [Node] {
        guard let sequence = node.sequence else {
            throw InputError(
                "expected a list, found \(kindName(node))", file: file, line: node.mark?.line, field: field)
        }
        try spend(sequence.count, at: node, field: field)
        return Array(sequence)
    }

    /// Ids are quoted in reports and messages and written into outputs: a newline or an escape
    /// in one (written as `\n` in double quotes) could forge lines there, so none may hold one.
    func refuseControlCharacters(in id: String, fields: Fields, key: String) throws {
        guard
            id.unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control
                    || $0 == "\u{2028}" || $0 == "\u{2029}"
            })
        else { return }
        throw InputError(
            "the id '\(id)' holds a control character", file: file, line: fields.line(of: key),
            field: fields.name(key), hint: "ids are written on one line, without control characters")
    }

    func kindName(_ node: Node) -> String {
        switch node {
        case .scalar(let s): return isNull(node) ? "nothing" : "'\(s.string)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    /// A plain `~`, `null`, `Null`, `NULL` or nothing (YAML's null forms), or a value tagged `!!null`.
    func isNull(_ node: Node) -> Bool {
        guard case .scalar(let s) = node, s.style == .plain else { return false }
        switch Tag.Name(rawValue: s.tag.rawValue) {
        case .null: return true
        case .implicit: return Self.nullForms.contains(s.string)
        default: return false
        }
    }

    private static let nullForms: Set<String> = ["", "~", "null", "Null", "NULL"]

    func string(_ node: Node, field: String) throws -> String {
        guard case .scalar(let s) = node, !isNull(node) else {
            throw InputError("expected text, found \(kindName(node))", file: file, line: node.mark?.line, field: field)
        }
        return s.string
    }

    func number(_ node: Node, field: String) throws -> Double {
        if case .scalar(let s) = node, s.style == .plain,
            [".nan", ".inf", "-.inf", "+.inf"].contains(s.string.lowercased())
        {
            throw InputError(
                "expected a finite number, found \(s.string)", file: file, line: node.mark?.line, field: field)
        }
        guard case .scalar(let s) = node, !isNull(node), s.style == .plain, let value = Double(s.string) else {
            throw InputError(
                "expected a number, found \(kindName(node))", file: file, line: node.mark?.line, field: field)
        }
        guard value.isFinite else {
            throw InputError(
                "expected a finite number, found \(s.string)", file: file, line: node.mark?.line, field: field)
        }
        return value
    }

    func day(_ node: Node, field: String) throws -> CalendarDay {
        let text = try string(node, field: field)
        // There was no year 0 (1 BC is followed by AD 1), so 0000 names no day.
        guard let day = CalendarDay(text), !text.hasPrefix("0000") else {
            throw InputError(
                "'\(text)' is not a date", file: file, line: node.mark?.line, field: field,
                hint: "write a day that exists as YYYY-MM-DD")
        }
        return day
    }

    /// A day (`2024-08-06`) or an interval (`{start: 2024-08-06, end: 2024-08-12}`).
    func eventDate(_ node: Node, field: String) throws -> EventDate {
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

    func choice<T: RawRepresentable & CaseIterable>(_ node: Node, field: String, as type: T.Type) throws -> T
    where T.RawValue == String {
        let text = try string(node, field: field)
        if let value = T(rawValue: text) { return value }
        let allowed = T.allCases.map(\.rawValue)
        throw InputError(
            "'\(text)' is not one of \(allowed.joined(separator: ", "))", file: file, line: node.mark?.line,
            field: field, hint: didYouMean(closest(text, among: allowed)))
    }
}

/// The fields of one mapping, addressed by key, with the line each was written on.
struct Fields {
    /// One key and its value. The key's text is taken out once: a Yams mapping hands out
    /// copies of its pairs, and looking fields up in it by key copied every pair each time.
    struct Entry {
        let key: Node
        /// The key's text when it is a scalar (the only keys fields are looked up by).
        let scalarKey: String?
        let value: Node
    }

    let reader: NodeReader
    let entries: [Entry]
    /// Line of the mapping itself, for complaints about a missing field.
    let line: Int?
    let prefix: String

    init(reader: NodeReader, mapping: Node.Mapping, line: Int?, prefix: String) {
        self.reader = reader
        entries = mapping.indices.map { i in
            let pair = mapping[i]
            return Entry(key: pair.key, scalarKey: pair.key.scalar?.string, value: pair.value)
        }
        self.line = line
        self.prefix = prefix
    }

    func name(_ key: String) -> String { prefix + key }

    func node(_ key: String) -> Node? {
        for i in entries.indices where entries[i].scalarKey == key {
            let value = entries[i].value
            return reader.isNull(value) ? nil : value
        }
        return nil
    }

    func required(_ key: String) throws -> Node {
        guard let node = node(key) else {
            throw InputError("missing field '\(key)'", file: reader.file, line: line, field: name(key))
        }
        return node
    }

    func line(of key: String) -> Int? {
        for entry in entries where Self.text(of: entry) == key { return entry.value.mark?.line ?? entry.key.mark?.line }
        return line
    }

    /// Misspelt keys are refused rather than ignored, so a typo never silently drops data.
    func rejectUnknown(allowed: [String]) throws {
        for i in entries.indices {
            let text = Self.text(of: entries[i]) ?? ""
            guard !allowed.contains(text) else { continue }
            throw InputError(
                "unknown field '\(text)'", file: reader.file, line: entries[i].key.mark?.line, field: name(text),
                hint: didYouMean(closest(text, among: allowed)))
        }
    }

    /// A key as text, as Yams gives it (a scalar's text; for a mapping used as a key, the
    /// text of its `=` value, if any).
    static func text(of entry: Entry) -> String? {
        entry.scalarKey ?? entry.key.string
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
        text.unicodeScalars.allSatisfy {
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
        if case .scalar = node { return [try reader.string(node, field: name(key))] }
        return try reader.sequence(node, field: name(key)).enumerated().map { i, item in
            try reader.string(item, field: "\(name(key))[\(i)]")
        }
    }

    func mapping(_ key: String) throws -> Fields {
        try reader.mapping(required(key), field: name(key))
    }

    func sequence(_ key: String) throws -> [Node] {
        try reader.sequence(required(key), field: name(key))
    }
}

extension String {
    fileprivate func paddingLeft(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
