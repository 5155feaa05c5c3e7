import Foundation
import Testing

@testable import SalientIO

/// Files a user had are never deleted or replaced, whatever the folder, the manifest or
/// another run does (issue 13, items 10 to 16).
@Suite struct FilesAUserHadTests {
    static let threeDays = SnapshotTests.threeDays
    static let valid = ExportTests.fixtureTimeline
    static let checkable = SalientProcess.fixtures.appendingPathComponent("check/fixture-check.yaml").path

    static func withFolder<T>(_ body: (URL) throws -> T) throws -> T {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        return try body(folder)
    }

    static func write(_ text: String, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    /// A copy of the check fixture, its maps and the gazetteer, so that a test may aim outputs at them.
    static func copyOfTheFixture(in folder: URL) throws -> URL {
        for name in ["gazetteer", "check"] {
            try FileManager.default.copyItem(
                at: SalientProcess.fixtures.appendingPathComponent(name),
                to: folder.appendingPathComponent(name))
        }
        return folder.appendingPathComponent("check/fixture-check.yaml")
    }

    // 10
    @Test func aUsersStagingNamedFolderIsNeverDeleted() throws {
        try Self.withFolder { out in
            let mine = out.appendingPathComponent(".salient-staging-999999/notes.txt")
            try Self.write("mine\n", to: mine)
            // Marked as Salient's, but not listed in the manifest: still not Salient's to delete.
            let marked = out.appendingPathComponent(".salient-staging-999998/.made-by-salient")
            try Self.write("", to: marked)
            let result = try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            let again = try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"])
            #expect(again.status == 0, "\(again.stderr)")
            #expect(try String(contentsOf: mine, encoding: .utf8) == "mine\n")
            #expect(FileManager.default.fileExists(atPath: marked.path))
            let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter {
                $0.hasPrefix(".salient-staging-")
            }
            #expect(left.sorted() == [".salient-staging-999998", ".salient-staging-999999"])
        }
    }

    /// A staging folder a killed run left (marked and listed) is removed by the next run.
    @Test func aKilledRunsStagingFolderIsRemoved() throws {
        try Self.withFolder { out in
            #expect(try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"]).status == 0)
            let manifest = out.appendingPathComponent(".salient-manifest")
            try (try String(contentsOf: manifest, encoding: .utf8) + "staging .salient-staging-999997\n")
                .write(to: manifest, atomically: false, encoding: .utf8)
            try Self.write("", to: out.appendingPathComponent(".salient-staging-999997/.made-by-salient"))
            try Self.write(
                "{}", to: out.appendingPathComponent(".salient-staging-999997/daily/2024-09-01.control.geojson"))
            #expect(try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"]).status == 0)
            #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent(".salient-staging-999997").path))
            #expect(!(try String(contentsOf: manifest, encoding: .utf8)).contains("\nstaging "))
        }
    }

    // 11
    @Test(arguments: ["export", "snapshots", "check"])
    func aSecondRunWhileTheLockIsHeldIsRefused(_ command: String) throws {
        try Self.withFolder { folder in
            let out = folder.appendingPathComponent("out")
            try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
            let fd = open(out.appendingPathComponent(".salient-lock").path, O_RDWR | O_CREAT, 0o644)
            #expect(fd >= 0)
            defer { close(fd) }
            #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
            let arguments: [String]
            switch command {
            case "export": arguments = ["export", Self.valid, "--out", out.path]
            case "snapshots": arguments = ["snapshots", Self.threeDays, "--out", out.path]
            default: arguments = ["check", Self.checkable, "--geojson", out.appendingPathComponent("r.geojson").path]
            }
            let result = try SalientProcess.run(arguments)
            #expect(result.status == 2)
            let another = command == "check" ? "choose another file with --geojson" : "choose another folder with --out"
            #expect(
                result.stderr
                    == "error: another salient run is writing to \(out.path) — wait for it to finish, or \(another)\n")
            #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == [".salient-lock"])
        }
    }

