import Foundation

/// A text file written in pieces. Closing it does not flush it to disk: it is written inside a
/// staging folder, and `FileSystemFlush` makes the whole folder durable once before it moves
/// into place (one flush for a thousand days' files instead of one wait on the disk for each).
final class StreamingTextFile {
    let path: String
    private var handle: FileHandle?

    /// A file of `text`, written whole.
    static func write(_ text: String, to path: String) throws {
        let file = try StreamingTextFile(path: path)
        try file.write(text)
        try file.close()
    }

    init(path: String) throws {
        self.path = path
        guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
            throw InputError("cannot write the output: \(String(cString: strerror(errno)))", file: path,
                             hint: "check that the folder exists and is writable")
        }
        self.handle = handle
    }

    func write(_ text: String) throws {
        var text = text
        try text.withUTF8 { try write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes the pieces in order, as one gathered write per `IOV_MAX` pieces (writev), so that
    /// bytes kept elsewhere reach the file without first being copied together. Empties `pieces`.
    func write(gathering pieces: inout [iovec]) throws {
        guard let handle else { return }
        let fd = handle.fileDescriptor
        var start = 0
        while start < pieces.count {
            let written = pieces.withUnsafeBufferPointer { writev(fd, $0.baseAddress! + start, Int32(min($0.count - start, 1024))) }
            if written < 0 {
                if errno == EINTR { continue }
                throw InputError("cannot write the output: \(String(cString: strerror(errno)))", file: path)
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

    private func write(_ bytes: UnsafeRawBufferPointer) throws {
        do {
            try handle?.write(contentsOf: bytes)
        } catch {
            throw InputError("cannot write the output: \(error.localizedDescription)", file: path)
        }
    }

    func close() throws {
        guard let handle else { return }
        self.handle = nil
        do {
            try handle.close()
        } catch {
            throw InputError("cannot write the output: \(error.localizedDescription)", file: path)
        }
    }

    deinit {
        try? handle?.close()
    }
}
