import Foundation

/// Stages files whose contents are bytes (a PNG is not text) beside their places in an output
/// folder, each written whole and flushed, for `FileSet` to move into place with the manifest.
public enum BinaryFileSet {
    public static func write(_ files: [(name: String, contents: Data)], into folder: OutputFolder, force: Bool) throws {
        try folder.checkPath()
        try folder.create()
        var staged: [(name: String, temporary: String)] = []
        do {
            for file in files {
                let final = folder.url(file.name)
                let parent = (final as NSString).deletingLastPathComponent
                if mkdir(parent, 0o755) != 0, errno != EEXIST {
                    throw WriteFailure.writing(parent, "cannot create the output folder", errno: errno)
                }
                let temporary = AtomicFileWriter.temporary(for: final)
                try writeDurably(file.contents, to: temporary, reportedAs: final)
                staged.append((file.name, temporary))
            }
        } catch {
            for item in staged { unlink(item.temporary) }
            throw error
        }
        try FileSet.write([], into: folder, force: force, prestaged: staged)
    }

    private static func writeDurably(_ data: Data, to temporary: String, reportedAs path: String) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw WriteFailure.writing(path, errno: errno) }
        defer { close(fd) }
        let failure: Int32? = data.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return errno
                }
                offset += n
            }
            return fsync(fd) == 0 ? nil : errno
        }
        if let failure {
            unlink(temporary)
            throw WriteFailure.writing(path, errno: failure)
        }
    }
}
