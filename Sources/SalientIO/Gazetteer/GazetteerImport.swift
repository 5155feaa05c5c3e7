import Foundation
import SalientCore

/// A record proposed by an import, with the file and line it came from for messages.
public struct ImportRecord: Sendable {
    public var proposal: ImportedPlace
    public var file: String
    public var line: Int?
    /// The input field a conflict over its id is reported on (`geonameid`, `@id`).
    public var field: String
}

/// What one import changed, file by file.
public struct GazetteerImportSummary: Sendable {
    public struct FileChange: Sendable {
        public var path: String
        public var added: Int
        public var updated: Int
        public var kept: Int
        public var elsewhere: Int
        public var written: Bool
    }

    public var files: [FileChange]
    /// Input records left out, and why (`12 without a name`).
    public var skipped: [String]

    /// One line: `places.geojson: 152 added, 0 updated, 177 kept`.
    public var line: String {
        var parts = files.map { f in
            var text = "\(f.path): \(f.added) added, \(f.updated) updated, \(f.kept) kept"
            if f.elsewhere > 0 { text += ", \(f.elsewhere) already in another file" }
            return text + (f.written ? "" : " (unchanged)")
        }
        if !skipped.isEmpty { parts.append("skipped " + skipped.joined(separator: ", ")) }
        return parts.joined(separator: "; ")
    }
}

/// Merges imported records into a gazetteer folder: the folder's files are read as
/// `GazetteerReader` reads them, each target file is merged by `GazetteerMerge`, and the
/// changed files are written together through temporary files renamed only when all are
/// written, so a refused import leaves the folder as it was.
public enum GazetteerImport {
    /// - Parameter targets: file name in the folder (`places.geojson`) → the records it receives.
    public static func merge(
        into folder: String, targets: [(file: String, records: [ImportRecord])],
        skipped: [String] = []
    ) throws -> GazetteerImportSummary {
        var files = try existingFiles(in: folder)
        var changes: [GazetteerImportSummary.FileChange] = []
        var writes: [(path: String, contents: String)] = []
        for target in targets {
            let path = (folder as NSString).appendingPathComponent(target.file)
            // An import with nothing for a file that does not exist creates no empty layer.
            if target.records.isEmpty, !files.contains(where: { $0.path == path }) { continue }
            let mine = files.first { $0.path == path }?.places ?? []
            let others = files.filter { $0.path != path }.flatMap(\.places)
            let result: GazetteerMergeResult
            do {
                result = try GazetteerMerge.merge(
                    existing: mine.map(\.0), idsElsewhere: Set(others.map(\.0.id)),
                    sourceIDsElsewhere: Set(others.map(\.0.provenance.sourceID).filter { !$0.isEmpty }),
                    incoming: target.records.map(\.proposal))
            } catch {
                throw inputError(error, path: path, existing: mine, records: target.records, all: files)
            }
            let text = GazetteerFileWriter.render(result.places, name: (target.file as NSString).deletingPathExtension)
            let old = FileManager.default.contents(atPath: path)
            let changed = old != Data(text.utf8)
            if changed { writes.append((path, text)) }
            changes.append(
                .init(
                    path: path, added: result.added, updated: result.updated, kept: result.kept,
                    elsewhere: result.elsewhere, written: changed))
            files.removeAll { $0.path == path }
            files.append((path, result.places.map { ($0, nil) }))
        }
        // The merge never gives one id twice; checked again here because a gazetteer that no
        // longer loads would be the worst outcome of an import (a set, not a Gazetteer: folding
        // every name of 200,000 places is a cost the check does not need).
        var seen = Set<String>()
        for place in files.flatMap(\.places) where !seen.insert(place.0.id).inserted {
            throw InputError("the import would give the id '\(place.0.id)' to two places", file: folder, field: "id")
        }
        if seen.isEmpty {
            throw InputError(
                "the import holds no places and the gazetteer has none", file: folder,
                hint: "check the filters (--country, --feature-class, --bbox, …)")
        }
        if !writes.isEmpty { try AtomicFileWriter.write(writes) }
        return GazetteerImportSummary(files: changes, skipped: skipped)
    }

    /// The ids that merging `records` into the folder's `file` first would give, by source id:
    /// what an import needs to name imported areas as parents before it writes anything.
    static func ids(
        of records: [ImportRecord], mergedInto file: String,
        of files: [(path: String, places: [(Place, Int?)])], folder: String
    ) throws -> [String: String] {
        let path = (folder as NSString).appendingPathComponent(file)
        let mine = files.first { $0.path == path }?.places ?? []
        let others = files.filter { $0.path != path }.flatMap(\.places)
        do {
            let result = try GazetteerMerge.merge(
                existing: mine.map(\.0), idsElsewhere: Set(others.map(\.0.id)),
                sourceIDsElsewhere: Set(others.map(\.0.provenance.sourceID).filter { !$0.isEmpty }),
                incoming: records.map(\.proposal))
            return Dictionary(
                result.places.map { ($0.provenance.sourceID, $0.id) }, uniquingKeysWith: { first, _ in first })
        } catch {
            throw inputError(error, path: path, existing: mine, records: records, all: files)
        }
    }

    /// The places of every `.geojson` in the folder, each with its line; none when the folder is new.
    static func existingFiles(in folder: String) throws -> [(path: String, places: [(Place, Int?)])] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) else { return [] }
        guard isDirectory.boolValue else { throw InputError("expected a gazetteer folder, found a file", file: folder) }
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".geojson") }
            .sorted()
        let files = try names.map { name in
            let path = (folder as NSString).appendingPathComponent(name)
            return (path: path, places: try GazetteerReader.readFile(path))
        }
        // A folder that does not load now is refused as the reader refuses it, before the import
        // could be blamed for its duplicates.
        var firstUse: [String: String] = [:]
        for file in files {
            for (place, line) in file.places {
                if let first = firstUse[place.id] {
                    throw InputError(
                        "duplicate id '\(place.id)'", file: file.path, line: line, field: "id",
                        hint: "first used at \(first); ids must be unique across the gazetteer")
                }
                firstUse[place.id] = "\(file.path):\(line ?? 0)"
            }
        }
        return files
    }

    private static func inputError(
        _ conflict: GazetteerMergeConflict, path: String, existing: [(Place, Int?)],
        records: [ImportRecord], all files: [(path: String, places: [(Place, Int?)])]
    ) -> InputError {
        func at(_ record: ImportRecord) -> String { "\(record.file):\(record.line ?? 0)" }
        switch conflict {
        case .sourceGivenTwice(let sourceID, let first, let second):
            let record = records[second]
            return InputError(
                "\(sourceID) is given twice with different fields", file: record.file, line: record.line,
                field: record.field, hint: "first at \(at(records[first])); import one version of the record")
        case .sourceHeldTwice(let sourceID, _, let second):
            return InputError(
                "two places carry source_id \(sourceID), so the import cannot tell which to update",
                file: path, line: existing[second].1, field: "source_id",
                hint: "give one of them another source_id, or remove it")
        case .idTaken(let id, let incoming):
            let record = records[incoming]
            let holder = files.lazy.compactMap { file in
                file.places.first { $0.0.id == id }.map { "\(file.path):\($0.1 ?? 0)" }
            }.first
            return InputError(
                "the id '\(id)' this record would get is already held by another place", file: record.file,
                line: record.line, field: record.field,
                hint: "held at \(holder ?? path); rename that place or leave this record out")
        }
    }
}
