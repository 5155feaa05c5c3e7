import Foundation
import Testing

@Suite struct SnapshotTests {
    static let threeDays = SalientProcess.fixtures.appendingPathComponent("timelines/three-days.yaml").path

    static func series(_ folder: URL) throws -> [[String: String]] {
        let lines = try String(contentsOf: folder.appendingPathComponent("series.csv"), encoding: .utf8).split(
            separator: "\n")
        let header = lines[0].split(separator: ",").map(String.init)
        return lines.dropFirst().map {
            Dictionary(uniqueKeysWithValues: zip(header, $0.split(separator: ",").map(String.init)))
        }
    }

    static func withSnapshots<T>(
        _ arguments: [String] = [], timeline: String = threeDays,
        _ body: (URL, SalientProcess.Outcome) throws -> T
    ) throws -> T {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try SalientProcess.run(["snapshots", timeline, "--out", out.path] + arguments)
        return try body(out, result)
    }

    /// Village held 10 km from a straight border, r = 1.5 km, band 4 km: day 1 controlled is
    /// 2rd + πr²/2 = 33.534 km², contested the same shape at r + 4 less that, 123.982 km²; day 2
    /// repeats day 1; day 3 adds a village 14.04 km east, and the hull of the two corridors is
    /// dw + r(2d + w) + πr²/2 = 194.989 km² (contested 180.140 km²). Depths: d + r + band.
    @Test func threeDaysOfKnownGeometry() throws {
        try Self.withSnapshots { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try Self.series(out)
            #expect(rows.map { $0["date"] } == ["2024-09-01", "2024-09-02", "2024-09-03"])
            let expected: [(Double, Double)] = [(33.534, 123.982), (33.534, 123.982), (194.989, 180.140)]
            for (row, (controlled, contested)) in zip(rows, expected) {
                #expect(abs(Double(row["controlled_km2"]!)! - controlled) / controlled < 0.002)
                #expect(abs(Double(row["contested_km2"]!)! - contested) / contested < 0.002)
                #expect(abs(Double(row["depth_km"]!)! - 15.5) < 0.02)
                #expect(row["settlements_controlled"] == "1")  // Alphaville, beside the first village
                #expect(row["settlements_contested"] == "0")
                #expect(row["sources_to_date"] == "1")
            }
            #expect(rows.map { $0["events_on_day"] } == ["1", "0", "1"])
            #expect(rows.map { $0["events_to_date"] } == ["1", "1", "2"])
        }
    }

