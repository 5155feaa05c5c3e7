import Foundation
import SalientCore

/// `salient snapshots`: the state of the map on each day, a temporal layer for QGIS, and the
/// daily series of areas, counts and depths.
///
/// Output, under the output folder:
///   daily/YYYY-MM-DD.events.geojson    Points: events begun by that day, with `age_days`
///   daily/YYYY-MM-DD.control.geojson   MultiPolygons: the two tiers as of that day
///   control-timeline.geojson           MultiPolygons with start_date/end_date validity
///   events-timeline.geojson            Points with start_date/end_date
///   series.csv, series.json            one row a day
/// Everything is written to a staging folder first and moved into place only when complete,
/// so a run that fails or is killed leaves the previous set as it was.
public enum SnapshotJob {
    public struct Options: Sendable {
        public var timelinePath: String
        public var from: CalendarDay?
        public var to: CalendarDay?
        public var outputFolder: String?
        public var force: Bool
        /// Parallel workers; nil chooses from the number of days and cores.
        public var jobs: Int?

        public init(timelinePath: String, from: CalendarDay? = nil, to: CalendarDay? = nil, outputFolder: String? = nil,
                    force: Bool = false, jobs: Int? = nil) {
            self.timelinePath = timelinePath
            self.from = from
            self.to = to
            self.outputFolder = outputFolder
            self.force = force
            self.jobs = jobs
        }
    }

    public struct Result: Sendable {
        public var folder: String
        public var days: Int
        public var controlTimelineFeatures: Int
        public var last: ControlEstimate
    }

    static let topLevelFiles = ["control-timeline.geojson", "events-timeline.geojson", "series.csv", "series.json"]

