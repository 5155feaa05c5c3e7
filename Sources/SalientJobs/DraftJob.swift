import Foundation
import SalientCore
import SalientIO

/// `salient draft`: articles read into a draft timeline for review, written as a new file or
/// appended to a timeline the way `import --into` appends (the rest of the file kept byte for
/// byte), atomically, and only once the result reads as a timeline, with the review marks
/// and without them.
public enum DraftJob {
    public struct Result: Sendable {
        /// The file written, or nil when the draft is returned to print.
        public var path: String?
        public var text: String
        public var events: Int
        public var claims: Int
        /// Articles whose publication date is unknown: recorded under `draft:`, nothing proposed.
        public var undated: [String]
        /// Articles the timeline already cites (drafted before): left as they are.
        public var alreadyDrafted: [String]
    }

    public static func run(
        articles: [String], into: String?, out: String?, gazetteer: String?, published: String?, id: String = "draft"
    ) throws -> Result {
        let given = try publishedOption(published)
        var text = ""
        var original: String?
        let gazetteerValue: Gazetteer
        var layout: TimelineMerge.Layout?
        var territory: Territory?
        if let into {
            let loaded = try TimelineReader.read(path: into)
            gazetteerValue = loaded.gazetteer
            territory = try Territory(
                places: loaded.timeline.estimate.territoryIDs.compactMap(gazetteerValue.place(id:)))
            text = try TextFile.read(into)
            original = text
            layout = try TimelineMerge.Layout(text: text, file: into)
        } else {
            gazetteerValue = try GazetteerReader.read(folder: gazetteer ?? "gazetteer")
        }
        let drafter = ArticleDrafter(gazetteer: gazetteerValue)
        let drafts = try articles.map {
            try ArticleFile.draft(path: $0, drafter: drafter, published: given, territory: territory)
        }
        let takenSources = Set(layout?.sources.items.map(\.id) ?? [])
        var sourced: [SourcedDraft] = []
        var undated: [String] = []
        var already: [String] = []
        var records: [(ArticleDraft, String?)] = []
        for draft in drafts {
            let sourceID = ArticleFile.sourceID(for: draft.file)
            if takenSources.contains(sourceID) {
                already.append(draft.file)
                continue
            }
            if draft.publication.day == nil {
                undated.append(draft.file)
                records.append((draft, nil))
            } else if !sourced.contains(where: { $0.sourceID == sourceID }) {
                sourced.append(SourcedDraft(draft: draft, sourceID: sourceID))
                records.append((draft, sourceID))
            }
        }
        let merged = DraftMerge.merge(sourced) { "the outlet of \($0.draft.file), figure not attributed" }
        let takenEvents = Set(layout?.events.items.map(\.id) ?? [])
        let takenClaims = Set(layout?.claims?.items.map(\.id) ?? [])
        let events = merged.events.filter { !takenEvents.contains($0.id) }
        let claims = merged.claims.filter { !takenClaims.contains($0.id) }
        var claimIDsByFile: [String: [String]] = [:]
        for (s, ids) in zip(sourced, merged.claimIDs) { claimIDsByFile[s.draft.file] = ids }
        func lines(indent: String) -> (sources: [String], events: [String], claims: [String], records: [String]) {
            (
                sourced.flatMap { DraftYAML.source($0.draft, id: $0.sourceID, indent: indent) },
                events.flatMap {
                    DraftYAML.event(
                        $0, placeName: gazetteerValue.place(id: $0.placeID)?.name ?? $0.placeID, indent: indent)
                },
                claims.flatMap { DraftYAML.claim($0, indent: indent) },
                records.flatMap { draft, sourceID in
                    DraftYAML.record(
                        draft, sourceID: sourceID,
                        claimIDs: claimIDsByFile[draft.file] ?? draft.claims.map { _ in "" }, indent: indent)
                }
            )
        }
        let target = into ?? out
        if let layout {
            text = appended(to: text, layout: layout, lines(indent: layout.events.indent))
        } else {
            let made = lines(indent: "  ")
            text = try header(gazetteer: gazetteerValue, folder: gazetteer ?? "gazetteer", out: out, id: id)
            for (key, items) in [
                ("sources", made.sources), ("events", made.events), ("claims", made.claims), ("draft", made.records),
            ] {
                text += items.isEmpty ? "\n\(key): []\n" : "\n\(key):\n" + items.joined(separator: "\n") + "\n"
            }
        }
        let file = target ?? "<standard output>"
        _ = try TimelineReader.parse(text: text, file: file, gazetteer: gazetteerValue)
        // What a reviewer gets by deleting every mark must read too.
        let reviewed = text.components(separatedBy: "\n").filter {
            $0.trimmingCharacters(in: .whitespaces) != "review: draft"
        }.joined(separator: "\n")
        _ = try TimelineReader.parse(text: reviewed, file: file, gazetteer: gazetteerValue)
        if let target, text != original { try AtomicFileWriter.write([(target, text)]) }
        return Result(
            path: target, text: text, events: events.count, claims: claims.count, undated: undated,
            alreadyDrafted: already)
    }

