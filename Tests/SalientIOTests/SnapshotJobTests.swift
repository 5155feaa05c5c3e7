import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct SnapshotJobTests {
    /// Snapshots put each day's events file together from pieces laid out once; on every day
    /// of the Kursk timeline (point and interval dates, events entering the estimate on
    /// different days) the file must be byte for byte the events layer laid out afresh, made
    /// from every event's pieces kept for the run or, with no room to keep them, from a worker's.
    @Test(arguments: [0, DailyEventsLayer.keptLimit])
    func everyDayMatchesTheLayerLaidOutAfresh(keptLimit: Int) throws {
        let kursk = try KurskDays()
        let (loaded, timeline, sources, estimator) = (kursk.loaded, kursk.timeline, kursk.sources, kursk.estimator)
        let lastDay = kursk.end.adding(days: -1)  // later events must not show
        let lines = DailyEventsLayer(loaded, sources: sources, through: lastDay, keptLimit: keptLimit)
        #expect(lines.keepsEveryEvent == (keptLimit > 0))
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "snapshot-job-\(getpid())-\(keptLimit)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var compared = 0
        let pieces = DailyEventsLayer.Pieces()
        for day in CalendarDay.range(kursk.start, through: lastDay) {
            let estimate = try estimator.estimate(asOf: day)
            let expected = GeoJSONWriter.featureCollection(
                name: "events \(day)",
                features: ExportLayers.events(
                    timeline, gazetteer: loaded.gazetteer, estimate: estimate, asOf: day, sources: sources))
            let path = folder.appendingPathComponent("\(day).geojson").path
            let file = try StreamingTextFile(path: path)
            try lines.write(
                name: "events \(day)", shown: 0..<lines.starts.prefix { $0 <= day }.count, on: day, estimate: estimate,
                pieces: pieces, to: file)
            try file.close()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(day)")
            compared += 1
        }
        #expect(compared >= 5)
        #expect(timeline.events.contains { $0.date.start != $0.date.end }, "the timeline has interval dates")
    }

    /// The daily form lets an event's pieces go once it no longer shows, and moves the rest
    /// together: every day must still be the day's events laid out afresh, and what is held
    /// at the end only the events of the last day. Kept for the whole run, the pieces make the
    /// same files and a worker lays out none.
    @Test(arguments: [0, DailyEventsLayer.keptLimit])
    func piecesLetGoStillMakeEveryDayAfresh(keptLimit: Int) throws {
        let kursk = try KurskDays()
        let (loaded, timeline, sources, estimator) = (kursk.loaded, kursk.timeline, kursk.sources, kursk.estimator)
        let lines = DailyEventsLayer(loaded, sources: sources, through: kursk.end, keptLimit: keptLimit)
        let workerLaysOut = keptLimit == 0
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "snapshot-pieces-\(getpid())-\(keptLimit)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let pieces = DailyEventsLayer.Pieces()
        var shown: [Int] = []
        var begun = 0
        var mostHeld = 0
        for day in CalendarDay.range(kursk.start, through: kursk.end) {
            while begun < lines.count, lines.starts[begun] <= day {
                shown.append(begun)
                begun += 1
            }
            shown.removeAll { k in
                guard lines.ends[k] < day else { return false }
                pieces.release(k)
                return true
            }
            let onDay = Set(timeline.events.filter { $0.date.start <= day && day <= $0.date.end }.map(\.id))
            let estimate = try estimator.estimate(asOf: day)
            let expected = GeoJSONWriter.featureCollection(
                name: "events \(day)",
                features: ExportLayers.events(
                    timeline, gazetteer: loaded.gazetteer, estimate: estimate, asOf: day, sources: sources
                ).filter { feature in
                    guard case .string(let id)? = feature.properties.first?.1 else { return false }
                    return onDay.contains(id)
                })
            let path = folder.appendingPathComponent("\(day).geojson").path
            let file = try StreamingTextFile(path: path)
            try lines.write(
                name: "events \(day)", shown: shown, on: day, estimate: estimate, pieces: pieces, to: file)
            try file.close()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(day)")
            #expect(pieces.liveEvents == (workerLaysOut ? shown.count : 0))
            mostHeld = max(mostHeld, pieces.bufferBytes)
        }
        #expect(shown.count < lines.count, "events ended before the last day")
        if workerLaysOut {
            #expect(pieces.bufferBytes < mostHeld, "the buffer was compacted")
        } else {
            #expect(mostHeld == 0)
        }
    }

    /// Pieces dropped when they outgrow the limit part way through leave the budget's estimate
    /// as it is with none kept or all kept, and the layer writes from a worker's pieces.
    @Test func aLimitReachedPartWayKeepsNothing() throws {
        let kursk = try KurskDays()
        let days = CalendarDay.range(kursk.start, through: kursk.end)
        let layers = [0, 3_000, DailyEventsLayer.keptLimit].map {
            DailyEventsLayer(kursk.loaded, sources: kursk.sources, through: kursk.end, keptLimit: $0)
        }
        #expect(layers.map(\.keepsEveryEvent) == [false, false, true])
        for cumulative in [false, true] {
            let estimates = layers.map { $0.estimatedBytes(days: days, cumulative: cumulative) }
            #expect(Set(estimates).count == 1, "\(estimates)")
        }
    }

    /// `events-timeline.geojson` made from the kept pieces is the events layer laid out afresh,
    /// as each day's estimate draws it; with no pieces kept, or events begun after the last
    /// day, the layer says so and writes nothing.
    @Test func theEventsLayerFromKeptPiecesIsTheLayerLaidOutAfresh() throws {
        let kursk = try KurskDays()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-layer-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("events-timeline.geojson").path
        let lines = DailyEventsLayer(kursk.loaded, sources: kursk.sources, through: kursk.end)
        for day in CalendarDay.range(kursk.start, through: kursk.end) {
            let estimate = try kursk.estimator.estimate(asOf: day)
            let expected = GeoJSONWriter.featureCollection(
                name: "events-timeline",
                features: ExportLayers.events(
                    kursk.timeline, gazetteer: kursk.loaded.gazetteer, estimate: estimate, sources: kursk.sources))
            let file = try StreamingTextFile(path: path)
            #expect(try lines.writeEventsLayer(name: "events-timeline", estimate: estimate, to: file))
            try file.close()
            #expect(try String(contentsOfFile: path, encoding: .utf8) == expected, "\(day)")
        }
        let estimate = try kursk.estimator.estimate(asOf: kursk.end)
        for unable in [
            DailyEventsLayer(kursk.loaded, sources: kursk.sources, through: kursk.end, keptLimit: 0),
            DailyEventsLayer(kursk.loaded, sources: kursk.sources, through: kursk.end.adding(days: -1)),
        ] {
            let file = try StreamingTextFile(path: path)
            #expect(try !unable.writeEventsLayer(name: "events-timeline", estimate: estimate, to: file))
            try file.close()
            #expect(file.digest.size == 0)
        }
    }
}
