import Foundation
import Testing

@testable import SalientIO

@Suite struct OutputFolderTests {
    private func scratchFolder() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("output-folder-\(UUID().uuidString)")
            .path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func aHeldLockRefusesASecondOne() throws {
        let path = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let folder = OutputFolder(path: path)
        let held = try folder.lock()
        let refusal = try #require(throws: OutputRefusal.self) { try folder.lock() }
        #expect(
            refusal
                == OutputRefusal("another salient run is writing to \(path)", path: path, remedy: .waitForTheOtherRun))
        #expect(
            refusal.description
                == "another salient run is writing to \(path) — wait for it to finish, or choose another output folder")
        held.release()
        #expect(!FileManager.default.fileExists(atPath: path + "/.salient-lock"))
        try folder.lock().release()
    }

    @Test func temporariesAreKnownByTheirName() {
        #expect(AtomicFileWriter.temporaryOwner(".events.geojson.tmp-4711") == 4711)
        #expect(AtomicFileWriter.temporaryOwner(".salient-manifest.final.tmp-12") == 12)
        #expect(AtomicFileWriter.temporaryOwner("events.geojson.tmp-4711") == nil)
        #expect(AtomicFileWriter.temporaryOwner(".tmp-4711") == nil)
        #expect(AtomicFileWriter.temporaryOwner(".events.geojson.tmp-") == nil)
        #expect(AtomicFileWriter.temporaryOwner(".events.geojson.tmp-12a") == nil)
    }

    /// A file counts as Salient's only while its bytes are those the manifest recorded.
    @Test func ownershipFollowsTheContent() throws {
        let path = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let folder = OutputFolder(path: path)
        var manifest = Manifest()
        manifest.record("series.csv", try StreamingTextFile.write("date\n", to: path + "/series.csv"))
        #expect(folder.isOurs("series.csv", manifest: manifest))
        try StreamingTextFile.write("DATE\n", to: path + "/series.csv")
        #expect(!folder.isOurs("series.csv", manifest: manifest))
        let refusal = try #require(throws: OutputRefusal.self) {
            try folder.checkOwnership(of: ["series.csv"], force: true, manifest: manifest)
        }
        #expect(refusal.remedy == .moveYourFiles)
    }

    @Test func aPathThroughASymbolicLinkIsRefusedAtTheLink() throws {
        let path = try scratchFolder()
        defer { try? FileManager.default.removeItem(atPath: path) }
        try FileManager.default.createDirectory(atPath: path + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: path + "/link", withDestinationPath: path + "/real")
        let refusal = try #require(throws: OutputRefusal.self) {
            try OutputFolder(path: path + "/link/a/b").checkPath()
        }
        #expect(refusal.path == path + "/link")
        try OutputFolder(path: path + "/real/a/b").checkPath()
    }
}