    static func publishedOption(_ text: String?) throws -> CalendarDay? {
        guard let text else { return nil }
        guard let day = CalendarDay(text) else {
            throw InputError("--published '\(text)' is not a day", file: "", hint: "write it YYYY-MM-DD")
        }
        return day
    }

    /// The lines inserted at the end of each list, bottom first so earlier line numbers hold;
    /// a list the file lacks is added at its end.
    private static func appended(
        to text: String, layout: TimelineMerge.Layout,
        _ made: (sources: [String], events: [String], claims: [String], records: [String])
    ) -> String {
        var lines = text.components(separatedBy: "\n")
        var edits: [(at: Int, lines: [String], list: TimelineMerge.Layout.List?)] = [
            (layout.sources.end, made.sources, layout.sources), (layout.events.end, made.events, layout.events),
        ]
        var tail: [String] = []
        for (list, key, items) in [(layout.claims, "claims", made.claims), (layout.draft, "draft", made.records)]
        where !items.isEmpty {
            if let list {
                edits.append((list.end, items, list))
            } else {
                tail += ["", "\(key):"] + items
            }
        }
        for edit in edits where edit.list?.isEmptyFlow == true && !edit.lines.isEmpty {
            let key = edit.list!.keyLine
            lines[key] = lines[key].replacingOccurrences(of: "[]", with: "")
                .replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }
        for edit in edits.sorted(by: { $0.at > $1.at }) where !edit.lines.isEmpty {
            lines.insert(contentsOf: edit.lines, at: edit.at)
        }
        if !tail.isEmpty {
            while lines.last == "" { lines.removeLast() }
            lines += tail + [""]
        }
        return lines.joined(separator: "\n")
    }

    /// A new timeline's header, as `import --new` writes one: every region area as territory,
    /// the first border line; the reviewer edits both.
    private static func header(gazetteer: Gazetteer, folder: String, out: String?, id: String) throws -> String {
        let (territory, border) = try NewTimelineFrame.of(gazetteer, folder: folder)
        // The gazetteer is named relative to the file's folder; an absolute path serves any folder.
        let outFolder = out.map { ($0 as NSString).deletingLastPathComponent } ?? ""
        let named =
            folder.hasPrefix("/") || outFolder.isEmpty
            ? folder : TimelineReader.normalized(FileManager.default.currentDirectoryPath + "/" + folder)
        return """
            salient: 1
            id: \(YAMLEmitter.quoted(id))
            title: "Drafted from articles, for review"
            timezone: UTC
            gazetteer: \(YAMLEmitter.quoted(named))

            \(NewTimelineFrame.estimateBlock(actor: "Ukraine", territory: territory, border: border))

            """
    }
}
