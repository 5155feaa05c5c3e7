import Foundation
import SalientCore

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
        let assembly = try assemble(text: text, reader: reader, needsGazetteerKey: gazetteerOverride == nil) { root in
            let folder =
                try gazetteerOverride
                ?? {
                    let named = try root.nonEmptyString("gazetteer")
                    if named.hasPrefix("/") { return named }
                    let base = (path as NSString).deletingLastPathComponent
                    return base.isEmpty ? named : normalized((base as NSString).appendingPathComponent(named))
                }()
            return try GazetteerCache.shared.gazetteer(folder: folder)
        }
        return LoadedTimeline(
            timeline: assembly.timeline, gazetteer: assembly.gazetteer, path: path,
            maps: try maps(assembly.root, reader: reader, timelinePath: path, timeline: assembly.timeline),
            warnings: assembly.log.warnings, claimLines: assembly.log.claimLines)
    }

    /// Reads timeline text against a gazetteer already loaded; `file` names it in messages.
    public static func parse(text: String, file: String, gazetteer: Gazetteer) throws -> Timeline {
        try parseWithWarnings(text: text, file: file, gazetteer: gazetteer).timeline
    }

    /// `parse`, with the warnings the timeline raises.
    public static func parseWithWarnings(text: String, file: String, gazetteer: Gazetteer) throws
        -> (timeline: Timeline, warnings: [InputWarning])
    {
        let assembly = try assemble(
            text: text, reader: NodeReader(file: file), needsGazetteerKey: false, gazetteer: { _ in gazetteer })
        return (assembly.timeline, assembly.log.warnings)
    }

    /// The lists a timeline holds many of, read item by item as the file is parsed, in this
    /// order: each needs the ones before it (an event cites sources, a claim events).
    static let streamedLists = ["sources", "events", "claims"]
    /// What must be read before the first list can be: the header and the estimate.
    static let preludeKeys = ["salient", "id", "timezone", "estimate"]

    /// One pass over the file. A list written after the keys it needs (the documented order)
    /// is read item by item as it is parsed, so that no tree of a long timeline's events is
    /// ever held; one written before them is composed whole and read at the end.
    private static func assemble(
        text: String, reader: NodeReader, needsGazetteerKey: Bool, gazetteer: @escaping (Fields) throws -> Gazetteer
    ) throws -> Assembled {
        let assembly = Assembly(reader: reader, loadGazetteer: gazetteer)
        let prelude = preludeKeys + (needsGazetteerKey ? ["gazetteer"] : [])
        let root = try reader.rootMapping(of: text) { key, before, composer in
            let (event, line) = try composer.next()
            guard let name = key.string, let rank = streamedLists.firstIndex(of: name),
                case .sequenceStart(anchor: nil, let isFlow) = event,
                streamedLists[..<rank].allSatisfy(assembly.hasRead),
                prelude.allSatisfy({ key in before.entries.contains { $0.scalarKey == key } })
            else { return try composer.compose(event, line: line) }
            try assembly.prepare(before)
            try assembly.read(name, line: line) { item in
                try composer.forEachItem { node in
                    try reader.spend(1, at: node, field: name)
                    try item(node)
                }
            }
            return YAMLNode(.sequence([]), line: line, isFlow: isFlow)
        }
        try assembly.prepare(root)
        try header(root, reader: reader)
        for name in streamedLists where !assembly.hasRead(name) {
            guard name != "claims" || root.node("claims") != nil else {
                assembly.claims = []
                continue
            }
            let nodes = try root.sequence(name)
            try assembly.read(name, line: root.line(of: name)) { item in
                for node in nodes { try item(node) }
            }
        }
        return try assembly.finish(root)
    }

    /// A timeline read whole, with what its readers need of the file.
    struct Assembled {
        let root: Fields
        let timeline: Timeline
        let gazetteer: Gazetteer
        let log: WarningLog
    }

    /// The format version, and no key this reader does not know.
    private static func header(_ root: Fields, reader: NodeReader) throws {
        try root.rejectUnknown(allowed: topLevelKeys)
        let version = try root.number("salient")
        guard version == 1 else {
            throw InputError(
                "unsupported format version \(formatNumber(version))", file: reader.file,
                line: root.line(of: "salient"), field: "salient", hint: "this Salient reads version 1")
        }
    }

    /// What one pass over a timeline has read so far.
    final class Assembly {
        let reader: NodeReader
        let loadGazetteer: (Fields) throws -> Gazetteer
        private var context: Context?
        /// The header's values, read with the context.
        private var prelude: (id: String, zone: String, estimate: EstimateParameters)?
        var sources: [Source]?
        var events: [Event]?
        var claims: [Claim]?

        init(reader: NodeReader, loadGazetteer: @escaping (Fields) throws -> Gazetteer) {
            self.reader = reader
            self.loadGazetteer = loadGazetteer
        }

        func hasRead(_ list: String) -> Bool {
            switch list {
            case "sources": return sources != nil
            case "events": return events != nil
            default: return claims != nil
            }
        }

        /// Reads the header, the gazetteer and the estimate from the root's fields, once.
        func prepare(_ root: Fields) throws {
            guard context == nil else { return }
            let file = reader.file
            try header(root, reader: reader)
            let gazetteer = try loadGazetteer(root)
            let zone = try root.nonEmptyString("timezone")
            guard TimeZone(identifier: zone) != nil else {
                throw InputError(
                    "unknown time zone '\(zone)'", file: file, line: root.line(of: "timezone"), field: "timezone",
                    hint: "use an IANA name such as Europe/Moscow or UTC")
            }
            let id = try root.nonEmptyString("id")
            // The id names the default output folder, so it must stay one plain path component.
            guard TimelineReader.isSafeID(id) else {
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
            self.context = context
            prelude = (id, zone, estimate)
        }

        /// Reads one list, its items handed over by `forEachItem`.
        func read(_ list: String, line: Int?, forEachItem: ((YAMLNode) throws -> Void) throws -> Void) throws {
            guard var context else { preconditionFailure("the prelude is read before any list") }
            switch list {
            case "sources":
                let sources = try context.list(
                    list, line: line, limit: Limits.sources, forEachItem: forEachItem, read: context.source)
                context.sourceIDs = Set(sources.map(\.id))
                context.sourcesByID = Dictionary(sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
                self.sources = sources
            case "events":
                let events = try context.list(
                    list, line: line, limit: Limits.events, forEachItem: forEachItem, read: context.event)
                context.eventIDs = Set(events.map(\.id))
                self.events = events
            default:
                claims = try context.list(
                    list, line: line, limit: Limits.claims, forEachItem: forEachItem, read: context.claim)
            }
            self.context = context
        }

        func finish(_ root: Fields) throws -> Assembled {
            guard let context, let prelude else { preconditionFailure("the prelude is read before the timeline") }
            let timeline = Timeline(
                id: prelude.id, title: try root.optionalString("title"), timeZone: prelude.zone,
                estimate: prelude.estimate, sources: sources ?? [], events: events ?? [], claims: claims ?? [])
            try PlaceStatesReader.refuseRetakesByHolder(timeline, file: reader.file, lines: context.log.retakeLines)
            return Assembled(root: root, timeline: timeline, gazetteer: context.gazetteer, log: context.log)
        }
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
        /// How far outside the territory each place named so far lies (0: it touches), for
        /// the territory they were measured against: a place is named by many events.
        var distancesOutside: (territory: ObjectIdentifier, meters: [String: Double])?
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
        let resolved = ResolvedNames()

        static let defaultPlausibleKilometers = 50.0

        var file: String { reader.file }

        /// Reads a list of records as `forEachItem` hands them over, refusing duplicate ids.
        func list<T: Identifiable>(
            _ key: String, line: Int?, limit: Int, forEachItem: ((YAMLNode) throws -> Void) throws -> Void,
            read: @escaping (Fields) throws -> T
        ) throws -> [T] where T.ID == String {
            var seen: [String: Int?] = [:]
            var drafted: [Int?] = []
            var items: [T] = []
            var index = 0
            try forEachItem { node in
                defer { index += 1 }
                guard index < limit else {
                    throw InputError(
                        "the \(key) list is longer than Salient accepts (\(limit))", file: file, line: line,
                        field: key, hint: "split the timeline; the limits are listed in the README")
                }
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
                    return
                }
                let item = try read(fields)
                try reader.refuseControlCharacters(in: item.id, fields: fields, key: "id")
                if let first = seen[item.id] {
                    throw InputError(
                        "duplicate id '\(item.id)' in \(key)", file: file, line: fields.line(of: "id"),
                        field: fields.name("id"), hint: "first used on line \(first ?? 0); ids must be unique")
                }
                seen[item.id] = fields.line(of: "id")
                items.append(item)
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
