import Foundation
import SalientCore

/// Adds imported records to a timeline's text: new events and sources go at the end of their
/// lists, an event whose record has a newer version is rewritten in place (its old sources
/// removed, the new ones appended), and every other byte of the user's file stays as it was.
public enum TimelineMerge {
    public struct Outcome {
        public var text: String
        public var added: Int
        public var updated: Int
        public var unchanged: Int
    }

    public static func merge(
        _ records: [ImportedRecord], into text: String, timeline: Timeline,
        file: String
    ) throws -> Outcome {
        let existing = Dictionary(
            timeline.events.filter { !$0.externalID.isEmpty }.map { ($0.externalID, $0) },
            uniquingKeysWith: { first, _ in first })
        var added: [ImportedRecord] = []
        var updated: [ImportedRecord] = []
        var unchanged = 0
        let takenIDs = Set(timeline.events.map(\.id))
        for record in records {
            if let old = existing[record.event.externalID] {
                if isNewer(record.event.externalVersion, than: old.externalVersion) {
                    var renamed = record
                    renamed.event.id = old.id
                    renamed = withSourceIDs(renamed)
                    updated.append(renamed)
                } else {
                    unchanged += 1
                }
            } else {
                guard !takenIDs.contains(record.event.id) else {
                    throw InputError(
                        "the timeline already has an event '\(record.event.id)' from elsewhere",
                        file: file,
                        field: "events", hint: "rename that event; imported ids are taken from the record")
                }
                added.append(record)
            }
        }
        guard !added.isEmpty || !updated.isEmpty else {
            return Outcome(text: text, added: 0, updated: 0, unchanged: unchanged)
        }
        var lines = text.components(separatedBy: "\n")
        let layout = try Layout(text: text, file: file)
        // Old sources of updated events are those they cite that the import declared.
        let oldSourceIDs = Set(
            updated.flatMap { record in
                (existing[record.event.externalID]?.sourceIDs ?? []).filter { $0.hasPrefix(record.event.id + "-src") }
            })
        let takenSourceIDs = Set(timeline.sources.map(\.id)).subtracting(oldSourceIDs)
        for source in (added + updated).flatMap(\.sources) where takenSourceIDs.contains(source.id) {
            throw InputError(
                "the timeline already has a source '\(source.id)'", file: file, field: "sources",
                hint: "rename it; imported source ids are taken from the record")
        }
        let replacements = Dictionary(uniqueKeysWithValues: updated.map { ($0.event.id, $0) })
        // Edits run from the bottom of the file up, so earlier line numbers stay valid.
        var edits: [(range: Range<Int>, lines: [String])] = []
        for item in layout.events.items {
            if let record = replacements[item.id] {
                edits.append((item.range, YAMLEmitter.event(record.event, indent: layout.events.indent)))
            }
        }
        for item in layout.sources.items where oldSourceIDs.contains(item.id) {
            edits.append((item.range, []))
        }
        edits.append(
            (
                layout.events.end..<layout.events.end,
                added.flatMap { YAMLEmitter.event($0.event, indent: layout.events.indent) }
            ))
        edits.append(
            (
                layout.sources.end..<layout.sources.end,
                (added + updated).flatMap(\.sources).flatMap {
                    YAMLEmitter.source(
                        $0,
                        indent: layout.sources.indent)
                }
            ))
        // `events: []` becomes `events:` once items follow it (before the edits move any line).
        for list in [layout.events, layout.sources]
        where list.isEmptyFlow
            && edits.contains(where: { $0.range.lowerBound == list.end && !$0.lines.isEmpty })
        {
            lines[list.keyLine] = lines[list.keyLine].replacingOccurrences(of: "[]", with: "")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        for edit in edits.sorted(by: { $0.range.lowerBound > $1.range.lowerBound }) {
            lines.replaceSubrange(edit.range, with: edit.lines)
        }
        return Outcome(
            text: lines.joined(separator: "\n"), added: added.count, updated: updated.count,
            unchanged: unchanged)
    }

    /// Versions are whole numbers (ACLED's timestamp); a record without one never replaces an event.
    static func isNewer(_ version: String, than old: String) -> Bool {
        guard let new = UInt64(version) else { return false }
        guard let previous = UInt64(old) else { return true }
        return new > previous
    }

    private static func withSourceIDs(_ record: ImportedRecord) -> ImportedRecord {
        var result = record
        result.sources = record.sources.enumerated().map { index, source in
            var renamed = source
            renamed.id = "\(record.event.id)-src\(index + 1)"
            return renamed
        }
        result.event.sourceIDs = result.sources.map(\.id)
        return result
    }

    /// Where the `sources:` and `events:` lists lie in the text, by zero-based line numbers.
    public struct Layout {
        public struct List {
            public var keyLine: Int
            public var indent: String
            public var items: [(id: String, range: Range<Int>)]
            /// The line new items are inserted before.
            public var end: Int
            public var isEmptyFlow: Bool
        }

        public var sources: List
        public var events: List
        /// The optional lists, nil when the file has none: `salient draft` appends to them.
        public var claims: List?
        public var draft: List?

        public init(text: String, file: String) throws {
            let lines = text.components(separatedBy: "\n")
            guard let mapping = try NodeReader(file: file).root(of: text).mapping else {
                throw InputError("the timeline is not a YAML mapping", file: file)
            }
            let keyLines = mapping.map { $0.key.line - 1 }.sorted()
            func list(_ key: String) throws -> List {
                guard let pair = mapping.first(where: { $0.scalarKey == key }), let items = pair.value.sequence
                else {
                    throw InputError("the timeline has no '\(key):' list", file: file, field: key)
                }
                let keyLine = pair.key.line - 1
                let nextKey = keyLines.first { $0 > keyLine } ?? lines.count
                var starts = items.map { $0.line - 1 }
                if pair.value.isFlow {
                    guard items.count == 0 else {
                        throw InputError(
                            "'\(key)' is written as a flow list [...]", file: file, line: keyLine + 1,
                            field: key, hint: "write it one '- ' item a line to import into it")
                    }
                    starts = []
                }
                var end = nextKey
                // Blank lines and comments before the next key stay after the inserted items.
                while end > (starts.last ?? keyLine) + 1 {
                    let line = lines[end - 1].trimmingCharacters(in: .whitespaces)
                    guard line.isEmpty || line.hasPrefix("#") else { break }
                    end -= 1
                }
                let indent = starts.first.map { String(lines[$0].prefix { $0 == " " }) } ?? "  "
                let ranges = starts.enumerated().map { i, start in
                    start..<(i + 1 < starts.count ? starts[i + 1] : end)
                }
                let ids = items.map { $0.mapping?.first(where: { $0.scalarKey == "id" })?.value.string ?? "" }
                return List(
                    keyLine: keyLine, indent: indent, items: Array(zip(ids, ranges)).map { ($0.0, $0.1) },
                    end: end, isEmptyFlow: pair.value.isFlow)
            }
            sources = try list("sources")
            events = try list("events")
            claims = mapping.contains { $0.scalarKey == "claims" } ? try list("claims") : nil
            draft = mapping.contains { $0.scalarKey == "draft" } ? try list("draft") : nil
        }
    }
}

/// YAML text for imported records: every string double-quoted with YAML's escapes, keys in one order.
public enum YAMLEmitter {
    public static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _
            where scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
                || [0x2028, 0x2029, 0xFEFF].contains(scalar.value):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }

