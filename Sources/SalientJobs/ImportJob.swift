import Foundation
import SalientCore
import SalientIO

/// `salient import acled|ucdp`: records from a data set's CSV merged into a timeline file,
/// written atomically, and only after the merged text reads back as a valid timeline.
public enum ImportJob {
    public enum Dataset: String, Sendable {
        case acled, ucdp
    }

    public struct Result: Sendable {
        public var path: String
        public var added: Int
        public var updated: Int
        public var unchanged: Int
    }

    public static func run(_ dataset: Dataset, csvPath: String, timelinePath: String) throws -> Result {
        let loaded = try TimelineReader.read(path: timelinePath)
        let text = try TextFile.read(timelinePath)
        return try merge(
            dataset, csvPath: csvPath, text: text, timeline: loaded.timeline, gazetteer: loaded.gazetteer,
            path: timelinePath, mustNotExist: false)
    }

    /// A new timeline `path` with id `id` over the gazetteer `gazetteer` (as written in the file:
    /// relative to its folder), estimating `actor`'s control within every region area and from
    /// the first border line (by id) the gazetteer holds; edit its `estimate:` afterwards.
    public static func create(
        _ dataset: Dataset, csvPath: String, timelinePath: String, id: String,
        gazetteer folder: String, actor: String
    ) throws -> Result {
        guard TimelineReader.isSafeID(id) else {
            throw InputError(
                "the id '\(id)' must be 1 to 100 letters, digits, '.', '_' or '-', "
                    + "starting with a letter or digit",
                file: "", field: "--new")
        }
        guard !FileManager.default.fileExists(atPath: timelinePath) else {
            throw InputError("the file exists already", file: timelinePath, hint: "use --into to import into it")
        }
        let base = (timelinePath as NSString).deletingLastPathComponent
        let resolved =
            folder.hasPrefix("/") || base.isEmpty
            ? folder : (base as NSString).appendingPathComponent(folder)
        let gazetteer = try GazetteerReader.read(folder: resolved)
        let (territory, border) = try NewTimelineFrame.of(gazetteer, folder: resolved)
        let header = """
            salient: 1
            id: \(YAMLEmitter.quoted(id))
            title: \(YAMLEmitter.quoted("Imported from \(dataset == .acled ? "ACLED" : "UCDP GED")"))
            timezone: UTC
            gazetteer: \(YAMLEmitter.quoted(folder))

            \(NewTimelineFrame.estimateBlock(actor: actor, territory: territory, border: border))

            sources: []

            events: []

            """
        let timeline = try TimelineReader.parse(text: header, file: timelinePath, gazetteer: gazetteer)
        return try merge(
            dataset, csvPath: csvPath, text: header, timeline: timeline, gazetteer: gazetteer,
            path: timelinePath, mustNotExist: true)
    }

    private static func merge(
        _ dataset: Dataset, csvPath: String, text: String, timeline: Timeline,
        gazetteer: Gazetteer,
        path: String, mustNotExist: Bool
    ) throws -> Result {
        let records =
            switch dataset {
            case .acled: try ACLEDImport.read(path: csvPath, gazetteer: gazetteer)
            case .ucdp: try UCDPImport.read(path: csvPath)
            }
        let outcome = try TimelineMerge.merge(records, into: text, timeline: timeline, file: path)
        let result = Result(path: path, added: outcome.added, updated: outcome.updated, unchanged: outcome.unchanged)
        guard outcome.text != text || mustNotExist else { return result }
        // The merged text must read as the reader reads any timeline before it replaces the user's file.
        _ = try TimelineReader.parse(text: outcome.text, file: path, gazetteer: gazetteer)
        try AtomicFileWriter.write([(path, outcome.text)])
        return result
    }
}
