import Foundation
import Testing

/// `--postgis`: the Kursk layers loaded into a throwaway PostgreSQL cluster (pg_virtualenv,
/// Debian's postgresql-common) and read back with psql, ogrinfo and headless QGIS
/// (Tests/clients/postgis_check.sh); a run that fails mid-load and two runs at once.
@Suite struct PostGISTests {
    @Test func layersRoundTripAndFailedOrConcurrentRunsLeaveOneRunsRows() throws {
        let work = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: work) }
        let script = SalientProcess.repository.appendingPathComponent("Tests/clients/postgis_check.sh").path
        let timeline = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let result = try SalientProcess.tool(
            "pg_virtualenv", ["bash", script, SalientProcess.executable.path, timeline, work.path])
        #expect(result.status == 0, "\(result.stderr)")
        let lines = result.stdout.split(separator: "\n").map(String.init).filter {
            !$0.hasPrefix("Creating") && !$0.hasPrefix("Dropping")
        }
        #expect(
            lines == [
                "rows events: 44", "rows control: 2", "rows control_timeline: 13", "rows events_timeline: 44",
                "rows series: 25", "srid control: 4326", "valid control_timeline: t", "date type: date", "gist: 4",
                "area controlled: 372.376", "ogrinfo control: Feature Count: 2",
                "ogrinfo start_date: start_date: Date (0.0)", "qgis control_timeline: True 13 EPSG:4326",
                "failed run exit: 1",
                "failed run message: error: the server at localhost:\(port(in: result.stdout)) failed: ERROR:  null value in column \"blocker\" of relation \"control\" violates not-null constraint",
                "rows events after failed run: 44", "rows control after failed run: 2",
                "rows series after two runs at once: 25", "rows control_timeline after two runs at once: 13",
            ], "\(result.stdout)\n\(result.stderr)")
    }

    /// pg_virtualenv picks the cluster's port; the message names it.
    private func port(in output: String) -> String {
        guard let range = output.range(of: #"localhost:(\d+)"#, options: .regularExpression) else { return "?" }
        return String(output[range].dropFirst("localhost:".count))
    }

    @Test func aURLThatDoesNotParseIsRefusedBeforeAnythingIsWritten() throws {
        let parent = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        let timeline = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let result = try SalientProcess.run(["export", timeline, "--out", out.path, "--postgis", "nonsense"])
        #expect(result.status == 2)
        #expect(
            result.stderr
                == "error: the database URL does not parse (--postgis) — write it as postgresql://USER@HOST:PORT/DATABASE (the password from PGPASSWORD or ~/.pgpass)\n"
        )
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }

    @Test func aServerThatRefusesIsNamedByHostAndPortNeverByPassword() throws {
        let parent = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = parent.appendingPathComponent("out")
        let timeline = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
        let result = try SalientProcess.run([
            "snapshots", timeline, "--out", out.path, "--postgis", "postgresql://someone:hunter2@127.0.0.1:1/db",
        ])
        #expect(result.status == 2)
        #expect(result.stderr.hasPrefix("error: the PostgreSQL server at 127.0.0.1:1 refused the connection: "))
        #expect(!result.stderr.contains("hunter2"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
