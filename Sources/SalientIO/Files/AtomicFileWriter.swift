import Foundation

/// Writes a file so that it ends up with either its old content or its new one: the new
/// content goes to a temporary file beside it (`.NAME.tmp-PID`), flushed to disk, and is
/// renamed into place (rename is atomic within a folder) only when the caller commits.
public enum AtomicFileWriter {
    /// A temporary file written whole and flushed, waiting to be renamed over `final`.
    public struct Staged {
        var temporary: String
        var final: String
        var digest: ContentDigest

        func moveIntoPlace() throws {
            guard rename(temporary, final) == 0 else {
                let code = errno
                unlink(temporary)
                throw WriteFailure.writing(final, "cannot replace the file", errno: code)
            }
        }

        func discard() { unlink(temporary) }
    }

    /// Writes files outside an output folder (a gazetteer folder, say), making their folders:
    /// every one staged and flushed before the first is renamed, so a failure while writing
    /// leaves them all as they were.
    public static func write(_ files: [(path: String, contents: String)]) throws {
        var staged: [Staged] = []
        do {
            for folder in Set(files.map { ($0.path as NSString).deletingLastPathComponent }) where !folder.isEmpty {
                do {
                    try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
                } catch {
                    throw InputError(
                        "cannot create the folder", file: folder, hint: "check the path and its permissions")
                }
            }
            for file in files { staged.append(try stage(file.contents, at: file.path)) }
        } catch {
            for file in staged { file.discard() }
            throw error
        }
        for (index, file) in staged.enumerated() {
            do {
                try file.moveIntoPlace()
            } catch {
                for later in staged[(index + 1)...] { later.discard() }
                throw error
            }
        }
    }

    /// The temporary name for `final`.
    static func temporary(for final: String, tag: String? = nil) -> String {
        let folder = (final as NSString).deletingLastPathComponent
        let name = (final as NSString).lastPathComponent + (tag.map { ".\($0)" } ?? "")
        return (folder.isEmpty ? "" : folder + "/") + ".\(name).tmp-\(getpid())"
    }

    /// The process that made a temporary named `name`, or nil when the name is not one.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), let range = name.range(of: ".tmp-", options: .backwards),
            range.lowerBound > name.index(after: name.startIndex),
            !name[range.upperBound...].isEmpty, name[range.upperBound...].allSatisfy(\.isASCII),
            let pid = Int32(name[range.upperBound...]), pid > 0
        else { return nil }
        return pid
    }

    /// - Parameter tag: tells two temporaries for one final file apart.
    static func stage(_ contents: String, at final: String, tag: String? = nil) throws -> Staged {
        let temporary = temporary(for: final, tag: tag)
        let hasher = ContentHasher()
        var contents = contents
        try contents.withUTF8 { bytes in
            let buffer = UnsafeRawBufferPointer(bytes)
            hasher.update(buffer)
            try writeDurably(buffer, to: temporary, reportedAs: final)
        }
        return Staged(temporary: temporary, final: final, digest: hasher.digest)
    }

    private static func writeDurably(
        _ bytes: UnsafeRawBufferPointer, to temporary: String, reportedAs path: String
    ) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw WriteFailure.writing(path, errno: errno, hint: "check that the folder exists and is writable")
        }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            if let injected = FaultInjection.error(writing: temporary) {
                unlink(temporary)
                throw WriteFailure.writing(path, errno: injected)
            }
            let n = Foundation.write(
                fd, bytes.baseAddress! + offset, min(bytes.count - offset, StreamingTextFile.callBytes))
            if n < 0 {
                if errno == EINTR { continue }
                let code = errno
                unlink(temporary)
                throw WriteFailure.writing(path, errno: code)
            }
            offset += n
        }
        if let injected = FaultInjection.error(writing: temporary) {
            unlink(temporary)
            throw WriteFailure.writing(path, errno: injected)
        }
        guard fsync(fd) == 0 else {
            let code = errno
            unlink(temporary)
            throw WriteFailure.writing(path, errno: code)
        }
    }
}