    /// With --bounds the series ends with the range. The lower bounds are the held villages'
    /// discs, πr² = 7.069 km² each (nothing is reported fought over); the upper bound is
    /// controlled + contested. Every other column is what a run without --bounds writes.
    @Test func boundsAddTheDaysRangeToTheSeries() throws {
        let plain = try Self.withSnapshots { out, _ in
            try String(contentsOf: out.appendingPathComponent("series.csv"), encoding: .utf8)
        }
        try Self.withSnapshots(["--bounds"]) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            let text = try String(contentsOf: out.appendingPathComponent("series.csv"), encoding: .utf8)
            let lines = text.split(separator: "\n")
            #expect(lines[0].hasSuffix(",lower_km2,lower_with_contested_km2,upper_km2"))
            #expect(
                lines.map { $0.split(separator: ",").dropLast(3) }
                    == plain.split(separator: "\n").map {
                        $0.split(separator: ",")[...]
                    })
            let disc = Double.pi * 1.5 * 1.5
            let expected: [(lower: Double, upper: Double)] = [
                (disc, 33.534 + 123.982), (disc, 33.534 + 123.982), (2 * disc, 194.989 + 180.140),
            ]
            for (row, bounds) in zip(try Self.series(out), expected) {
                #expect(abs(Double(row["lower_km2"]!)! - bounds.lower) / bounds.lower < 0.002, "\(row)")
                #expect(row["lower_with_contested_km2"] == row["lower_km2"])
                #expect(abs(Double(row["upper_km2"]!)! - bounds.upper) / bounds.upper < 0.002, "\(row)")
                #expect(row["upper_km2"] == row["estimate_km2"])
            }
            let json = try Data(contentsOf: out.appendingPathComponent("series.json"))
            let root = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
            let days = try #require(root["days"] as? [[String: Any]])
            #expect(days.count == 3 && days.allSatisfy { ($0["upper_km2"] as? Double ?? 0) > 0 })
        }
    }

    /// On Kursk, the range in the series is the one `check` judges claims against (20 August:
    /// 98.9 km² certain of held or fought-over ground, 1,677.0 km² not contradicted), and a
    /// parallel run writes the same bytes as a serial one. The GeoPackage's series table has
    /// the range's columns, typed.
    @Test func kurskBoundsAgreeWithCheckAndRunInParallel() throws {
        let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let arguments = ["--bounds", "--format", "gpkg", "--quiet"]
        let serial = try Self.withSnapshots(arguments + ["--jobs", "1"], timeline: kursk) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            let info = try SalientProcess.tool(
                "ogrinfo", ["-ro", "-so", out.appendingPathComponent("kursk-2024-snapshots.gpkg").path, "series"])
            for column in ["lower_km2", "lower_with_contested_km2", "upper_km2"] {
                #expect(info.stdout.contains("\n\(column): Real (0.0)\n"), "\(info.stdout)")
            }
            let day = try #require(try Self.series(out).first { $0["date"] == "2024-08-20" })
            #expect(String(format: "%.1f", Double(day["lower_with_contested_km2"]!)!) == "98.9")
            #expect(String(format: "%.1f", Double(day["upper_km2"]!)!) == "1677.0")
            for row in try Self.series(out) {
                let (lower, upper) = (Double(row["lower_km2"]!)!, Double(row["upper_km2"]!)!)
                #expect(lower <= Double(row["lower_with_contested_km2"]!)! && lower <= upper, "\(row)")
            }
            return try Self.contents(of: out)
        }
        let check = try SalientProcess.run(["check", kursk])
        #expect(check.stdout.contains("98.9–1,677.0 km²"))
        let parallel = try Self.withSnapshots(arguments + ["--jobs", "3"], timeline: kursk) { out, _ in
            try Self.contents(of: out)
        }
        #expect(serial == parallel)
    }

    /// Day 2 changes nothing, so the temporal layer holds two states per tier, the first
    /// ending on day 3 and the second open-ended.
    @Test func quietDayAddsNoPolygon() throws {
        try Self.withSnapshots { out, _ in
            let data = try Data(contentsOf: out.appendingPathComponent("control-timeline.geojson"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let features = try #require(root["features"] as? [[String: Any]]).compactMap {
                $0["properties"] as? [String: Any]
            }
            let spans = features.map {
                "\($0["tier"]!) \($0["start_date"]!)→\($0["end_date"] is NSNull ? "open" : $0["end_date"]!)"
            }
            #expect(
                spans == [
                    "controlled 2024-09-01→2024-09-03", "contested 2024-09-01→2024-09-03",
                    "controlled 2024-09-03→open", "contested 2024-09-03→open",
                ])
            let day1 = try Data(contentsOf: out.appendingPathComponent("daily/2024-09-01.control.geojson"))
            let day2 = try Data(contentsOf: out.appendingPathComponent("daily/2024-09-02.control.geojson"))
            #expect(
                String(decoding: day1, as: UTF8.self).replacingOccurrences(of: "2024-09-01", with: "2024-09-02")
                    == String(decoding: day2, as: UTF8.self))
        }
    }

    @Test func temporalLayersLoadInGDALWithDateFields() throws {
        try Self.withSnapshots { out, _ in
            let layers = [
                ("control-timeline.geojson", "Multi Polygon", 4, ["start_date", "end_date"]),
                ("events-timeline.geojson", "Point", 2, ["start_date", "end_date", "published_date"]),
                ("daily/2024-09-03.events.geojson", "Point", 1, ["start_date", "end_date"]),
            ]
            for (name, geometry, count, dates) in layers {
                let info = try SalientProcess.tool(
                    "ogrinfo", ["-ro", "-al", "-so", out.appendingPathComponent(name).path])
                #expect(info.status == 0 && !info.stderr.contains("ERROR"), "\(info.stderr)")
                #expect(info.stdout.contains("Geometry: \(geometry)\n"), "\(name)")
                #expect(info.stdout.contains("Feature Count: \(count)\n"), "\(name)")
                for date in dates { #expect(info.stdout.contains("\(date): Date (0.0)"), "\(name): \(date)") }
            }
            #expect(try GeoJSONStructure.violations(in: out.appendingPathComponent("control-timeline.geojson")) == [])
            #expect(
                try GeoJSONStructure.violations(in: out.appendingPathComponent("daily/2024-09-03.control.geojson"))
                    == [])
        }
    }

    static func contents(of folder: URL) throws -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = try #require(FileManager.default.enumerator(atPath: folder.path))
        while let item = enumerator.nextObject() as? String {
            var isDirectory: ObjCBool = false
            let path = folder.appendingPathComponent(item).path
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue {
                result[item] = try Data(contentsOf: URL(fileURLWithPath: path))
            }
        }
        return result
    }

    @Test func parallelAndSerialRunsWriteIdenticalBytes() throws {
        let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let serial = try Self.withSnapshots(["--jobs", "1"], timeline: kursk) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            return try Self.contents(of: out)
        }
        let parallel = try Self.withSnapshots(["--jobs", "4"], timeline: kursk) { out, _ in try Self.contents(of: out) }
        let again = try Self.withSnapshots(["--jobs", "1"], timeline: kursk) { out, _ in try Self.contents(of: out) }
        // 6-30 August: two daily files a day, the two timelines, the series twice, the manifest.
        #expect(serial.count == 25 * 2 + 5)
        #expect(serial == parallel)
        #expect(serial == again)
    }

    /// The `cells` join on the Kursk timeline: serial and parallel runs write the same bytes,
    /// every layer is well formed, and the tiers hold ground on the last day.
    @Test func cellsJoinRunsInParallelAsInSerial() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repository = SalientProcess.repository
        let source = try String(
            contentsOf: repository.appendingPathComponent("timelines/kursk-2024.yaml"), encoding: .utf8)
        let cells =
            source
            .replacingOccurrences(of: "\n  join: hull", with: "\n  join: cells")
            .replacingOccurrences(
                of: "\ngazetteer: ../gazetteer",
                with: "\ngazetteer: \(repository.appendingPathComponent("gazetteer").path)")
        #expect(cells.contains("\n  join: cells") && cells != source)
        let timeline = folder.appendingPathComponent("kursk-cells.yaml")
        try cells.write(to: timeline, atomically: true, encoding: .utf8)
        let serial = try Self.withSnapshots(["--jobs", "1", "--quiet"], timeline: timeline.path) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            #expect(try GeoJSONStructure.violations(in: out.appendingPathComponent("control-timeline.geojson")) == [])
            #expect(
                try GeoJSONStructure.violations(in: out.appendingPathComponent("daily/2024-08-30.control.geojson"))
                    == [])
            let last = try #require(try Self.series(out).last)
            #expect(last["date"] == "2024-08-30")
            #expect(Double(last["controlled_km2"] ?? "") ?? 0 > 0 && Double(last["contested_km2"] ?? "") ?? 0 > 0)
            return try Self.contents(of: out)
        }
        let parallel = try Self.withSnapshots(["--jobs", "4", "--quiet"], timeline: timeline.path) { out, _ in
            try Self.contents(of: out)
        }
        #expect(serial.count == 25 * 2 + 5)
        #expect(serial == parallel)
    }

    /// The committed Kursk snapshots are what the README's main command makes now.
    @Test func committedKurskSnapshotsAreCurrent() throws {
        let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let made = try Self.withSnapshots(["--quiet"], timeline: kursk) { out, _ in try Self.contents(of: out) }
        let committed = try Self.contents(of: SalientProcess.repository.appendingPathComponent("exports/kursk-2024"))
        for (name, data) in made.sorted(by: { $0.key < $1.key }) where name != ".salient-manifest" {
            #expect(committed[name] == data, "exports/kursk-2024/\(name) is stale: run bash scripts/run.sh and commit")
        }
        try assertGolden(
            String(decoding: try #require(made["series.csv"]), as: UTF8.self), named: "kursk-2024/series.csv")
    }
}

@Suite struct SnapshotBadInputTests {
    static let timeline = SnapshotTests.threeDays

    @Test func fromAfterToIsRefused() throws {
        let result = try SalientProcess.run([
            "snapshots", Self.timeline, "--from", "2024-09-03", "--to", "2024-09-01", "--out", "/tmp/unused-salient",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --from 2024-09-03 is after --to 2024-09-01 (\(Self.timeline)) — give --from on or before --to\n"
        )
        #expect(!FileManager.default.fileExists(atPath: "/tmp/unused-salient"))
    }

    @Test func dayOutsideTheTimelineSaysWhatItSpans() throws {
        let result = try SalientProcess.run([
            "snapshots", Self.timeline, "--to", "2024-10-01", "--out", "/tmp/unused-salient",
        ])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: --to 2024-10-01 is outside the timeline (\(Self.timeline)) — the timeline spans 2024-09-01 to 2024-09-03\n"
        )
    }

    @Test func unwritableOutputIsRefused() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let file = folder.appendingPathComponent("a-file")
        try "mine\n".write(to: file, atomically: true, encoding: .utf8)
        let result = try SalientProcess.run([
            "snapshots", Self.timeline, "--out", file.appendingPathComponent("out").path,
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: cannot create the output folder (\(file.path)/out)"))
        let onFile = try SalientProcess.run(["snapshots", Self.timeline, "--out", file.path])
        #expect(onFile.status == 2)
        #expect(onFile.stderr.hasPrefix("error: the output path is a file, not a folder"))
        #expect(try String(contentsOf: file, encoding: .utf8) == "mine\n")
    }

    /// A folder holding a user's own files is refused; with --force Salient writes beside them
    /// and keeps them, also inside daily/, through the swap of the daily folder.
    @Test func foreignFilesAreRefusedThenKeptWithForce() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let first = try SalientProcess.run(["snapshots", Self.timeline, "--out", out.path, "--quiet"])
        #expect(first.status == 0)
        let notes = out.appendingPathComponent("daily/my-notes.txt")
        try "keep me\n".write(to: notes, atomically: true, encoding: .utf8)
        let refused = try SalientProcess.run(["snapshots", Self.timeline, "--out", out.path])
        #expect(refused.status == 2)
        #expect(
            refused.stderr
                == "error: the output folder holds files Salient did not write: daily/my-notes.txt (\(out.path)) — choose another folder with --out, or pass --force to write beside them (they are never deleted)\n"
        )
        let forced = try SalientProcess.run(["snapshots", Self.timeline, "--out", out.path, "--force", "--quiet"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me\n")
        let narrower = try SalientProcess.run([
            "snapshots", Self.timeline, "--out", out.path, "--force", "--to", "2024-09-02", "--quiet",
        ])
        #expect(narrower.status == 0)
        #expect(try String(contentsOf: notes, encoding: .utf8) == "keep me\n")
        #expect(
            !FileManager.default.fileExists(atPath: out.appendingPathComponent("daily/2024-09-03.control.geojson").path)
        )
        #expect(
            FileManager.default.fileExists(atPath: out.appendingPathComponent("daily/2024-09-02.control.geojson").path))
    }

    /// SIGKILL at any moment leaves every output file with its old content or its new one,
    /// never torn or empty, and no file of the previous set missing unless the new set is in.
    @Test func killedRunLeavesEveryFileWhole() throws {
        let out = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: out) }
        let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        #expect(
            try SalientProcess.run(["snapshots", kursk, "--out", out.path, "--quiet", "--to", "2024-08-10"]).status == 0
        )
        let before = try SnapshotTests.contents(of: out)
        let complete = try SnapshotTests.withSnapshots(["--quiet"], timeline: kursk) { folder, _ in
            try SnapshotTests.contents(of: folder)
        }
        var sawOld = false
        for delay in [0.0, 0.02, 0.05, 0.1, 0.2, 0.3, 0.45, 0.6, 0.8, 1.0, 1.3, 1.7] {
            let process = Process()
            process.executableURL = SalientProcess.executable
            process.arguments = ["snapshots", kursk, "--out", out.path, "--quiet"]
            process.currentDirectoryURL = SalientProcess.repository
            try process.run()
            Thread.sleep(forTimeInterval: delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Salient's own bookkeeping (staging, lock, manifest and its temporaries) is not output.
            let after = try SnapshotTests.contents(of: out).filter {
                !$0.key.hasPrefix(".salient-") && !$0.key.contains(".tmp-")
            }
            for (name, data) in after {
                #expect(data == before[name] || data == complete[name], "\(name) is torn after a kill at \(delay) s")
            }
            let finished = after == complete.filter { $0.key != ".salient-manifest" }
            if !finished {
                sawOld = true
                for name in before.keys where name != ".salient-manifest" {
                    #expect(after[name] != nil, "\(name) vanished after a kill at \(delay) s")
                }
            }
        }
        #expect(sawOld, "no kill landed before the run finished; the test measured nothing")
        // Whatever a kill left, the manifest in place accepts it: the next run replaces it all.
        let next = try SalientProcess.run(["snapshots", kursk, "--out", out.path, "--quiet"])
        #expect(next.status == 0, "\(next.stderr)")
        #expect(
            try SnapshotTests.contents(of: out).filter { $0.key != ".salient-manifest" }
                == complete.filter { $0.key != ".salient-manifest" })
    }
}
