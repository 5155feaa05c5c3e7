import Foundation

/// Reads input files as UTF-8 text, refusing what is not.
public enum TextFile {
    public static func read(_ path: String) throws -> String {
        var status = stat()
        if stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            throw InputError("expected a file, found a folder", file: path)
        }
        let limit = try Limits.fileBytes
        if stat(path, &status) == 0, Int(status.st_size) > limit {
            throw InputError(
                "the file is \(status.st_size / 1_048_576) MiB, more than Salient reads (\(limit / 1_048_576) MiB)",
                file: path, hint: "split it, or raise the limit with SALIENT_MAX_INPUT_MB if you have the memory")
        }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(
                FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "file not found", file: path)
        }
        var bytes = data
        // A UTF-8 byte-order mark is harmless; drop it rather than refuse the file.
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let decoded = bytes.withUnsafeBytes { String(validating: $0.bindMemory(to: UInt8.self), as: UTF8.self) }
        guard let text = decoded else {
            let line = lineOfFirstInvalidByte(bytes)
            throw InputError("the file is not valid UTF-8", file: path, line: line, hint: "save it as UTF-8")
        }
        return text
    }

    private static func lineOfFirstInvalidByte(_ data: Data) -> Int {
        var line = 1
        var index = data.startIndex
        while index < data.endIndex {
            let end = data[index...].firstIndex(of: 0x0A) ?? data.endIndex
            if String(data: data[index..<end], encoding: .utf8) == nil { return line }
            line += 1
            index = end == data.endIndex ? end : data.index(after: end)
        }
        return line
    }
}
