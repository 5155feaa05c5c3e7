import Foundation

/// Writes a set of files whose contents are bytes (a PNG is not text, and AtomicFileWriter
/// takes text), with AtomicFileWriter's promise: each file is staged beside its final path and
/// flushed, and only when all are staged are they renamed into place; a failure leaves the old files.
enum BinaryFileSet {
    static func write(_ files: [(path: String, contents: Data)]) throws {
        var staged: [(temporary: String, final: String)] = []
        do {
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                do {
                    try FileManager.default.createDirectory(atPath: folder.isEmpty ? "." : folder,
                                                            withIntermediateDirectories: true)
                } catch {
                    throw InputError("cannot create the output folder '\(folder)'", file: file.path,
                                     hint: "check the path and its permissions")
                }
                let name = (file.path as NSString).lastPathComponent
                let temporary = (folder.isEmpty ? "." : folder) + "/.\(name).tmp-\(getpid())"
                try writeDurably(file.contents, to: temporary, reportedAs: file.path)
                staged.append((temporary, file.path))
            }
            for item in staged where rename(item.temporary, item.final) != 0 {
                throw InputError("cannot replace the file: \(String(cString: strerror(errno)))", file: item.final)
            }
        } catch {
            for item in staged { unlink(item.temporary) }
            throw error
        }
    }

    private static func writeDurably(_ data: Data, to temporary: String, reportedAs path: String) throws {
        let fd = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw InputError("cannot write the output: \(String(cString: strerror(errno)))", file: path,
                             hint: "check that the folder exists and is writable")
        }
        defer { close(fd) }
        let written = data.withUnsafeBytes { buffer -> Int in
            var offset = 0
            while offset < buffer.count {
                let n = Foundation.write(fd, buffer.baseAddress! + offset, buffer.count - offset)
                if n < 0 { if errno == EINTR { continue }; return -1 }
                offset += n
            }
            return offset
        }
        guard written == data.count, fsync(fd) == 0 else {
            unlink(temporary)
            throw InputError("cannot write the output: \(String(cString: strerror(errno)))", file: path)
        }
    }
}