    static func date(_ date: EventDate) -> String {
        switch date {
        case .day(let day): return day.description
        case .interval(let start, let end): return "{start: \(start), end: \(end)}"
        }
    }

    static func event(_ event: Event, indent: String) -> [String] {
        let inner = indent + "  "
        var lines = [
            "\(indent)- id: \(quoted(event.id))",
            "\(inner)external_id: \(quoted(event.externalID))",
        ]
        if !event.externalVersion.isEmpty { lines.append("\(inner)external_version: \(quoted(event.externalVersion))") }
        lines.append("\(inner)date: \(date(event.date))")
        if !event.dateNote.isEmpty { lines.append("\(inner)date_note: \(quoted(event.dateNote))") }
        lines.append("\(inner)kind: \(event.kind.rawValue)")
        if let placeID = event.placeID {
            lines.append("\(inner)place: \(quoted(placeID))")
        } else {
            lines.append("\(inner)coordinates: [\(event.position.lon), \(event.position.lat)]")
        }
        lines.append("\(inner)location_precision: \(event.locationPrecision.rawValue)")
        if !event.locationNote.isEmpty { lines.append("\(inner)location_note: \(quoted(event.locationNote))") }
        lines.append("\(inner)actor: \(quoted(event.actor))")
        lines.append("\(inner)summary: \(quoted(event.summary))")
        if !event.note.isEmpty { lines.append("\(inner)note: \(quoted(event.note))") }
        lines.append("\(inner)sources: [\(event.sourceIDs.map(quoted).joined(separator: ", "))]")
        return lines
    }

    static func source(_ source: Source, indent: String) -> [String] {
        let inner = indent + "  "
        var lines = [
            "\(indent)- id: \(quoted(source.id))",
            "\(inner)outlet: \(quoted(source.outlet))",
            "\(inner)published: \(date(source.published))",
        ]
        if !source.note.isEmpty { lines.append("\(inner)note: \(quoted(source.note))") }
        return lines
    }
}
