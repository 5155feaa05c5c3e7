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
        if (status.st_mode & S_IFMT) == S_IFREG, let text = readRegularFile(path, bytes: Int(status.st_size)) {
            return text
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

    /// A regular file of `bytes` bytes read straight into a string's storage, with no second
    /// copy of its bytes held beside it. Nil when the file is not plainly valid UTF-8, or
    /// changed size, or cannot be read: the caller's path then says why.
    private static func readRegularFile(_ path: String, bytes size: Int) -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        var complete = false
        var heldReplacement = false
        let text = String(unsafeUninitializedCapacity: size) { buffer in
            guard let base = buffer.baseAddress else {
                complete = true
                return 0
            }
            var filled = 0
            while filled < size {
                let count = Foundation.read(descriptor, base + filled, size - filled)
                if count < 0, errno == EINTR { continue }
                guard count > 0 else { return 0 }
                filled += count
            }
            // One byte more means the file grew since its size was read.
            var probe: UInt8 = 0
            guard Foundation.read(descriptor, &probe, 1) == 0 else { return 0 }
            complete = true
            if filled >= 3, base[0] == 0xEF, base[1] == 0xBB, base[2] == 0xBF {
                memmove(base, base + 3, filled - 3)
                filled -= 3
            }
            heldReplacement = holdsReplacementCharacter(UnsafeBufferPointer(start: base, count: filled))
            return filled
        }
        // The string repairs invalid UTF-8 with U+FFFD: text that held none before and holds one
        // now was invalid. Text that held one is checked the slower way.
        guard complete, !heldReplacement else { return nil }
        var checked = text
        let repaired = checked.withUTF8(holdsReplacementCharacter)
        return repaired ? nil : text
    }

    /// Whether the bytes hold U+FFFD (EF BF BD), found by `memchr` from one EF to the next.
    static func holdsReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard var next = bytes.baseAddress else { return false }
        let end = next + bytes.count
        while end - next >= 3, let found = memchr(next, 0xEF, end - next - 2) {
            let lead = found.assumingMemoryBound(to: UInt8.self)
            if lead[1] == 0xBF, lead[2] == 0xBD { return true }
            next = UnsafePointer(lead) + 1
        }
        return false
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