    /// - Parameter progress: called from worker threads with (days done, days in all).
    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        let loaded = try TimelineReader.read(path: options.timelinePath)
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: options.timelinePath, field: "events")
        }
        let from = options.from ?? span.start, to = options.to ?? span.end
        let spanText = "the timeline spans \(span.start) to \(span.end)"
        for (name, day) in [("--from", options.from), ("--to", options.to)] {
            if let day, day < span.start || day > span.end {
                throw InputError("\(name) \(day) is outside the timeline", file: options.timelinePath, hint: spanText)
            }
        }
        guard from <= to else {
            throw InputError("--from \(from) is after --to \(to)", file: options.timelinePath, hint: "give --from on or before --to")
        }
        let days = CalendarDay.range(from, through: to)
        guard days.count <= Limits.snapshotDays else {
            throw InputError("\(days.count) days is more than one run writes (\(Limits.snapshotDays))", file: options.timelinePath,
                             hint: "narrow the run with --from and --to")
        }
        let folder = OutputFolder(path: options.outputFolder ?? "exports/\(timeline.id)")
        try folder.checkOwnership(of: topLevelFiles, folders: ["daily"], force: options.force)
        let staging = try folder.makeStaging()
        do {
            let result = try write(loaded, days: days, into: staging, jobs: options.jobs, progress: progress)
            try commit(staging: staging, into: folder, days: days)
            return Result(folder: folder.path, days: days.count, controlTimelineFeatures: result.features, last: result.last)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            throw error
        }
    }

    /// One day as a worker saw it: the series row and each tier's state, nil where unchanged
    /// from the worker's previous day. The estimate itself is kept for the chunk's last day
    /// only (the events layer needs the final one), so quiet days cost a series row.
    private struct DayResult: Sendable {
        var row: TemporalLayers.SeriesRow
        var tiers: [ControlTier: TemporalLayers.TierState]
        var estimate: ControlEstimate?
    }

    /// Per-chunk results, filled by concurrent workers. Each index is written by exactly one
    /// worker and read only after all have finished, under the lock, so the unchecked
    /// Sendable conformance is sound.
    private final class ChunkResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [[DayResult]?]
        private var failures: [(Int, Error)] = []
        private var done = 0

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func store(_ chunk: Int, _ days: [DayResult]) { lock.withLock { results[chunk] = days } }
        func fail(_ chunk: Int, _ error: Error) { lock.withLock { failures.append((chunk, error)) } }
        func tick() -> Int { lock.withLock { done += 1; return done } }

        func collect() throws -> [DayResult] {
            try lock.withLock {
                if let first = failures.min(by: { $0.0 < $1.0 }) { throw first.1 }
                return results.flatMap { $0 ?? [] }
            }
        }
    }

    private static func write(_ loaded: LoadedTimeline, days: [CalendarDay], into staging: String, jobs: Int?,
                              progress: (@Sendable (Int, Int) -> Void)?) throws -> (features: Int, last: ControlEstimate) {
        let daily = (staging as NSString).appendingPathComponent("daily")
        try FileManager.default.createDirectory(atPath: daily, withIntermediateDirectories: true)
        // Each worker starts its chunk from scratch (rebuilding corridors), which pays only when
        // chunks are long; results are identical either way.
        let workers = max(1, min(jobs ?? min(ProcessInfo.processInfo.activeProcessorCount, days.count / 64), days.count))
        let chunkSize = (days.count + workers - 1) / workers
        let chunks = stride(from: 0, to: days.count, by: chunkSize).map { Array(days[$0..<min($0 + chunkSize, days.count)]) }
        let results = ChunkResults(count: chunks.count)
        let geodesic = try Geodesic.wgs84()
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            do {
                let output = try writeChunk(chunks[index], loaded: loaded, geodesic: geodesic, daily: daily) {
                    progress?(results.tick(), days.count)
                }
                results.store(index, output)
            } catch {
                results.fail(index, error)
            }
        }
        let perDay = try results.collect()
        let timeline = loaded.timeline
        let controlTimeline = try TemporalLayers.ControlTimeline(path: (staging as NSString).appendingPathComponent("control-timeline.geojson"))
        let csv = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.csv"))
        let json = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.json"))
        try csv.write(TemporalLayers.SeriesRow.columns.joined(separator: ",") + "\n")
        var header = "{\"timeline\": "
        JSONValue.quote(timeline.id, into: &header)
        try json.write(header + ", \"method\": " + JSONValue.string(timeline.estimate.summary).serialized + ", \"days\": [\n")
        for (i, result) in perDay.enumerated() {
            for tier in ControlTier.allCases {
                if let state = result.tiers[tier] { try controlTimeline.observe(tier, state, on: result.row.day) }
            }
            try csv.write(result.row.csv + "\n")
            try json.write(result.row.json + (i == perDay.count - 1 ? "\n" : ",\n"))
        }
        try json.write("]}\n")
        try controlTimeline.finish()
        try csv.close()
        try json.close()
        guard let last = perDay.last?.estimate else { preconditionFailure("a run has at least one day") }
        let events = GeoJSONWriter.featureCollection(
            name: "events-timeline", features: ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: last))
        try AtomicFileWriter.write([((staging as NSString).appendingPathComponent("events-timeline.geojson"), events)])
        return (controlTimeline.featureCount, last)
    }

    private static func writeChunk(_ days: [CalendarDay], loaded: LoadedTimeline, geodesic: Geodesic, daily: String,
                                   dayDone: () -> Void) throws -> [DayResult] {
        let timeline = loaded.timeline
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: loaded.gazetteer, geodesic: geodesic)
        let geos = try GEOSContext()
        var state = ControlAreaEstimator.State()
        var previous: [ControlTier: TemporalLayers.TierState] = [:]
        var output: [DayResult] = []
        for day in days {
            let estimate = try estimator.advance(&state, to: day)
            let control = try ExportLayers.control(timeline, estimate: estimate, geos: geos)
            let events = ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: estimate, asOf: day)
            let prefix = (daily as NSString).appendingPathComponent(day.description)
            try AtomicFileWriter.write([
                (prefix + ".events.geojson", GeoJSONWriter.featureCollection(name: "events \(day)", features: events)),
                (prefix + ".control.geojson", GeoJSONWriter.featureCollection(name: "control \(day)", features: control)),
            ])
            var tiers: [ControlTier: TemporalLayers.TierState] = [:]
            for (area, feature) in zip(estimate.tiers, control) {
                let state = TemporalLayers.TierState(area, timeline: timeline, estimate: estimate, geometry: feature.geometry)
                if previous[area.tier] != state { tiers[area.tier] = state }
                previous[area.tier] = state
            }
            let begun = timeline.events.filter { $0.date.start <= day }
            let row = TemporalLayers.SeriesRow(
                day: day, controlledKm2: estimate.controlled.areaSquareKilometers,
                contestedKm2: estimate.contested.areaSquareKilometers,
                settlementsControlled: estimate.controlled.settlementIDs.count,
                settlementsContested: estimate.contested.settlementIDs.count,
                depthKm: estimate.depthKilometers,
                eventsOnDay: begun.filter { $0.date.start == day }.count, eventsToDate: begun.count,
                sourcesToDate: Set(begun.flatMap(\.sourceIDs)).count)
            output.append(DayResult(row: row, tiers: tiers, estimate: day == days.last ? estimate : nil))
            dayDone()
        }
        return output
    }

    /// Moves the staged set into the folder: the daily folder in one atomic exchange where the
    /// system allows it, then each top-level file by an atomic rename; then the manifest.
    private static func commit(staging: String, into folder: OutputFolder, days: [CalendarDay]) throws {
        let fm = FileManager.default
        let stagedDaily = (staging as NSString).appendingPathComponent("daily")
        let liveDaily = folder.url("daily")
        let ours = folder.manifest()
        let oldDaily = folder.files().filter { $0.hasPrefix("daily/") }
        // Files of the user's own inside daily/ (only possible with --force) travel with the
        // new set, so the exchange never takes them away.
        for file in oldDaily where !ours.contains(file) {
            let name = String(file.dropFirst("daily/".count))
            let target = (stagedDaily as NSString).appendingPathComponent(name)
            guard !fm.fileExists(atPath: target) else {
                throw InputError("a file of yours has the name of a snapshot Salient writes", file: folder.url(file),
                                 hint: "rename or move it, or choose another folder with --out")
            }
            try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            guard link(folder.url(file), target) == 0 else {
                throw InputError("cannot keep your file beside the snapshots: \(String(cString: strerror(errno)))", file: folder.url(file))
            }
        }
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: liveDaily, isDirectory: &isDirectory), isDirectory.boolValue {
            if !AtomicExchange.exchange(stagedDaily, liveDaily) {
                // No atomic exchange here: move file by file (each move is atomic), then remove
                // the days of ours that the new set no longer has.
                let newNames = try fm.contentsOfDirectory(atPath: stagedDaily)
                for name in newNames where rename((stagedDaily as NSString).appendingPathComponent(name),
                                                  (liveDaily as NSString).appendingPathComponent(name)) != 0 {
                    throw InputError("cannot replace the file: \(String(cString: strerror(errno)))", file: liveDaily + "/" + name)
                }
                for file in oldDaily where ours.contains(file) && !newNames.contains(String(file.dropFirst("daily/".count))) {
                    try? fm.removeItem(atPath: folder.url(file))
                }
            }
        } else if rename(stagedDaily, liveDaily) != 0 {
            throw InputError("cannot move the snapshots into place: \(String(cString: strerror(errno)))", file: liveDaily)
        }
        for name in topLevelFiles where rename((staging as NSString).appendingPathComponent(name), folder.url(name)) != 0 {
            throw InputError("cannot replace the file: \(String(cString: strerror(errno)))", file: folder.url(name))
        }
        let written = topLevelFiles + days.flatMap { ["daily/\($0).events.geojson", "daily/\($0).control.geojson"] }
        try folder.updateManifest(adding: written, removing: oldDaily.filter { ours.contains($0) })
        try? fm.removeItem(atPath: staging)
    }
}
