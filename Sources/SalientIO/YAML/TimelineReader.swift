import Foundation
import SalientCore
import Yams

/// A timeline with the gazetteer it names, both read and cross-checked.
public struct LoadedTimeline: Sendable {
    public var timeline: Timeline
    public var gazetteer: Gazetteer
    /// The timeline file as the user named it.
    public var path: String
    /// Dated control polygons from elsewhere, from the optional `maps:` section (MapsReader.swift).
    public var maps: [ReferenceMap] = []
    /// What reads but looks implausible, in file order (InputWarning.swift); `--strict` refuses it.
    public var warnings: [InputWarning] = []
    /// For each claim, in order, the line of each key it has, so that a later refusal of the
    /// claim (the checker's) names the line without reading the file again.
    public var claimLines: [[String: Int]] = []
}

/// Reads a timeline YAML file (format in docs/formats.md) and the gazetteer it names.
public enum TimelineReader {
    static let topLevelKeys = [
        "salient", "id", "title", "description", "timezone", "gazetteer", "estimate",
        "sources", "events", "claims", "maps", "draft",
    ]

    public static func read(path: String, gazetteerOverride: String? = nil) throws -> LoadedTimeline {
        let text = try TextFile.read(path)
        let reader = NodeReader(file: path)
        let root = try header(text: text, reader: reader)
        let gazetteerFolder =
            try gazetteerOverride
            ?? {
                let named = try root.nonEmptyString("gazetteer")
                if named.hasPrefix("/") { return named }
                let base = (path as NSString).deletingLastPathComponent
                return base.isEmpty ? named : normalized((base as NSString).appendingPathComponent(named))
            }()
        let gazetteer = try GazetteerCache.shared.gazetteer(folder: gazetteerFolder)
        let (timeline, log) = try body(root, reader: reader, gazetteer: gazetteer)
        return LoadedTimeline(
            timeline: timeline, gazetteer: gazetteer, path: path,
            maps: try maps(root, reader: reader, timelinePath: path, timeline: timeline),
            warnings: log.warnings, claimLines: log.claimLines)
    }

    /// Reads timeline text against a gazetteer already loaded; `file` names it in messages.
    public static func parse(text: String, file: String, gazetteer: Gazetteer) throws -> Timeline {
        let reader = NodeReader(file: file)
        return try body(try header(text: text, reader: reader), reader: reader, gazetteer: gazetteer).timeline
    }

    /// `parse`, with the warnings the timeline raises.
    public static func parseWithWarnings(text: String, file: String, gazetteer: Gazetteer) throws
        -> (timeline: Timeline, warnings: [InputWarning])
    {
        let reader = NodeReader(file: file)
        let (timeline, log) = try body(try header(text: text, reader: reader), reader: reader, gazetteer: gazetteer)
        return (timeline, log.warnings)
    }

    private static func header(text: String, reader: NodeReader) throws -> Fields {
        let root = try reader.mapping(try reader.root(of: text), field: nil)
        try root.rejectUnknown(allowed: topLevelKeys)
        let version = try root.number("salient")
        guard version == 1 else {
            throw InputError(
                "unsupported format version \(formatNumber(version))", file: reader.file,
                line: root.line(of: "salient"), field: "salient", hint: "this Salient reads version 1")
        }
        return root
    }

    private static func body(_ root: Fields, reader: NodeReader, gazetteer: Gazetteer) throws
        -> (timeline: Timeline, log: WarningLog)
    {
        let file = reader.file
        let zone = try root.nonEmptyString("timezone")
        guard TimeZone(identifier: zone) != nil else {
            throw InputError(
                "unknown time zone '\(zone)'", file: file, line: root.line(of: "timezone"), field: "timezone",
                hint: "use an IANA name such as Europe/Moscow or UTC")
        }
        let id = try root.nonEmptyString("id")
        // The id names the default output folder, so it must stay one plain path component.
        guard Self.isSafeID(id) else {
            throw InputError(
                "the id '\(id)' must be 1 to 100 letters, digits, '.', '_' or '-', starting with a letter or digit",
                file: file, line: root.line(of: "id"), field: "id", hint: "for example kursk-2024")
        }
        var context = Context(reader: reader, gazetteer: gazetteer)
        let estimateFields = try root.mapping("estimate")
        let estimate = try context.estimate(estimateFields)
        context.reachMeters = try context.plausibleDistanceKilometers(estimateFields) * 1000
        context.territory = try Territory(places: estimate.territoryIDs.compactMap(gazetteer.place(id:)))
        if estimate.join == .cells { try context.requireCellSettlements(estimateFields) }
        let sources = try context.list(root, "sources", limit: Limits.sources, read: context.source)
        context.sourceIDs = Set(sources.map(\.id))
        context.sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let events = try context.list(root, "events", limit: Limits.events, read: context.event)
        context.eventIDs = Set(events.map(\.id))
        let claims =
            try root.node("claims") == nil
            ? [] : context.list(root, "claims", limit: Limits.claims, read: context.claim)
        let timeline = Timeline(
            id: id, title: try root.optionalString("title"), timeZone: zone,
            estimate: estimate, sources: sources, events: events, claims: claims)
        try PlaceStatesReader.refuseRetakesByHolder(timeline, file: file, lines: context.log.retakeLines)
        return (timeline, context.log)
    }

