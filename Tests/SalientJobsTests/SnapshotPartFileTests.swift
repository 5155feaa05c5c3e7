import Foundation
import Testing

@testable import SalientJobs

/// Reading back the staged part files a worker wrote (`SnapshotJob.forEachLine`).
@Suite struct SnapshotPartFileTests {
    /// Writes `text` to a new file and returns the lines `forEachLine` gives, which also removes it.
    static func linesRead(_ text: [UInt8]) throws -> [[UInt8]] {
        let path = NSTemporaryDirectory() + "salient-part-\(UUID().uuidString)"
        try Data(text).write(to: URL(fileURLWithPath: path))
        var lines: [[UInt8]] = []
        try SnapshotJob.forEachLine(of: path) { lines.append(Array($0)) }
        #expect(!FileManager.default.fileExists(atPath: path), "the part is removed once read")
        return lines
    }

    /// The lines a part file holds: split at each newline, the last kept when it has none.
    static func expected(_ text: [UInt8]) -> [[UInt8]] {
        var lines = text.split(separator: 0x0A, omittingEmptySubsequences: false).map(Array.init)
        if lines.last == [] { lines.removeLast() }
        return lines
    }

    /// Lines shorter and longer than one read (a 3 MB control state among short rows), lines
    /// that end exactly at a read's end, empty lines, and a last line with no newline.
    @Test func linesAcrossReadsAreGivenWhole() throws {
        let read = SnapshotJob.readBytes
        let lengths = [0, 5, read - 6, 0, read, 2, 3 * read + 17, 1, read - 1]
        for finalNewline in [true, false] {
            var text: [UInt8] = []
            for (n, length) in lengths.enumerated() {
                text += (0..<length).map { UInt8(ascii: "a") + UInt8(($0 + n) % 26) }
                if n < lengths.count - 1 || finalNewline { text.append(0x0A) }
            }
            let lines = try Self.linesRead(text)
            #expect(lines.map(\.count) == Self.expected(text).map(\.count))
            #expect(lines == Self.expected(text))
        }
    }

    @Test func emptyPartGivesNoLine() throws {
        #expect(try Self.linesRead([]).isEmpty)
        #expect(try Self.linesRead([0x0A]) == [[]])
    }

    /// A part that cannot be opened is a failure of the run, named by its path.
    @Test func missingPartIsAWriteFailure() {
        let path = NSTemporaryDirectory() + "salient-part-missing-\(UUID().uuidString)"
        let error = #expect(throws: (any Error).self) { try SnapshotJob.forEachLine(of: path) { _ in } }
        #expect(error.map { String(describing: $0).contains(path) } == true, "\(String(describing: error))")
    }
}