    // 12
    @Test func aFullDiskWhileTheManifestIsWrittenLeavesTheOldStateWhole() throws {
        try Self.withFolder { out in
            #expect(
                try SalientProcess.run([
                    "snapshots", Self.threeDays, "--out", out.path, "--quiet", "--to", "2024-09-02",
                ]).status == 0)
            try Self.expectFullDisk(
                ["snapshots", Self.threeDays, "--out", out.path, "--quiet"], leaves: out,
                failing: ".salient-manifest.final", named: ".salient-manifest")
            let next = try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"])
            #expect(next.status == 0, "\(next.stderr)")
        }
    }

    /// The events layer is streamed to its temporary as it is made: a full disk there names the
    /// final file, leaves the earlier export whole and no temporary behind.
    @Test func aFullDiskWhileTheStreamedEventsLayerIsWrittenLeavesTheOldExportWhole() throws {
        try Self.withFolder { out in
            #expect(try SalientProcess.run(["export", Self.valid, "--out", out.path, "--quiet"]).status == 0)
            try Self.expectFullDisk(
                ["export", Self.valid, "--out", out.path, "--quiet"], leaves: out, failing: ".events.geojson.tmp-",
                named: "events.geojson")
        }
    }

    /// Runs `arguments` with every write to a path containing `failing` failing as on a full
    /// disk: exit 1, one line naming `named` in the folder, and the folder as it was.
    private static func expectFullDisk(_ arguments: [String], leaves out: URL, failing: String, named: String)
        throws
    {
        let before = try SnapshotTests.contents(of: out)
        let result = try SalientProcess.run(arguments, environment: ["SALIENT_TEST_FAIL_WRITES_TO": failing])
        #expect(result.status == 1)
        #expect(
            result.stderr == "error: cannot write the output: No space left on device (\(out.path)/\(named))\n")
        #expect(try SnapshotTests.contents(of: out) == before)
    }

    // 13
    @Test func aHandEditedManifestNeverMakesAUsersFileDeleted() throws {
        try Self.withFolder { out in
            #expect(try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path, "--quiet"]).status == 0)
            let notes = out.appendingPathComponent("daily/notes.txt")
            try Self.write("keep me\n", to: notes)
            let manifest = out.appendingPathComponent(".salient-manifest")
            // Listed as an older Salient listed files, and with a made-up hash of the right size.
            try
                (try String(contentsOf: manifest, encoding: .utf8)
                + "daily/notes.txt\nfile 0123456789abcdef 8 daily/notes.txt\n")
                .write(to: manifest, atomically: false, encoding: .utf8)
            let refused = try SalientProcess.run(["snapshots", Self.threeDays, "--out", out.path])
            #expect(refused.status == 2)
            #expect(
                refused.stderr
                    == "error: the output folder holds files Salient did not write: daily/notes.txt (\(out.path)) — choose another folder with --out, or pass --force to write beside them (they are never deleted)\n"
            )
            for range in [[], ["--to", "2024-09-01"]] {
                let forced = try SalientProcess.run(
                    ["snapshots", Self.threeDays, "--out", out.path, "--quiet", "--force"] + range)
                #expect(forced.status == 0, "\(forced.stderr)")
                #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me\n")
            }
        }
    }

    /// A file of Salient's that the user changed is the user's now: never replaced, even with --force.
    @Test func anEditedOutputIsNeverReplaced() throws {
        try Self.withFolder { out in
            #expect(try SalientProcess.run(["export", Self.valid, "--out", out.path, "--quiet"]).status == 0)
            let events = out.appendingPathComponent("events.geojson")
            try Self.write("my edit\n", to: events)
            for force in [[], ["--force"]] {
                let result = try SalientProcess.run(["export", Self.valid, "--out", out.path] + force)
                #expect(result.status == 2)
                #expect(
                    result.stderr
                        == "error: the output folder holds files Salient did not write where it writes: events.geojson (\(out.path)) — move or rename them, or choose another folder with --out (Salient never replaces them)\n"
                )
                #expect(try String(contentsOf: events, encoding: .utf8) == "my edit\n")
            }
        }
    }

    // 14
    @Test func checkNeverReplacesAUsersAreasFileNorItsTimeline() throws {
        try Self.withFolder { folder in
            let timeline = try Self.copyOfTheFixture(in: folder)
            let text = try String(contentsOf: timeline, encoding: .utf8)
            let areas = folder.appendingPathComponent("r.areas.geojson")
            try Self.write("mine\n", to: areas)
            let refused = try SalientProcess.run([
                "check", timeline.path, "--geojson", folder.appendingPathComponent("r.geojson").path,
            ])
            #expect(refused.status == 2)
            #expect(
                refused.stderr
                    == "error: the output folder holds files Salient did not write where it writes: r.areas.geojson (\(folder.path)) — move or rename them, or choose another file with --geojson (Salient never replaces them)\n"
            )
            #expect(try String(contentsOf: areas, encoding: .utf8) == "mine\n")
            #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("r.geojson").path))
            // The timeline itself, even when a hand-edited manifest claims it.
            let digest = try #require(ContentDigest.of(file: timeline.path))
            try "file \(String(format: "%016llx", digest.hash)) \(digest.size) fixture-check.yaml\n"
                .write(
                    to: timeline.deletingLastPathComponent().appendingPathComponent(".salient-manifest"),
                    atomically: false, encoding: .utf8)
            let overInput = try SalientProcess.run(["check", timeline.path, "--geojson", timeline.path])
            #expect(overInput.status == 2)
            #expect(
                overInput.stderr
                    == "error: refusing to write over an input of the run: \(timeline.path) — choose another file with --geojson\n"
            )
            #expect(try String(contentsOf: timeline, encoding: .utf8) == text)
            // Written once, the files are Salient's, and a second check replaces them.
            try FileManager.default.removeItem(at: areas)
            for _ in 0..<2 {
                let written = try SalientProcess.run([
                    "check", timeline.path, "--geojson", folder.appendingPathComponent("r.geojson").path,
                ])
                #expect(written.status == 0, "\(written.stderr)")
            }
        }
    }

    // 15
    @Test func outputBelowASymbolicLinkIsRefused() throws {
        try Self.withFolder { folder in
            let real = folder.appendingPathComponent("real")
            try FileManager.default.createDirectory(at: real, withIntermediateDirectories: true)
            let link = folder.appendingPathComponent("link")
            try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: real.path)
            for arguments in [["export", Self.valid], ["snapshots", Self.threeDays]] {
                let result = try SalientProcess.run(arguments + ["--out", link.appendingPathComponent("sub").path])
                #expect(result.status == 2)
                #expect(
                    result.stderr
                        == "error: refusing to write through a symbolic link (\(link.path)) — give the real folder with --out, or remove the link\n"
                )
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: real.path).isEmpty)
        }
    }

    // 16
    @Test func temporariesOfDeadRunsAreRemovedAndOthersKept() throws {
        try Self.withFolder { out in
            let dead = out.appendingPathComponent(".events.geojson.tmp-999999")
            let live = out.appendingPathComponent(".events.geojson.tmp-\(getpid())")
            let notOurs = out.appendingPathComponent("events.geojson.tmp-999999")
            for file in [dead, live, notOurs] { try Self.write("partial", to: file) }
            let result = try SalientProcess.run(["export", Self.valid, "--out", out.path, "--quiet"])
            #expect(result.status == 0, "\(result.stderr)")
            #expect(!FileManager.default.fileExists(atPath: dead.path))
            #expect(FileManager.default.fileExists(atPath: live.path))
            #expect(FileManager.default.fileExists(atPath: notOurs.path))
        }
    }

    /// The committed manifest records the committed files as they are, so the bundled run
    /// replaces them.
    @Test func committedManifestMatchesTheCommittedExports() throws {
        let folder = SalientProcess.repository.appendingPathComponent("exports/kursk-2024")
        let manifest = Manifest(
            text: try String(contentsOf: folder.appendingPathComponent(".salient-manifest"), encoding: .utf8))
        let files = try SnapshotTests.contents(of: folder).keys.filter { $0 != ".salient-manifest" }.sorted()
        #expect(manifest.files.keys.sorted() == files)
        for file in files {
            #expect(
                manifest.accepts(ContentDigest.of(file: folder.appendingPathComponent(file).path), at: file),
                "exports/kursk-2024/\(file) differs from its manifest entry: run bash scripts/run.sh and commit")
        }
    }
}

@Suite struct OlderManifestTests {
    /// A folder an older Salient wrote (its manifest lists bare paths) is refused with a
    /// message that says why: nothing records what Salient wrote there.
    @Test func outputsListedWithoutTheirContentAreNamedAsPossiblyTheUsers() throws {
        try FilesAUserHadTests.withFolder { out in
            #expect(
                try SalientProcess.run(["export", FilesAUserHadTests.valid, "--out", out.path, "--quiet"]).status == 0)
            try "control.geojson\nevents.geojson\n".write(
                to: out.appendingPathComponent(".salient-manifest"), atomically: false, encoding: .utf8)
            let before = try SnapshotTests.contents(of: out)
            let result = try SalientProcess.run(["export", FilesAUserHadTests.valid, "--out", out.path, "--force"])
            #expect(result.status == 2)
            #expect(
                result.stderr
                    == "error: the output folder holds files an older Salient listed without their content, so they "
                    + "may be yours: control.geojson, events.geojson (\(out.path)) — move or rename them, or choose "
                    + "another folder with --out (Salient never replaces them)\n")
            #expect(try SnapshotTests.contents(of: out) == before)
        }
    }
}