    /// 1 to 100 ASCII letters, digits, '.', '_' or '-', starting with a letter or digit. Checked
    /// on bytes: a regular expression's `$` also matches before a final newline.
    public static func isSafeID(_ id: String) -> Bool {
        let bytes = Array(id.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool {
            (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
        }
        guard let first = bytes.first, isAlphanumeric(first), bytes.count <= 100 else { return false }
        return bytes.allSatisfy {
            isAlphanumeric($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "_") || $0 == UInt8(ascii: "-")
        }
    }

    /// Resolves "dir/../other" lexically so messages quote the path a user would type.
    public static func normalized(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "..", let last = parts.last, last != "..", !last.isEmpty {
                parts.removeLast()
            } else if part != "." || parts.isEmpty {
                parts.append(part)
            }
        }
        let joined = parts.joined(separator: "/")
        return joined.isEmpty ? "." : joined
    }

    /// Warnings and claim lines gathered while records are read by non-mutating closures.
    final class WarningLog {
        var warnings: [InputWarning] = []
        var claimLines: [[String: Int]] = []
        /// The line and field of each `change: retaken`, by event id, for PlaceStatesReader.
        var retakeLines: [String: (line: Int?, field: String)] = [:]
        /// Every gazetteer area, built on the first explicit coordinates, for the swap test.
        var allAreas: (territory: Territory, ids: [String])?
    }

    struct Context {
        let reader: NodeReader
        let gazetteer: Gazetteer
        var sourceIDs: Set<String> = []
        var sourcesByID: [String: Source] = [:]
        var eventIDs: Set<String> = []
        var territory: Territory?
        /// estimate.plausible_distance_km, metres: how far outside the territory a place may lie.
        var reachMeters = Context.defaultPlausibleKilometers * 1000
        let log = WarningLog()

        static let defaultPlausibleKilometers = 50.0

        var file: String { reader.file }

        /// Reads a list of records, refusing duplicate ids.
        func list<T: Identifiable>(_ root: Fields, _ key: String, limit: Int, read: (Fields) throws -> T) throws -> [T]
        where T.ID == String {
            var seen: [String: Int?] = [:]
            let nodes = try root.sequence(key)
            guard nodes.count <= limit else {
                throw InputError(
                    "\(nodes.count) \(key) is more than Salient accepts (\(limit))", file: file,
                    line: root.line(of: key), field: key,
                    hint: "split the timeline; the limits are listed in the README")
            }
            var drafted: [Int?] = []
            let items: [T] = try nodes.enumerated().compactMap { index, node in
                let fields = try reader.mapping(node, field: "\(key)[\(index)]")
                // `salient draft` marks what it proposes; nothing marked enters an estimate or a check.
                if let mark = fields.node("review") {
                    guard try reader.string(mark, field: fields.name("review")) == "draft" else {
                        throw InputError(
                            "unknown review mark", file: file, line: fields.line(of: "review"),
                            field: fields.name("review"),
                            hint: "'draft' is the only mark; delete the line once reviewed")
                    }
                    drafted.append(fields.line(of: "review"))
                    return nil
                }
                let item = try read(fields)
                try reader.refuseControlCharacters(in: item.id, fields: fields, key: "id")
                if let first = seen[item.id] {
                    throw InputError(
                        "duplicate id '\(item.id)' in \(key)", file: file, line: fields.line(of: "id"),
                        field: fields.name("id"), hint: "first used on line \(first ?? 0); ids must be unique")
                }
                seen[item.id] = fields.line(of: "id")
                return item
            }
            if let first = drafted.first {
                log.warnings.append(
                    InputWarning(
                        "\(drafted.count) of the \(key) are marked 'review: draft' and left out", file: file,
                        line: first,
                        field: key, hint: "review each, then delete its review line"))
            }
            return items
        }
    }
}
