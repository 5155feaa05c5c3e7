import Foundation

/// A few files written together into an output folder under its lock and the manifest's
/// rules: each staged beside its place, flushed, and committed with the manifest.
public enum FileSet {
    /// - Parameters:
    ///   - inputs: files the run read, which an output may never replace.
    ///   - prestaged: files already written to a temporary path (a GeoPackage), moved with the rest.
    ///   - streamed: files written piece by piece to their temporary, for layers too large to
    ///     hold as one text; staged before `files`.
    public static func write(
        _ files: [(name: String, contents: String)], into folder: OutputFolder, force: Bool,
        inputs: [String] = [], prestaged: [(name: String, temporary: String)] = [],
        streamed: [(name: String, write: (StreamingTextFile) throws -> Void)] = []
    ) throws {
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        var staged: [AtomicFileWriter.Staged] = []
        do {
            let names = files.map(\.name) + streamed.map(\.name) + prestaged.map(\.name)
            for name in names {
                try refuseIfInput(folder.url(name), inputs: inputs)
            }
            var manifest = try folder.readManifest()
            try folder.removeLeftovers(&manifest)
            let ownership = try folder.checkOwnership(of: names, force: force, manifest: manifest)
            for file in streamed {
                let final = folder.url(file.name)
                let temporary = AtomicFileWriter.temporary(for: final)
                staged.append(
                    AtomicFileWriter.Staged(temporary: temporary, final: final, digest: ContentDigest(size: 0, hash: 0))
                )
                let stream = try StreamingTextFile(path: temporary, reportedAs: final)
                try file.write(stream)
                try stream.closeDurably()
                staged[staged.count - 1].digest = stream.digest
            }
            for file in files { staged.append(try AtomicFileWriter.stage(file.contents, at: folder.url(file.name))) }
            var moves = zip(streamed.map(\.name) + files.map(\.name), staged).map { ($0, $1.temporary, $1.digest) }
            for file in prestaged {
                guard let digest = ContentDigest.of(file: file.temporary) else {
                    throw WriteFailure("cannot read back the file just written", path: file.temporary)
                }
                moves.append((file.name, file.temporary, digest))
            }
            let commit = StagedCommit(folder: folder, manifest: manifest, files: moves, ours: ownership.ours)
            try commit.run()
        } catch {
            for file in staged { file.discard() }
            for file in prestaged { unlink(file.temporary) }
            throw error
        }
    }

    /// An output at the path of an input (the timeline a check reads, say) is refused,
    /// whatever the manifest says.
    private static func refuseIfInput(_ output: String, inputs: [String]) throws {
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        for input in inputs {
            var status = stat()
            if stat(input, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
                throw OutputRefusal(
                    "refusing to write over an input of the run: \(input)", path: output, remedy: .chooseAnotherFolder)
            }
        }
    }
}
