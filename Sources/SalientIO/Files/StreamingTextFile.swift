import Foundation

/// A text file written in pieces, hashed as it is written (its digest goes to the manifest).
/// Closing it does not flush it to disk: it is written inside a staging folder, and
/// `FileSystemFlush` makes the whole folder durable once before it moves into place (one
/// flush for a thousand days' files instead of one wait on the disk for each).
public final class StreamingTextFile {
    let path: String
    /// The path messages name: the final file's, for a temporary written beside it.
    private let shownPath: String
    private var descriptor: Int32
    private let hasher = ContentHasher()
    /// The most bytes one write call hands the kernel: a call of several megabytes costs the
    /// kernel more than the same bytes in calls of this size (Benchmarks/README.md).
    static let callBytes = 128 * 1024

    /// A file of `text`, written whole; returns its digest.
    @discardableResult
    public static func write(_ text: String, to path: String) throws -> ContentDigest {
        let file = try StreamingTextFile(path: path)
        try file.write(text)
        try file.close()
        return file.digest
    }

    public init(path: String, reportedAs shownPath: String? = nil) throws {
        self.path = path
        self.shownPath = shownPath ?? path
        descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else {
            throw WriteFailure.writing(
                self.shownPath, errno: errno, hint: "check that the folder exists and is writable")
        }
    }

    /// The size and hash of what was written so far.
    public var digest: ContentDigest { hasher.digest }

    public func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the pieces in order, as one gathered write per `IOV_MAX` pieces (writev), so that
    /// bytes kept elsewhere reach the file without first being copied together. Empties `pieces`.
    func write(gathering pieces: inout [iovec]) throws {
        guard descriptor >= 0 else { return }
        for piece in pieces { hasher.update(UnsafeRawBufferPointer(start: piece.iov_base, count: piece.iov_len)) }
        var start = 0
        while start < pieces.count {
            if let injected = FaultInjection.error(writing: path) {
                throw WriteFailure.writing(shownPath, errno: injected)
            }
            let written = pieces.withUnsafeBufferPointer {
                writev(descriptor, $0.baseAddress! + start, Int32(min($0.count - start, 1024)))
            }
            if written < 0 {
                if errno == EINTR { continue }
                throw WriteFailure.writing(shownPath, errno: errno)
            }
            // A short write leaves the rest of a piece, and the pieces after it, for the next call.
            var left = written
            while start < pieces.count, left >= pieces[start].iov_len {
                left -= pieces[start].iov_len
                start += 1
            }
            if left > 0 {
                pieces[start].iov_base += left
                pieces[start].iov_len -= left
            }
        }
        pieces.removeAll(keepingCapacity: true)
    }

    /// Writes bytes laid out elsewhere (UTF-8 text) as they are.
    public func write(bytes: UnsafeRawBufferPointer) throws {
        try write(bytes)
    }

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        guard descriptor >= 0 else { return }
        hasher.update(bytes)
        var offset = 0
        while offset < bytes.count {
            if let injected = FaultInjection.error(writing: path) {
                throw WriteFailure.writing(shownPath, errno: injected)
            }
            let n = Foundation.write(descriptor, bytes.baseAddress! + offset, min(bytes.count - offset, Self.callBytes))
            if n < 0 {
                if errno == EINTR { continue }
                throw WriteFailure.writing(shownPath, errno: errno)
            }
            offset += n
        }
    }

    /// Flushes the file to disk, then closes it: for a file staged on its own, not in a
    /// staging folder that is flushed whole.
    func closeDurably() throws {
        guard descriptor >= 0 else { return }
        if let injected = FaultInjection.error(writing: path) { throw WriteFailure.writing(shownPath, errno: injected) }
        guard fsync(descriptor) == 0 else { throw WriteFailure.writing(shownPath, errno: errno) }
        try close()
    }

    public func close() throws {
        guard descriptor >= 0 else { return }
        let fd = descriptor
        descriptor = -1
        if Foundation.close(fd) != 0 { throw WriteFailure.writing(shownPath, errno: errno) }
    }

    deinit {
        if descriptor >= 0 { Foundation.close(descriptor) }
    }
}
