import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct SnapshotJobTests {
    /// Snapshots put each day's events file together from pieces laid out once; on every day
    /// of the Kursk timeline (point and interval dates, events entering the estimate on
    /// different days) the file must be byte for byte the events layer laid out afresh.
    @Test func everyDayMatchesTheLayerLaidOutAfresh() throws {
        let loaded = try TimelineReader.read(path: Paths.kursk)
        let timeline = loaded.timeline
        let span = try #require(timeline.span)
        let sources = SourceIndex(timeline)
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
        let lastDay = span.end.adding(days: -2)  // later events must not show
        let lines = DailyEventsLayer(loaded, sources: sources, through: lastDay)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-job-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var compared = 0
        for day in CalendarDay.range(span.start, through: lastDay) {
            let estimate = try estimator.estimate(asOf: day)
            let expected = GeoJSONWriter.featureCollection(
                name: "events \(day)",
                features: ExportLayers.events(
                    timeline, gazetteer: loaded.gazetteer, estimate: estimate, asOf: day, sources: sources))
            let path = folder.appendingPathComponent("\(day).geojson").path
            let file = try StreamingTextFile(path: path)
            try lines.write(
                name: "events \(day)", shown: 0..<lines.starts.prefix { $0 <= day }.count, on: day, to: file)
            try file.close()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(day)")
            compared += 1
        }
        #expect(compared >= 5)
        #expect(timeline.events.contains { $0.date.start != $0.date.end }, "the timeline has interval dates")
    }
}
