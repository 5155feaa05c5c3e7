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
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == Data("{\"type\": \"FeatureCollection\"}\nКурск\n".utf8))
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
