import Foundation
import Testing

/// `snapshots --html`: the Kursk page opened in real headless Chromium through chromedriver
/// (Tests/clients/page_check.py), its slider driven with the keyboard, its screenshots
/// compared with golden images within a tolerance.
@Suite(.serialized) struct PageTests {
    static let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
    static let goldenPrefix = SalientProcess.golden.appendingPathComponent("page/kursk-2024").path

    private func writePage(
        into folder: URL, _ arguments: [String] = [], environment: [String: String] = [:]
    ) throws -> SalientProcess.Outcome {
        try SalientProcess.run(
            ["snapshots", Self.kursk, "--out", folder.path, "--html", "--quiet"] + arguments, environment: environment)
    }

    /// With --bounds the figures under the map give the day's range too (as series.csv has it).
    @Test func chromiumShowsTheRangeWithBounds() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try writePage(into: folder, ["--bounds"])
        #expect(written.status == 0, "\(written.stderr)")
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/page_check.py").path
        let result = try SalientProcess.tool(
            "/usr/bin/python3",
            [
                script, folder.appendingPathComponent("index.html").path, folder.appendingPathComponent("shot").path,
                Self.goldenPrefix,
            ])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        let last = try #require(report["last"] as? [String: Any])
        #expect(
            last["figures"] as? String
                == "controlled 372.4 km²contested 1,098.9 km²certain 63.6 km², not contradicted 1,471.3 km²"
                + "1 event begun that day")
    }

    @Test func chromiumShowsTheDaysTheSliderPicks() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let written = try writePage(into: folder)
        #expect(written.status == 0, "\(written.stderr)")
        let page = folder.appendingPathComponent("index.html").path
        let shots = folder.appendingPathComponent("shot").path
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/page_check.py").path
        let result = try SalientProcess.tool("/usr/bin/python3", [script, page, shots, Self.goldenPrefix])
        #expect(result.status == 0, "\(result.stderr)")
        let line = try #require(result.stdout.split(separator: "\n").last)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        if ProcessInfo.processInfo.environment["SALIENT_RECORD_GOLDENS"] == "1" {
            try FileManager.default.createDirectory(
                atPath: (Self.goldenPrefix as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            for day in ["first", "last"] {
                try? FileManager.default.removeItem(atPath: "\(Self.goldenPrefix)-\(day).png")
                try FileManager.default.copyItem(
                    atPath: "\(shots)-\(day).png", toPath: "\(Self.goldenPrefix)-\(day).png")
            }
        }
        // It opens on the last day; Home goes to the first, ArrowRight one day on.
        #expect(report["initial_day"] as? String == "2024-08-30")
        let first = try #require(report["first"] as? [String: Any])
        let last = try #require(report["last"] as? [String: Any])
        #expect(first["day"] as? String == "2024-08-06")
        #expect(report["after_arrow_right"] as? String == "2024-08-07")
        #expect(report["hash"] as? String == "#2024-08-07")
        // 6 August: the contested tier and the 7 events begun; 30 August: both tiers, all 44 events.
        #expect(first["tiers"] as? Int == 1)
        #expect(first["events"] as? Int == 7)
        #expect(last["tiers"] as? Int == 2)
        #expect(last["events"] as? Int == 44)
        #expect(first["figures"] as? String == "controlled 0 km²contested 1,373.8 km²7 events begun that day")
        #expect(last["figures"] as? String == "controlled 372.4 km²contested 1,098.9 km²1 event begun that day")
        // An event's popup names its source's outlet and day; the claims panel lists the claims to date.
        #expect((report["popup"] as? String)?.contains("Unnamed outlet (seed 003), 2024-08-14") == true)
        #expect(report["claims"] as? Int == 0)
        // Nothing was requested: no script, style, image or tile from anywhere.
        #expect((report["resources"] as? [Any])?.isEmpty == true)
        // The two days look different where the tiers differ, and each day looks as recorded.
        #expect((report["first_vs_last"] as? Double ?? 0) > 0.01)
        let golden = try #require(report["golden"] as? [String: Double])
        #expect(golden.count == 2)
        for (day, share) in golden { #expect(share < 0.005, "\(day) differs from its golden image in \(share)") }
    }

    @Test func theSameRunWritesTheSamePage() throws {
        let one = try SalientProcess.temporaryFolder()
        let two = try SalientProcess.temporaryFolder()
        defer {
            try? FileManager.default.removeItem(at: one)
            try? FileManager.default.removeItem(at: two)
        }
        #expect(try writePage(into: one).status == 0)
        #expect(try writePage(into: two).status == 0)
        let a = try Data(contentsOf: one.appendingPathComponent("index.html"))
        let b = try Data(contentsOf: two.appendingPathComponent("index.html"))
        #expect(a == b)
        #expect(a.count > 100_000)
    }

    @Test func missingLeafletFailsBeforeAnythingIsWritten() throws {
        let parent = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("out")
        let result = try writePage(into: folder, environment: ["SALIENT_LEAFLET_DIR": "/nonexistent/leaflet"])
        #expect(result.status == 1)
        #expect(
            result.stderr
                == "error: Leaflet not found at /nonexistent/leaflet/leaflet.js — install Debian's libjs-leaflet (apt-get install libjs-leaflet), or set SALIENT_LEAFLET_DIR\n"
        )
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }
}
