import Foundation
import ZIPFoundation

/// The lines of a GeoNames text file (`RU.txt`, `admin1CodesASCII.txt`, …) or of the `.txt`
/// files inside its `.zip`, read in pieces: `allCountries.txt` is 1.6 GB and need not fit in memory.
enum TabSeparatedLines {
    /// Text files a GeoNames zip carries beside its data, which are not data.
    static let companionFiles: Set<String> = ["readme.txt", "iso-languagecodes.txt"]

    /// Calls `body` with each line's bytes (no newline), its number from 1, and the name that
    /// messages should give its file (`RU.zip/RU.txt` for a zip's member).
    static func forEach(in path: String, _ body: (ArraySlice<UInt8>, Int, String) throws -> Void) throws {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError("file not found", file: path)
        }
        guard !isDirectory.boolValue else { throw InputError("expected a file, found a folder", file: path) }
        if path.lowercased().hasSuffix(".zip") {
            try forEachInZip(path, body)
            return
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw InputError("cannot read the file", file: path)
        }
        defer { try? handle.close() }
        var splitter = LineSplitter(file: path)
        while true {
            let chunk: Data
            do {
                guard let read = try handle.read(upToCount: 1 << 20), !read.isEmpty else { break }
                chunk = read
            } catch {
                throw InputError("cannot read the file: \(error.localizedDescription)", file: path)
            }
            try splitter.feed(chunk, body)
        }
        try splitter.finish(body)
    }

    private static func forEachInZip(_ path: String, _ body: (ArraySlice<UInt8>, Int, String) throws -> Void) throws {
        let archive: Archive
        do {
            archive = try Archive(url: URL(fileURLWithPath: path), accessMode: .read)
        } catch {
            throw InputError(
                "not a zip archive", file: path, hint: "give the .zip as GeoNames publishes it, or the .txt inside")
        }
        let members = archive.filter { entry in
            let name = (entry.path as NSString).lastPathComponent
            return entry.type == .file && name.lowercased().hasSuffix(".txt")
                && !companionFiles.contains(name.lowercased())
        }.sorted { $0.path < $1.path }
        guard !members.isEmpty else {
            throw InputError(
                "the zip holds no .txt file", file: path,
                hint: "a GeoNames zip such as RU.zip holds RU.txt; is this the right archive?")
        }
        for member in members {
            let name = "\(path)/\(member.path)"
            var splitter = LineSplitter(file: name)
            do {
                _ = try archive.extract(member, bufferSize: 1 << 20) { chunk in try splitter.feed(chunk, body) }
            } catch let error as InputError {
                throw error
            } catch {
                throw InputError("cannot unpack the zip: \(error)", file: name)
            }
            try splitter.finish(body)
        }
    }

    /// Splits pieces of bytes at `\n`, carrying an unfinished line over to the next piece.
    private struct LineSplitter {
        let file: String
        var pending: [UInt8] = []
        var line = 0

        init(file: String) { self.file = file }

        mutating func feed(_ chunk: Data, _ body: (ArraySlice<UInt8>, Int, String) throws -> Void) throws {
            pending.append(contentsOf: chunk)
            var start = 0
            while let end = pending[start...].firstIndex(of: 0x0A) {
                line += 1
                var slice = pending[start..<end]
                if slice.last == 0x0D { slice = slice.dropLast() }
                try body(slice, line, file)
                start = end + 1
            }
            pending.removeFirst(start)
        }

        mutating func finish(_ body: (ArraySlice<UInt8>, Int, String) throws -> Void) throws {
            guard !pending.isEmpty else { return }
            line += 1
            try body(pending[...], line, file)
            pending = []
        }
    }

    /// The tab-separated columns of a line as strings, refusing a wrong count and bytes that are
    /// not UTF-8 (naming the column they are in).
    static func columns(
        of bytes: ArraySlice<UInt8>, names: [String], accepting counts: Set<Int>? = nil,
        file: String, line: Int
    ) throws -> [String] {
        let parts = bytes.split(separator: 0x09, omittingEmptySubsequences: false)
        let allowed = counts ?? [names.count]
        guard allowed.contains(parts.count) else {
            let expected = allowed.sorted().map(String.init).joined(separator: " or ")
            throw InputError(
                "expected \(expected) tab-separated columns, found \(parts.count)", file: file, line: line,
                field: "columns", hint: "is this a GeoNames file of the kind this option reads?")
        }
        return try parts.enumerated().map { i, part in
            guard let text = String(validating: part, as: UTF8.self) else {
                throw InputError(
                    "the line is not valid UTF-8", file: file, line: line, field: i < names.count ? names[i] : nil,
                    hint: "GeoNames files are UTF-8; was this one converted to another encoding?")
            }
            return text
        }
    }
}
