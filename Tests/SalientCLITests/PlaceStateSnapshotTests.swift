import Foundation
import Testing

/// Ground taken, then lost (Fixtures/timelines/taken-then-lost.yaml): `snapshots` areas shrink,
/// the temporal layer closes a state and opens the next, and a run in parallel chunks writes
/// what a serial one does.
@Suite struct PlaceStateSnapshotTests {
    static let takenThenLost = SalientProcess.fixtures.appendingPathComponent("timelines/taken-then-lost.yaml").path
    static let takenThenLostConcave = SalientProcess.fixtures.appendingPathComponent(
        "timelines/taken-then-lost-concave.yaml"
    ).path

    /// The closed forms of SnapshotTests.threeDaysOfKnownGeometry: one village's corridor is
    /// 2rd + πr²/2 = 33.534 km² (contested 123.982 km²), both villages' hull 194.989 km²
    /// (contested 180.140 km²). Red's retake on the 5th takes the second village out, and Blue's
    /// withdrawal on the 7th the first.
    @Test func areasShrinkWhenGroundIsLost() throws {
        try SnapshotTests.withSnapshots(timeline: Self.takenThenLost) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            let rows = try SnapshotTests.series(out)
            #expect(rows.map { $0["date"]! } == (1...7).map { "2024-09-0\($0)" })
            let one = (33.534, 123.982)
            let both = (194.989, 180.140)
            for (row, (controlled, contested)) in zip(rows, [one, one, both, both, one, one]) {
                #expect(abs(Double(row["controlled_km2"]!)! - controlled) / controlled < 0.002, "\(row)")
                #expect(abs(Double(row["contested_km2"]!)! - contested) / contested < 0.002, "\(row)")
            }
            #expect(rows[6]["controlled_km2"] == "0" && rows[6]["contested_km2"] == "0")
            #expect(rows.map { $0["settlements_controlled"]! } == ["1", "1", "1", "1", "1", "1", "0"])
            // The day after the retake draws exactly the first day's state again.
            let first = try String(
                contentsOf: out.appendingPathComponent("daily/2024-09-01.control.geojson"), encoding: .utf8)
            let fifth = try String(
                contentsOf: out.appendingPathComponent("daily/2024-09-05.control.geojson"), encoding: .utf8)
            #expect(first.replacingOccurrences(of: "2024-09-01", with: "2024-09-05") == fifth)
        }
    }

    /// Each change closes the tier's interval and opens the next; the empty state after the
    /// withdrawal adds no feature, so the last states end on the 7th.
    @Test func theTemporalLayerClosesAndReopensIntervals() throws {
        try SnapshotTests.withSnapshots(timeline: Self.takenThenLost) { out, _ in
            let data = try Data(contentsOf: out.appendingPathComponent("control-timeline.geojson"))
            let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
            let features = try #require(root["features"] as? [[String: Any]]).compactMap {
                $0["properties"] as? [String: Any]
            }
            let spans = features.map {
                "\($0["tier"]!) \($0["start_date"]!)→\($0["end_date"] is NSNull ? "open" : $0["end_date"]!) \($0["events"]!)"
            }
            #expect(
                spans == [
                    "controlled 2024-09-01→2024-09-03 first-village", "contested 2024-09-01→2024-09-03 first-village",
                    "controlled 2024-09-03→2024-09-05 first-village; second-village",
                    "contested 2024-09-03→2024-09-05 first-village; second-village",
                    "controlled 2024-09-05→2024-09-07 first-village", "contested 2024-09-05→2024-09-07 first-village",
                ])
            #expect(try GeoJSONStructure.violations(in: out.appendingPathComponent("control-timeline.geojson")) == [])
        }
    }

    /// Chunks that begin after a loss compute it from scratch; they write what the serial run
    /// does, with the convex hull and with the concave one.
    @Test(arguments: [Self.takenThenLost, Self.takenThenLostConcave])
    func parallelAndSerialRunsAgreeOnReceding(timeline: String) throws {
        let serial = try SnapshotTests.withSnapshots(["--jobs", "1"], timeline: timeline) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            return try SnapshotTests.contents(of: out)
        }
        for jobs in ["2", "3", "7"] {
            let parallel = try SnapshotTests.withSnapshots(["--jobs", jobs], timeline: timeline) { out, _ in
                try SnapshotTests.contents(of: out)
            }
            #expect(serial == parallel, "--jobs \(jobs)")
        }
        #expect(serial.count == 19)
    }
}
