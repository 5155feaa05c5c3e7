import Foundation
import Testing

/// Exit 1 for failures that are not the input's, with the old outputs intact; exit 2 for
/// what the user asked or gave; never a trap (issue 13, items 9 and 20, and "Output size").
@Suite(.serialized) struct ExitCodeTests {
    static let valid = ExportTests.fixtureTimeline

    /// Runs the binary with standard output or standard error on /dev/full.
    static func runWithFullDevice(
        _ arguments: [String], stdout full: Bool
    ) throws -> (
        status: Int32, reason: Process.TerminationReason,
        other: String
    ) {
        let process = Process()
        process.executableURL = SalientProcess.executable
        process.arguments = arguments
        process.currentDirectoryURL = SalientProcess.repository
        let device = try #require(FileHandle(forWritingAtPath: "/dev/full"))
        let pipe = Pipe()
        if full {
            process.standardOutput = device
            process.standardError = pipe
        } else {
            process.standardOutput = pipe
            process.standardError = device
        }
        try process.run()
        let other = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, process.terminationReason, String(decoding: other, as: UTF8.self))
    }

    @Test func badInputWithStandardErrorOnAFullDeviceExitsTwo() throws {
        let result = try Self.runWithFullDevice(["export", "no/such/timeline.yaml"], stdout: false)
        #expect(result.reason == .exit)
        #expect(result.status == 2)
    }

    @Test func checkExitsOneWhenItsReportCannotBeWritten() throws {
        let result = try Self.runWithFullDevice(["check", FilesAUserHadTests.checkable], stdout: true)
        #expect(result.reason == .exit)
        #expect(result.status == 1)
        #expect(result.other == "error: cannot write to standard output: No space left on device (stdout)\n")
    }

    /// A small tmpfs, filled: the write fails for the file system's own reason.
    @Test func aFullFileSystemExitsOneAndKeepsThePreviousOutputs() throws {
        let mount = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: mount) }
        let mounted = try SalientProcess.tool("mount", ["-t", "tmpfs", "-o", "size=256k", "tmpfs", mount.path])
        #expect(mounted.status == 0, "mounting a tmpfs needs root: \(mounted.stderr)")
        guard mounted.status == 0 else { return }
        defer { _ = try? SalientProcess.tool("umount", [mount.path]) }
        let out = mount.appendingPathComponent("out")
        #expect(try SalientProcess.run(["export", Self.valid, "--out", out.path, "--quiet"]).status == 0)
        let series = mount.appendingPathComponent("series")
        let threeDays = SnapshotTests.threeDays
        let first = try SalientProcess.run([
            "snapshots", threeDays, "--out", series.path, "--quiet", "--to", "2024-09-02",
        ])
        #expect(first.status == 0)
        let before = try SnapshotTests.contents(of: out)
        let seriesBefore = try SnapshotTests.contents(of: series)
        let filler = try SalientProcess.tool("dd", ["if=/dev/zero", "of=\(mount.path)/filler", "bs=1k", "count=1024"])
        #expect(filler.stderr.contains("No space left on device"))
        let result = try SalientProcess.run(["export", Self.valid, "--out", out.path, "--as-of", "2024-08-10"])
        #expect(result.status == 1)
        #expect(
            result.stderr == "error: cannot write the output: No space left on device (\(out.path)/events.geojson)\n")
        #expect(try SnapshotTests.contents(of: out) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
                == [".salient-manifest", "control.geojson", "events.geojson"])
        let snapshots = try SalientProcess.run(["snapshots", threeDays, "--out", series.path, "--quiet"])
        #expect(snapshots.status == 1)
        #expect(snapshots.stderr.hasPrefix("error: cannot write the output: No space left on device (\(series.path)/"))
        #expect(try SnapshotTests.contents(of: series) == seriesBefore)
    }

    @Test func exportAsOfOutsideTheTimelineSaysWhatItSpans() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run([
            "export", Self.valid, "--as-of", "2030-01-01", "--out", out.appendingPathComponent("o").path,
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --as-of 2030-01-01 is outside the timeline (\(Self.valid)) — the timeline spans 2024-08-06 to 2024-08-12\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("o").path))
    }

    /// The estimate is a lower bound of what the daily events files take, and a budget below
    /// it refuses the run before anything is written. The cumulative form repeats the first
    /// day's event on the two days after it, so its estimate is higher.
    @Test func snapshotsBeyondTheOutputBudgetAreRefused() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let timeline = SnapshotTests.threeDays
        let refused = try SalientProcess.run(["snapshots", timeline, "--out", out.path, "--max-output-gb", "0.000001"])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: the snapshots would take at least 1.5 kB of disk, more than the output budget of 1.0 kB (\(out.path)) — narrow the run with --from and --to, or raise the budget with --max-output-gb\n"
        )
        let cumulative = try SalientProcess.run([
            "snapshots", timeline, "--out", out.path, "--max-output-gb", "0.000001", "--cumulative-events",
        ])
        #expect(cumulative.status == 2)
        #expect(cumulative.stderr.hasPrefix("error: the snapshots would take at least 2.9 kB of disk, more than"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).isEmpty)
        let written = try SalientProcess.run([
            "snapshots", timeline, "--out", out.path, "--quiet", "--max-output-gb", "0.0001",
        ])
        #expect(written.status == 0, "\(written.stderr)")
        let events = try SnapshotTests.contents(of: out).filter { $0.key.hasSuffix(".events.geojson") }.values.map(
            \.count
        ).reduce(0, +)
        #expect(events >= 1_450)
        // Exactly the bytes written is within the budget: the estimate is not above them.
        let exact = try SalientProcess.run([
            "snapshots", timeline, "--out", out.path, "--quiet", "--max-output-gb", String(Double(events) / 1e9),
        ])
        #expect(exact.status == 0, "\(exact.stderr)")
    }

    @Test func claimedFieldNullInEveryFeatureIsSaidSo() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("nulls.geojson")
        try """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "a", "area": null},
         "geometry": {"type": "Polygon", "coordinates": [[[35, 51], [35.1, 51], [35.1, 51.1], [35, 51]]]}}
        ]}
        """.write(to: file, atomically: true, encoding: .utf8)
        let result = try SalientProcess.run(["check-area", file.path, "--claimed-field", "area"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: 'area' is missing or null in every feature (\(file.path), field area) — the properties are id\n"
        )
    }
}
