import Foundation
import Testing

@Suite struct ImportTests {
    static let fixtures = SalientProcess.fixtures.appendingPathComponent("import")

    /// The fixture timeline, with its gazetteer path made absolute, in a fresh folder.
    static func timeline(in folder: URL) throws -> URL {
        let source = try String(
            contentsOf: SalientProcess.fixtures.appendingPathComponent("timelines/valid.yaml"),
            encoding: .utf8)
        let gazetteer = SalientProcess.fixtures.appendingPathComponent("gazetteer").path
        let text = source.replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(gazetteer)")
        let url = folder.appendingPathComponent("t.yaml")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    static func importing(_ dataset: String, _ csv: String, into timeline: URL) throws -> SalientProcess.Outcome {
        try SalientProcess.run(["import", dataset, csv, "--into", timeline.path])
    }

    @Test func reimportAddsNothingAndANewerTimestampUpdates() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.timeline(in: folder)
        let original = try String(contentsOf: url, encoding: .utf8)
        let csv = Self.fixtures.appendingPathComponent("acled.csv").path
        let first = try Self.importing("acled", csv, into: url)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("25 added, 0 updated, 0 unchanged"))
        let once = try String(contentsOf: url, encoding: .utf8)
        // The user's content is kept: the old file is the new one less what was inserted.
        var remaining = original.components(separatedBy: "\n")[...]
        for line in once.components(separatedBy: "\n") where line == remaining.first { remaining.removeFirst() }
        #expect(remaining.isEmpty, "lines of the user's file are lost: \(remaining.prefix(3))")
        let again = try Self.importing("acled", csv, into: url)
        #expect(again.stdout.contains("0 added, 0 updated, 25 unchanged"))
        #expect(try String(contentsOf: url, encoding: .utf8) == once)
        let update = try Self.importing(
            "acled", Self.fixtures.appendingPathComponent("acled-update.csv").path,
            into: url)
        #expect(update.stdout.contains("0 added, 1 updated, 1 unchanged"), "\(update.stderr)")
        let updated = try String(contentsOf: url, encoding: .utf8)
        #expect(updated.contains("external_version: \"1800000000\""))
        #expect(updated.components(separatedBy: "id: \"acled-xaa100\"").count == 2)
        #expect(updated.components(separatedBy: "id: \"acled-xaa100-src2\"").count == 1)
        // The newer row's type and sources replaced the old ones; the row with the same timestamp changed nothing.
        let block = updated.components(separatedBy: "id: \"acled-xaa100\"")[1].prefix(400)
        #expect(block.contains("kind: control"))
        #expect(updated.contains("summary: \"ACLED Government regains territory at"))
        #expect(!updated.contains("summary: \"ACLED Armed clash at Alphaville: Blue and Red"))
    }

    @Test func importedTimelineExportsAndChecks() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.timeline(in: folder)
        #expect(
            try Self.importing(
                "acled", Self.fixtures.appendingPathComponent("acled.csv").path,
                into: url
            ).status == 0)
        #expect(
            try Self.importing(
                "ucdp", Self.fixtures.appendingPathComponent("ucdp.csv").path,
                into: url
            ).status == 0)
        let out = folder.appendingPathComponent("out").path
        let export = try SalientProcess.run(["export", url.path, "--out", out, "--quiet"])
        #expect(export.status == 0, "\(export.stderr)")
        let check = try SalientProcess.run(["check", url.path])
        #expect(check.status == 0, "\(check.stderr)")
        let csv = try SalientProcess.run(["export", url.path, "--out", out, "--format", "acled-csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let text = try String(contentsOfFile: out + "/events-acled.csv", encoding: .utf8)
        #expect(text.hasPrefix("event_id_cnty,event_date,year,time_precision,"))
        #expect(text.contains("\nXAA100,2024-08-01,2024,1,"))
        // The exported CSV imports again into a new timeline with the same ACLED ids.
        let again = try SalientProcess.run([
            "import", "acled", out + "/events-acled.csv", "--new", "again",
            "--into", folder.appendingPathComponent("again.yaml").path,
            "--gazetteer",
            SalientProcess.fixtures.appendingPathComponent("gazetteer").path,
            "--actor", "Blue",
        ])
        #expect(again.status == 0, "\(again.stderr)")
        #expect(again.stdout.contains("added"))
    }

    /// The CSV keeps each event's source URLs in a column after ACLED's own.
    @Test func acledCSVKeepsTheSourcesURLs() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let timeline = SalientProcess.fixtures.appendingPathComponent("timelines/valid.yaml").path
        let csv = try SalientProcess.run(["export", timeline, "--out", folder.path, "--format", "acled-csv", "-q"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = try String(contentsOfFile: folder.path + "/events-acled.csv", encoding: .utf8)
            .split(separator: "\n")
        #expect(lines.first?.hasSuffix(",fatalities,tags,timestamp,source_urls") == true)
        let withURL = lines.dropFirst().filter { $0.hasSuffix(",https://example.org/reports/wire-1") }
        #expect(withURL.count == 4, "\(lines)")  // the four events citing wire-1
    }

    @Test(arguments: [
        ("acled", "event_id_cnty,event_date\nX1,2024-08-01\n", "missing required column 'time_precision'"),
        ("acled", "BAD_DATE", "row 2: 'the 3rd' is not a date"),
        ("acled", "BAD_LAT", "row 1: '51,5' is not a coordinate"),
        ("acled", "BAD_GEO", "unknown geo_precision 4"),
        ("ucdp", "id,date_start\n1,2024-08-01\n", "missing required column 'date_end'"),
        (
            "ucdp",
            "id,date_start,date_end,date_prec,where_prec,latitude,longitude,side_a,side_b,best,low,high,"
                + "source_article\n7,2024-08-01,2024-08-01,1,8,51.1,36.1,Blue,Red,1,1,1,Wire\n",
            "row 1: unknown where_prec 8"
        ),
        ("acled", "BAD_TIME", "row 1: unknown time_precision 0"),
    ])
    func badInputLeavesTheTimelineUntouched(dataset: String, csv: String, message: String) throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = try Self.timeline(in: folder)
        let before = try Data(contentsOf: url)
        var text = csv
        if csv.hasPrefix("BAD_") {
            var rows = try String(contentsOf: Self.fixtures.appendingPathComponent("acled-update.csv"), encoding: .utf8)
                .components(separatedBy: "\n")
            switch csv {
            case "BAD_DATE": rows[3] = rows[3].replacingOccurrences(of: "2 August 2024", with: "the 3rd")
            case "BAD_LAT": rows[1] = rows[1].replacingOccurrences(of: ",51.08,", with: ",\"51,5\",")
            case "BAD_TIME": rows[1] = rows[1].replacingOccurrences(of: ",2024,1,", with: ",2024,0,")
            default: rows[1] = rows[1].replacingOccurrences(of: ",36.01,1,", with: ",36.01,4,")
            }
            text = rows.joined(separator: "\n")
        }
        let csvURL = folder.appendingPathComponent("in.csv")
        try text.write(to: csvURL, atomically: true, encoding: .utf8)
        let result = try Self.importing(dataset, csvURL.path, into: url)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(try Data(contentsOf: url) == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["in.csv", "t.yaml"])
    }

    @Test func twoImportsWriteIdenticalBytes() throws {
        let a = try SalientProcess.temporaryFolder()
        let b = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: a)
            try? FileManager.default.removeItem(at: b)
        }
        let csv = Self.fixtures.appendingPathComponent("acled.csv").path
        let first = try Self.timeline(in: a)
        let second = try Self.timeline(in: b)
        #expect(try Self.importing("acled", csv, into: first).status == 0)
        #expect(try Self.importing("acled", csv, into: second).status == 0)
        #expect(try Data(contentsOf: first) == Data(contentsOf: second))
    }

    @Test(arguments: [
        (["import", "acled", "x.csv"], "give --into TIMELINE.yaml or --new ID"),
        (["import", "acled", "x.csv", "--new", "n"], "--new needs --gazetteer FOLDER and --actor NAME"),
        (["snapshots", "t.yaml", "--format", "acled-csv"], "--format acled-csv is for export only"),
    ])
    func usageErrorsExitTwo(arguments: [String], message: String) throws {
        let result = try SalientProcess.run(arguments)
        #expect(result.status == 2)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }
}
