import Foundation
import Testing

@testable import SalientIO

/// Input files are read straight into a string's storage; what that storage would repair
/// silently (invalid UTF-8) must still be refused, on the line where it is written.
@Suite struct TextFileTests {
    private func written(_ bytes: [UInt8]) throws -> String {
        let path = FileManager.default.temporaryDirectory
            .appendingPathComponent("salient-textfile-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        return path
    }

    private func refusal(_ bytes: [UInt8]) throws -> InputError? {
        let path = try written(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            _ = try TextFile.read(path)
            return nil
        } catch let error as InputError {
            return error
        }
    }

    @Test func validTextIsReadAsWritten() throws {
        let text = "id: Суджа\nnote: \u{FFFD} stands for a lost character\n🙂\n"
        let path = try written(Array(text.utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFile.read(path) == text)
    }

    @Test func aByteOrderMarkIsDropped() throws {
        let path = try written([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect(try TextFile.read(path) == "a: 1\n")
        let empty = try written([])
        defer { try? FileManager.default.removeItem(atPath: empty) }
        #expect(try TextFile.read(empty) == "")
    }

    /// A lone byte, a lead byte cut short, and a four-byte sequence cut to three (which the
    /// repair replaces by a character of the same length), each on line 3, alone and beside a
    /// U+FFFD written on purpose.
    @Test(arguments: [[0xFF], [0xC3, 0x41], [0xF0, 0x9F, 0x98, 0x41], [0xED, 0xA0, 0x80]] as [[UInt8]])
    func invalidUTF8IsRefusedOnItsLine(_ invalid: [UInt8]) throws {
        let head = Array("a: 1\nb: 2\nc: ".utf8)
        for prefix in [[], Array("z: \u{FFFD}\n".utf8)] as [[UInt8]] {
            let error = try #require(try refusal(prefix + head + invalid + Array("\nd: 4\n".utf8)))
            #expect(error.message == "the file is not valid UTF-8")
            #expect(error.line == 3 + (prefix.isEmpty ? 0 : 1))
        }
    }

    @Test func replacementCharactersAreFoundWhereverTheyLie() {
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        for before in 0..<5 {
            for after in 0..<3 {
                let bytes =
                    [UInt8](repeating: 0xEF, count: before) + replacement + [UInt8](repeating: 0x41, count: after)
                #expect(bytes.withUnsafeBufferPointer(TextFile.holdsReplacementCharacter), "\(before), \(after)")
                let cut = Array(bytes.dropLast(after + 1))
                #expect(!cut.withUnsafeBufferPointer(TextFile.holdsReplacementCharacter), "\(before), \(after)")
            }
        }
    }

    /// Files whose size says nothing of their length (as under /proc) are read to their end.
    @Test func aFileLongerThanItsSizeIsReadWhole() throws {
        let text = try TextFile.read("/proc/self/status")
        #expect(text.contains("Name:"))
        #expect(text.hasSuffix("\n"))
    }

    @Test func foldersAndMissingFilesAreNamed() throws {
        let folder = FileManager.default.temporaryDirectory.path
        #expect(throws: InputError("expected a file, found a folder", file: folder)) { try TextFile.read(folder) }
        let missing = folder + "/salient-no-such-file-\(UUID().uuidString).yaml"
        #expect(throws: InputError("file not found", file: missing)) { try TextFile.read(missing) }
    }
}
