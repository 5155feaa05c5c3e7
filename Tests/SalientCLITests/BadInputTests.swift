import Foundation
import Testing

/// The bad-input corpus: every file under Fixtures/bad (its first line says what is wrong
/// with it) meets exactly the message and exit code recorded in Fixtures/bad-expected.json,
/// and a refused run writes nothing. Cases too large to commit are made by the tests below.
@Suite struct BadInputTests {
    struct Expected: Decodable {
        var status: Int32
        var stderr: String
    }

    static let expected: [String: Expected] = {
        let url = SalientProcess.fixtures.appendingPathComponent("bad-expected.json")
        return (try? JSONDecoder().decode([String: Expected].self, from: Data(contentsOf: url))) ?? [:]
    }()

    static let files: [String] = ((try? FileManager.default.contentsOfDirectory(
        atPath: SalientProcess.fixtures.appendingPathComponent("bad").path)) ?? []).sorted()

    @Test(arguments: Self.files)
    func corpusFileMeetsItsExpectedAnswer(_ file: String) throws {
        let expected = try #require(Self.expected[file], "\(file) has no entry in bad-expected.json")
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["export", "bad/\(file)", "--out", out.path, "--quiet"], in: SalientProcess.fixtures)
        #expect(result.status == expected.status)
        #expect(result.stderr == expected.stderr)
        if expected.status != 0 {
            #expect(result.stdout.isEmpty)
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty, "a refused run wrote output")
        }
    }

    @Test func everyExpectationHasItsFile() {
        #expect(Set(Self.expected.keys) == Set(Self.files))
        #expect(Self.files.count > 50)
    }

    /// A 100 MB timeline is refused by its size before a byte is parsed (the file is sparse,
    /// so the test costs nothing).
    @Test func hundredMegabyteTimelineIsRefusedBySize() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let big = folder.appendingPathComponent("huge.yaml")
        #expect(FileManager.default.createFile(atPath: big.path, contents: Data("salient: 1\n".utf8)))
        let handle = try FileHandle(forWritingTo: big)
        try handle.truncate(atOffset: 100 * 1024 * 1024)
        try handle.close()
        let result = try SalientProcess.run(["export", big.path, "--out", folder.appendingPathComponent("out").path])
        #expect(result.status == 2)
        #expect(result.stderr == "error: the file is 100 MiB, more than Salient reads (64 MiB) (\(big.path)) — split it, or raise the limit with SALIENT_MAX_INPUT_MB if you have the memory\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// Output never goes through a symbolic link to somewhere the user did not choose.
    @Test func outputThroughASymbolicLinkIsRefused() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let elsewhere = folder.appendingPathComponent("elsewhere")
        try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: out.appendingPathComponent("daily").path, withDestinationPath: elsewhere.path)
        let result = try SalientProcess.run(["snapshots", SnapshotTests.threeDays, "--out", out.path])
        #expect(result.status == 2)
        #expect(result.stderr == "error: refusing to write through a symbolic link (\(out.path)/daily) — give the real folder with --out, or remove the link\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path).isEmpty)
        let linked = folder.appendingPathComponent("linked-out")
        try FileManager.default.createSymbolicLink(atPath: linked.path, withDestinationPath: elsewhere.path)
        let export = try SalientProcess.run(["export", ExportTests.fixtureTimeline, "--out", linked.path])
        #expect(export.status == 2)
        #expect(export.stderr.hasPrefix("error: refusing to write through a symbolic link"))
    }

    @Test func missingTimelineIsBadInput() throws {
        let result = try SalientProcess.run(["export", "no/such/timeline.yaml"])
        #expect(result.status == 2)
        #expect(result.stderr == "error: file not found (no/such/timeline.yaml)\n")
    }

    @Test func badOptionIsAUsageError() throws {
        let result = try SalientProcess.run(["export", "timelines/kursk-2024.yaml", "--as-of", "2024-02-30"])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("Error: The value '2024-02-30' is invalid for '--as-of <YYYY-MM-DD>'"))
        let unknown = try SalientProcess.run(["export", "timelines/kursk-2024.yaml", "--frobnicate"])
        #expect(unknown.status == 2)
        #expect(unknown.stderr.contains("Unknown option '--frobnicate'"))
    }
}
