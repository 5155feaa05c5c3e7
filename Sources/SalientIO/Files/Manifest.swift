import Foundation

/// `.salient-manifest`: the files Salient wrote in a folder, each with the size and hash of
/// the bytes it wrote, and the staging folders it made there. One entry a line:
///
///     file 5f0c2b1d9e8a7c64 1234 daily/2024-08-06.control.geojson
///     staging .salient-staging-4711
///
/// A path may be listed with two contents while a commit replaces it (the old and the new
/// are both Salient's). Lines of other forms (an older Salient listed bare paths) are not
/// trusted: their files count as the user's, never deleted or replaced (bare paths are kept,
/// to name them in the refusal, until Salient writes the path anew).
public struct Manifest: Equatable, Sendable {
    static let header = "# salient manifest 2: file <xxh3-64> <bytes> <path> | staging <folder>"

    private(set) var files: [String: Set<ContentDigest>] = [:]
    private(set) var stagingFolders: Set<String> = []
    /// Paths an older Salient listed bare, without their content: never trusted, only named.
    private(set) var unverified: Set<String> = []

    init() {}

    init(text: String) {
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
            if parts.count == 4, parts[0] == "file", parts[1].count == 16, let hash = UInt64(parts[1], radix: 16),
                let size = Int(parts[2]), size >= 0, !parts[3].isEmpty
            {
                files[String(parts[3]), default: []].insert(ContentDigest(size: size, hash: hash))
            } else if parts.count == 2, parts[0] == "staging", parts[1].hasPrefix(OutputFolder.stagingPrefix) {
                stagingFolders.insert(String(parts[1]))
            } else if parts.count == 1, !line.hasPrefix("#") {
                unverified.insert(String(line))
            }
        }
    }

    var text: String {
        var lines = [Self.header]
        for path in files.keys.sorted() {
            for digest in files[path]!.sorted() {
                let hash = String(digest.hash, radix: 16)
                lines.append("file \(String(repeating: "0", count: 16 - hash.count))\(hash) \(digest.size) \(path)")
            }
        }
        lines += stagingFolders.sorted().map { "staging \($0)" }
        lines += unverified.sorted()
        return lines.joined(separator: "\n") + "\n"
    }

    /// True when `digest` is a content Salient recorded for `path`.
    func accepts(_ digest: ContentDigest?, at path: String) -> Bool {
        guard let digest else { return false }
        return files[path]?.contains(digest) ?? false
    }

    func listsStaging(_ name: String) -> Bool { stagingFolders.contains(name) }

    /// Records `digest` as the one content of `path`.
    mutating func record(_ path: String, _ digest: ContentDigest) {
        files[path] = [digest]
        unverified.remove(path)
    }

    /// Also accepts `digest` at `path`, keeping what was accepted there before.
    mutating func accept(_ path: String, _ digest: ContentDigest) {
        files[path, default: []].insert(digest)
        unverified.remove(path)
    }

    mutating func forget(_ path: String) {
        files[path] = nil
        unverified.remove(path)
    }

    mutating func addStaging(_ name: String) { stagingFolders.insert(name) }

    public mutating func removeStaging(_ name: String) { stagingFolders.remove(name) }
}
