import Foundation
import Testing

@testable import SalientIO

/// The files a snapshot set is staged in, and the one flush that makes the set durable.
@Suite struct StagedOutputTests {
    private func scratchFolder(_ name: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(getpid())").path
        try? FileManager.default.removeItem(atPath: path)
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aFileWrittenWholeHoldsExactlyItsText() throws {
        let folder = try scratchFolder("staged-whole")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let path = folder + "/day.geojson"
        try StreamingTextFile.write("first\n", to: path)
        try StreamingTextFile.write("{\"type\": \"FeatureCollection\"}\nКурск\n", to: path)
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{\"type\": \"FeatureCollection\"}\nКурск\n".utf8))
    }

    /// Daily events files are written as gathered pieces, more than one writev takes at once.
    @Test func gatheredPiecesReachTheFileInOrder() throws {
        let folder = try scratchFolder("staged-gathered")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let chunks = (0..<3000).map { Array("piece \($0) \(String(repeating: "é", count: $0 % 7));".utf8) }
        let path = folder + "/events.geojson"
        let file = try StreamingTextFile(path: path)
        try file.write("head|")
        let storage = chunks.map { chunk -> UnsafeMutableRawBufferPointer in
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(chunk.count, 1), alignment: 1)
            buffer.copyBytes(from: chunk)
            return buffer
        }
        defer { for buffer in storage { buffer.deallocate() } }
        var pieces = zip(storage, chunks).map { iovec(iov_base: $0.baseAddress!, iov_len: $1.count) }
        try file.write(gathering: &pieces)
        #expect(pieces.isEmpty)
        try file.write("|tail")
        try file.close()
        #expect(
            try Data(contentsOf: URL(fileURLWithPath: path))
                == Data(Array("head|".utf8) + Array(chunks.joined()) + Array("|tail".utf8)))
    }

    @Test func aFileInAMissingFolderIsRefusedNamingIt() throws {
        let path = "/nonexistent-salient-folder/daily/2024-08-06.events.geojson"
        let error = try #require(throws: InputError.self) { try StreamingTextFile.write("x", to: path) }
        #expect(error.file == path)
        #expect(error.message.hasPrefix("cannot write the output"))
    }

    @Test func flushingAFolderSucceedsAndKeepsItsFiles() throws {
        let folder = try scratchFolder("staged-flush")
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try StreamingTextFile.write("kept\n", to: folder + "/series.csv")
        try FileSystemFlush.flush(folder: folder)
        #expect(try String(contentsOfFile: folder + "/series.csv", encoding: .utf8) == "kept\n")
    }

    @Test func flushingAMissingFolderIsRefusedNamingIt() throws {
        let folder = "/nonexistent-salient-folder/.salient-staging-1"
        let error = try #require(throws: InputError.self) { try FileSystemFlush.flush(folder: folder) }
        #expect(error.file == folder)
        #expect(error.message.contains("No such file or directory"))
    }
}
