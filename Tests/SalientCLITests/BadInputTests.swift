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

    static let files: [String] =
        ((try? FileManager.default.contentsOfDirectory(
            atPath: SalientProcess.fixtures.appendingPathComponent("bad").path)) ?? []).sorted()

    @Test(arguments: Self.files)
    func corpusFileMeetsItsExpectedAnswer(_ file: String) throws {
        let expected = try #require(Self.expected[file], "\(file) has no entry in bad-expected.json")
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(
            ["export", "bad/\(file)", "--out", out.path, "--quiet"], in: SalientProcess.fixtures)
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
        #expect(
            result.stderr
                == "error: the file is 100 MiB, more than Salient reads (64 MiB) (\(big.path)) — split it, or raise the limit with SALIENT_MAX_INPUT_MB if you have the memory\n"
        )
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
        try FileManager.default.createSymbolicLink(
            atPath: out.appendingPathComponent("daily").path, withDestinationPath: elsewhere.path)
        let result = try SalientProcess.run(["snapshots", SnapshotTests.threeDays, "--out", out.path])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: refusing to write through a symbolic link (\(out.path)/daily) — give the real folder with --out, or remove the link\n"
        )
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

    /// A 10 MB unknown place name is refused by its length, in one short line, not compared
    /// against every name for suggestions.
    @Test func tenMegabytePlaceNameIsRefusedByLength() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let valid = try String(
            contentsOf: SalientProcess.fixtures.appendingPathComponent("timelines/valid.yaml"), encoding: .utf8)
        let name = String(repeating: "Bravvo", count: 1_750_000)
        let text = valid.replacingOccurrences(of: "place: Bravo\n", with: "place: \(name)\n")
            .replacingOccurrences(
                of: "gazetteer: ../gazetteer", with: "gazetteer: \(SalientProcess.fixtures.path)/gazetteer")
        let timeline = folder.appendingPathComponent("long-name.yaml")
        try text.write(to: timeline, atomically: true, encoding: .utf8)
        let result = try SalientProcess.run([
            "export", timeline.path, "--out", folder.appendingPathComponent("out").path,
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: a place name of 10500000 characters is longer than Salient accepts (200) "
                + "(\(timeline.path):59, field events[2].place) — name the place by its id or a shorter name\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("out").path))
    }

    /// A limit too large for Salient's arithmetic is refused by name, not trapped on overflow.
    @Test(arguments: ["9999999999999", "0", "lots"])
    func maximumInputSettingOutOfRangeIsRefused(setting: String) throws {
        let result = try SalientProcess.run(
            ["export", "timelines/valid.yaml", "--quiet"], in: SalientProcess.fixtures,
            environment: ["SALIENT_MAX_INPUT_MB": setting])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: SALIENT_MAX_INPUT_MB is '\(setting)', not a whole number of mebibytes from 1 to 1048576 "
                + "— unset it for the default of 64, or set it to e.g. 256\n")
    }

    /// `salient places` reads the gazetteer through the same reader: the alias bomb used as a
    /// key is refused there too.
    @Test func placesRefusesAGazetteerAliasBombKey() throws {
        let result = try SalientProcess.run(
            ["places", "--gazetteer", "bad-gazetteers/alias-bomb-key"], in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(
            result.stderr == "error: the file expands to more values than its size allows "
                + "(bad-gazetteers/alias-bomb-key/places.geojson:8, field l5[0]) — YAML aliases that repeat large parts (an alias bomb) are refused\n"
        )
        #expect(result.stdout.isEmpty)
    }

    /// A name `salient places` does not know comes back escaped, on one line: a newline in it
    /// cannot forge a second error line, nor an escape sequence reach the terminal.
    @Test func placesEscapesTheNamesItQuotes() throws {
        let result = try SalientProcess.run(
            ["places", "--gazetteer", "gazetteer", "Nowhere\nerror: forged\u{1B}[31m"],
            in: SalientProcess.fixtures)
        #expect(result.status == 2)
        #expect(result.stderr == "error: unknown place 'Nowhere\\nerror: forged\\u{1B}[31m'\n")
        #expect(result.stdout.isEmpty)
    }
}
