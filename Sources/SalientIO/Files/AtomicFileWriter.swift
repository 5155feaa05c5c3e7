import Foundation

/// Writes a set of files so that each ends up with either its old content or its new one:
/// every file is first written to a temporary file beside it, flushed to disk, and only when
/// all are written are they renamed into place (rename is atomic within a folder).
public enum AtomicFileWriter {
    public static func write(_ files: [(path: String, contents: String)]) throws {
        var staged: [(temporary: String, final: String)] = []
        do {
            for file in files {
                let folder = (file.path as NSString).deletingLastPathComponent
                try createFolder(folder.isEmpty ? "." : folder, for: file.path)
                let temporary = (folder.isEmpty ? "." : folder) + "/.\((file.path as NSString).lastPathComponent).tmp-\(getpid())"
                try writeDurably(Data(file.contents.utf8), to: temporary, reportedAs: file.path)
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

    private static func createFolder(_ folder: String, for path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw InputError("cannot create the output folder '\(folder)'", file: path, hint: "check the path and its permissions")
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
