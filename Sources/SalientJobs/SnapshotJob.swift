import Foundation
import SalientCore
import SalientIO

/// `salient snapshots`: the state of the map on each day, a temporal layer for QGIS, and the
/// daily series of areas, counts and depths.
///
/// Output, under the output folder:
///   daily/YYYY-MM-DD.events.geojson    Points: the events of that day (their date interval
///                                      includes it; with `cumulativeEvents`, every event
///                                      begun by then), with `age_days`
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
        /// Also write the GeoPackage twin of the temporal layers and the series (GeoPackageOutput).
        public var geoPackage = false
        /// Also write the offline time-slider page, `index.html` (TimeSliderPage).
        public var html = false
        /// Daily events files hold every event begun by their day, not only that day's, so
        /// that each day's file stands alone (the size grows with days × events).
        public var cumulativeEvents = false
        /// The most bytes a run may write; a run estimated to write more is refused.
        public var outputBudgetBytes: Int

        public init(
            timelinePath: String, from: CalendarDay? = nil, to: CalendarDay? = nil, outputFolder: String? = nil,
            force: Bool = false, jobs: Int? = nil,
            outputBudgetBytes: Int = SnapshotJob.defaultOutputBudgetBytes
        ) {
            self.timelinePath = timelinePath
            self.from = from
            self.to = to
            self.outputFolder = outputFolder
            self.force = force
            self.jobs = jobs
            self.outputBudgetBytes = outputBudgetBytes
        }
    }

    /// 10 GB: more than a year of daily files for tens of thousands of events, and still well
    /// within an ordinary disk.
    public static let defaultOutputBudgetBytes = 10_000_000_000

    public struct Result: Sendable {
        public var folder: String
        public var days: Int
        public var controlTimelineFeatures: Int
        public var last: ControlEstimate
    }

    static let topLevelFiles = ["control-timeline.geojson", "events-timeline.geojson", "series.csv", "series.json"]

    /// - Parameter progress: called from worker threads with (days done, days in all).
    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        try run(options, loaded: TimelineReader.read(path: options.timelinePath), progress: progress)
    }

    /// `run` on a timeline already read (the command line reads it once for its warnings and the job).
    public static func run(
        _ options: Options, loaded: LoadedTimeline, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Result {
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: options.timelinePath, field: "events")
        }
        let from = options.from ?? span.start
        let to = options.to ?? span.end
        for (which, day) in [(RequestRefusal.Day.first, options.from), (.last, options.to)] {
            if let day, day < span.start || day > span.end {
                throw RequestRefusal(
                    .outsideTimeline(which, day, start: span.start, end: span.end),
                    path: options.timelinePath)
            }
        }
        guard from <= to else { throw RequestRefusal(.firstAfterLast(from, to), path: options.timelinePath) }
        let days = CalendarDay.range(from, through: to)
        guard days.count <= Limits.snapshotDays else {
            throw RequestRefusal(.tooManyDays(days.count, limit: Limits.snapshotDays), path: options.timelinePath)
        }
        let folder = OutputFolder(path: options.outputFolder ?? "exports/\(timeline.id)")
        try folder.checkPath()
        let twin = options.geoPackage ? [GeoPackageOutput.snapshotsFileName(timelineID: timeline.id)] : []
        for name in twin { try GeoPackageOutput.checkTarget(folder.url(name)) }
        // Leaflet is looked for before any work, so a missing package costs no run.
        let leaflet = options.html ? try LeafletAssets.load() : nil
        let page = options.html ? [TimeSliderPage.fileName] : []
        let eventLines = DailyEventsLayer(loaded, sources: SourceIndex(timeline), through: days[days.count - 1])
        let estimate = eventLines.estimatedBytes(days: days, cumulative: options.cumulativeEvents)
        guard estimate <= options.outputBudgetBytes else {
            throw RequestRefusal(.overBudget(estimate: estimate, budget: options.outputBudgetBytes), path: folder.path)
        }
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        var manifest = try folder.readManifest()
        try folder.removeLeftovers(&manifest)
        let dailyNames = days.flatMap { ["daily/\($0).events.geojson", "daily/\($0).control.geojson"] }
        let ownership = try folder.checkOwnership(
            of: topLevelFiles + twin + page + dailyNames, folders: ["daily"],
            force: options.force, manifest: manifest)
        let staging = try folder.makeStaging(&manifest)
        do {
            let result = try write(
                loaded, days: days, eventLines: eventLines, cumulativeEvents: options.cumulativeEvents,
                into: staging.path, jobs: options.jobs, progress: progress)
            var digests = result.digests
            for name in twin {
                try GeoPackageOutput.writeSnapshots(loaded, last: result.last, staging: staging.path, name: name)
                let written = (staging.path as NSString).appendingPathComponent(name)
                guard let digest = ContentDigest.of(file: written) else {
                    throw WriteFailure("cannot read back the file just written", path: written)
                }
                digests[name] = digest
            }
            if let leaflet {
                let check = loaded.timeline.claims.isEmpty ? nil : try CheckJob.run(loaded)
                let written = try TimeSliderPage.writeSnapshots(
                    loaded, days: days, check: check, staging: staging.path, leaflet: leaflet)
                guard let digest = ContentDigest.of(file: written) else {
                    throw WriteFailure("cannot read back the file just written", path: written)
                }
                digests[TimeSliderPage.fileName] = digest
            }
            let stagedDaily = (staging.path as NSString).appendingPathComponent("daily")
            let commit = StagedCommit(
                folder: folder, manifest: manifest,
                files: (topLevelFiles + twin + page).map { name in
                    (name, (staging.path as NSString).appendingPathComponent(name), digests[name]!)
                },
                swap: ("daily", stagedDaily, result.digests.filter { $0.key.hasPrefix("daily/") }),
                keep: ownership.theirs.filter { $0.hasPrefix("daily/") }, ours: ownership.ours, staging: staging)
            try commit.run()
            return Result(
                folder: folder.path, days: days.count, controlTimelineFeatures: result.features, last: result.last)
        } catch {
            try? FileManager.default.removeItem(atPath: staging.path)
            // Unless the commit had begun (its manifest is in place), the folder is as it was.
            if (try? folder.readManifest()) == manifest {
                manifest.removeStaging(staging.name)
                try? folder.writeManifest(manifest)
            }
            throw error
        }
    }

    private typealias StateText = TemporalLayers.StateText
    private typealias Intervals = TemporalIntervals<ControlTier, StateText>

    /// What one worker hands back for its chunk of days. Its control states travel through a
    /// part file, not memory, so that memory stays flat however many days a run has: the part
    /// holds the finished features of the chunk's inner states in order, and a marker where the
    /// chunk's first state of a tier ends (that state may have begun in an earlier chunk, so
    /// only the stitching knows its start_date).
    private struct ChunkOutput: Sendable {
        /// The chunk's temporal-layer builder after its last day: its first states and open ones.
        var intervals: Intervals
        /// The day the first state of a tier gives way, when that happens inside the chunk.
        var firstEnds: [ControlTier: CalendarDay]
        var part: ChunkParts
        var last: ControlEstimate
        /// The digest of each daily file the chunk wrote, by its path in the output folder.
        var digests: [String: ContentDigest]
    }

    /// A chunk's staged part files: its control-timeline features and its series rows, one a line.
    private struct ChunkParts: Sendable {
        var controlTimeline: String
        var csv: String
        var json: String

        init(staging: String, chunk: Int) {
            let base = (staging as NSString).appendingPathComponent(".part\(chunk)")
            controlTimeline = base + ".control-timeline"
            csv = base + ".series.csv"
            json = base + ".series.json"
        }
    }

    /// Per-chunk results, filled by concurrent workers. Each index is written by exactly one
    /// worker and read only after all have finished, under the lock, so the unchecked
    /// Sendable conformance is sound.
    private final class ChunkResults: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [ChunkOutput?]
        private var failures: [(Int, Error)] = []
        private var done = 0

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func store(_ chunk: Int, _ output: ChunkOutput) { lock.withLock { results[chunk] = output } }
        func fail(_ chunk: Int, _ error: Error) { lock.withLock { failures.append((chunk, error)) } }
        func tick() -> Int {
            lock.withLock {
                done += 1
                return done
            }
        }

        func collect() throws -> [ChunkOutput] {
            try lock.withLock {
                if let first = failures.min(by: { $0.0 < $1.0 }) { throw first.1 }
                return results.compactMap { $0 }
            }
        }
    }

    private static func write(
        _ loaded: LoadedTimeline, days: [CalendarDay], eventLines: DailyEventsLayer, cumulativeEvents: Bool,
        into staging: String, jobs: Int?, progress: (@Sendable (Int, Int) -> Void)?
    )
        throws -> (features: Int, last: ControlEstimate, digests: [String: ContentDigest])
    {
        let daily = (staging as NSString).appendingPathComponent("daily")
        try FileManager.default.createDirectory(atPath: daily, withIntermediateDirectories: true)
        let chunks = SnapshotPlan(days: days, jobs: jobs).chunks
        let results = ChunkResults(count: chunks.count)
        let geodesic = try Geodesic.wgs84()
        let sourceIndex = SourceIndex(loaded.timeline)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            do {
                let output = try writeChunk(
                    chunks[index], loaded: loaded, geodesic: geodesic, daily: daily,
                    eventLines: eventLines, cumulativeEvents: cumulativeEvents,
                    parts: ChunkParts(staging: staging, chunk: index)
                ) {
                    progress?(results.tick(), days.count)
                }
                results.store(index, output)
            } catch {
                results.fail(index, error)
            }
        }
        let outputs = try results.collect()
        let timeline = loaded.timeline
        var digests: [String: ContentDigest] = [:]
        for output in outputs { digests.merge(output.digests) { first, _ in first } }
        let timelinePath = (staging as NSString).appendingPathComponent("control-timeline.geojson")
        let (features, timelineDigest) = try stitchControlTimeline(outputs, into: timelinePath)
        digests["control-timeline.geojson"] = timelineDigest
        let csv = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.csv"))
        let json = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.json"))
        try csv.write(TemporalLayers.SeriesRow.columns.joined(separator: ",") + "\n")
        var header = "{\"timeline\": "
        JSONValue.quote(timeline.id, into: &header)
        try json.write(
            header + ", \"method\": " + JSONValue.string(timeline.estimate.summary).serialized + ", \"days\": [\n")
        var rows = 0
        for output in outputs {
            try forEachLine(of: output.part.csv) { try csv.write($0 + "\n") }
            try forEachLine(of: output.part.json) { row in
                try json.write((rows == 0 ? "" : ",\n") + row)
                rows += 1
            }
        }
        try json.write("\n]}\n")
        try csv.close()
        try json.close()
        digests["series.csv"] = csv.digest
        digests["series.json"] = json.digest
        let last = outputs[outputs.count - 1].last
        digests["events-timeline.geojson"] = try StreamingTextFile.write(
            eventsTimeline(loaded, sources: sourceIndex, estimate: last),
            to: (staging as NSString).appendingPathComponent("events-timeline.geojson"))
        return (features, last, digests)
    }

    private static func writeChunk(
        _ days: [CalendarDay], loaded: LoadedTimeline, geodesic: Geodesic,
        daily: String, eventLines: DailyEventsLayer, cumulativeEvents: Bool, parts: ChunkParts,
        dayDone: () -> Void
    ) throws -> ChunkOutput {
        let timeline = loaded.timeline
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: loaded.gazetteer, geodesic: geodesic)
        var state = ControlAreaEstimator.State()
        let partFile = try StreamingTextFile(path: parts.controlTimeline)
        let csvPart = try StreamingTextFile(path: parts.csv)
        let jsonPart = try StreamingTextFile(path: parts.json)
        var intervals = Intervals()
        var shapes: [ControlTier: (shape: MultiPolygon<LonLat>, text: String)] = [:]
        var firstEnds: [ControlTier: CalendarDay] = [:]
        var last: ControlEstimate?
        // The events begun so far are a prefix of the layer's order (by start day, then id).
        var begun = 0
        // The layer positions of the events the day's file shows, ascending.
        var shown: [Int] = []
        var sources: Set<String> = []
        var digests: [String: ContentDigest] = [:]
        for day in days {
            let estimate = try estimator.advance(&state, to: day)
            let control = ExportLayers.controlProperties(timeline, estimate: estimate)
            let prefix = (daily as NSString).appendingPathComponent(day.description)
            var onDay = 0
            while begun < eventLines.count, eventLines.starts[begun] <= day {
                let event = timeline.events[eventLines.order[begun]]
                if event.date.start == day { onDay += 1 }
                sources.formUnion(event.sourceIDs)
                shown.append(begun)
                begun += 1
            }
            if !cumulativeEvents { shown.removeAll { eventLines.ends[$0] < day } }
            var lines: [String] = []
            var states: [(ControlTier, StateText)] = []
            for (area, properties) in zip(estimate.tiers, control) {
                // A tier's polygon is laid out only on the days it changes.
                if shapes[area.tier]?.shape != area.geometry {
                    shapes[area.tier] = (area.geometry, ExportLayers.controlGeometry(area).serialized)
                }
                let geometry = shapes[area.tier]!.text
                let members = properties.map { (key: $0.0, text: FeatureLayout.member($0)) }
                lines.append(
                    FeatureLayout.feature(properties: FeatureLayout.object(members.map(\.text)), geometry: geometry))
                let kept = members.filter { TemporalLayers.stateKeys.contains($0.key) }.map(\.text)
                states.append((area.tier, StateText(members: kept, geometry: geometry, isEmpty: area.geometry.isEmpty)))
            }
            // The events file can hold every event to date, so it is streamed, not held whole;
            // like every file here it is flushed to disk, with the whole set, before it moves into place.
            let eventsFile = try StreamingTextFile(path: prefix + ".events.geojson")
            try eventLines.write(name: "events \(day)", shown: shown, on: day, to: eventsFile)
            try eventsFile.close()
            digests["daily/\(day).events.geojson"] = eventsFile.digest
            digests["daily/\(day).control.geojson"] = try StreamingTextFile.write(
                GeoJSONWriter.header(name: "control \(day)") + lines.joined(separator: ",\n")
                    + GeoJSONWriter.footer(empty: lines.isEmpty),
                to: prefix + ".control.geojson")
            for interval in intervals.add(day, states: states) {
                if interval.start == days[0] {
                    firstEnds[interval.tier] = day
                    try partFile.write("\(marker)\(interval.tier.rawValue)\n")
                } else if !interval.state.isEmpty {
                    try partFile.write(TemporalLayers.controlTimelineLine(interval) + "\n")
                }
            }
            let row = TemporalLayers.SeriesRow(
                day: day, controlledKm2: estimate.controlled.areaSquareKilometers,
                contestedKm2: estimate.contested.areaSquareKilometers,
                settlementsControlled: estimate.controlled.settlementIDs.count,
                settlementsContested: estimate.contested.settlementIDs.count,
                depthKm: estimate.depthKilometers,
                eventsOnDay: onDay, eventsToDate: begun, sourcesToDate: sources.count)
            try csvPart.write(row.csv + "\n")
            try jsonPart.write(row.json + "\n")
            last = estimate
            dayDone()
        }
        for file in [partFile, csvPart, jsonPart] { try file.close() }
        return ChunkOutput(intervals: intervals, firstEnds: firstEnds, part: parts, last: last!, digests: digests)
    }

    /// Marks, in a part file, where the chunk's first state of a tier ends; feature lines
    /// start with "{", so they never begin with it.
    private static let marker = "#first-state-ends:"

    /// Writes `control-timeline.geojson` from the chunks' part files, in day order: a state
    /// that runs across a chunk boundary becomes one feature, exactly as a serial run makes it.
    /// Returns the number of features and the file's digest.
    private static func stitchControlTimeline(_ outputs: [ChunkOutput], into path: String)
        throws -> (Int, ContentDigest)
    {
        let file = try StreamingTextFile(path: path)
        try file.write(GeoJSONWriter.header(name: "control-timeline"))
        var count = 0
        func emit(_ line: String) throws {
            try file.write((count == 0 ? "" : ",\n") + line)
            count += 1
        }
        func emit(_ interval: Intervals.Interval) throws {
            if !interval.state.isEmpty { try emit(TemporalLayers.controlTimelineLine(interval)) }
        }
        var stitch = Intervals.Stitch()
        for output in outputs {
            let chunk = output.intervals
            guard let firstDay = chunk.firstDay else { continue }
            try stitch.begin(firstDay: firstDay, first: chunk.first).forEach(emit)
            let first = Dictionary(chunk.first, uniquingKeysWith: { earlier, _ in earlier })
            try forEachLine(of: output.part.controlTimeline) { line in
                if line.hasPrefix(marker), let tier = ControlTier(rawValue: String(line.dropFirst(marker.count))),
                    let state = first[tier], let end = output.firstEnds[tier]
                {
                    try emit(stitch.pass(Intervals.Interval(tier: tier, state: state, start: firstDay, end: end)))
                } else {
                    try emit(line)
                }
            }
            stitch.end(open: chunk.openIntervals)
        }
        try stitch.openIntervals.forEach(emit)
        try file.write(GeoJSONWriter.footer(empty: count == 0))
        try file.close()
        return (count, file.digest)
    }

    /// Reads a staged part file line by line (without the newlines), then removes it: parts
    /// can be larger than memory should hold.
    private static func forEachLine(of path: String, _ body: (String) throws -> Void) throws {
        guard let file = fopen(path, "r") else {
            throw WriteFailure.writing(path, "cannot read a staged file", errno: errno)
        }
        defer {
            fclose(file)
            unlink(path)
        }
        var buffer: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(buffer) }
        while true {
            let length = getline(&buffer, &capacity, file)
            guard length > 0, let buffer else { break }
            try body(String(decoding: UnsafeRawBufferPointer(start: buffer, count: length - 1), as: UTF8.self))
        }
    }

    /// `events-timeline.geojson`: every event with the tier it fed on the last day.
    private static func eventsTimeline(_ loaded: LoadedTimeline, sources: SourceIndex, estimate: ControlEstimate)
        -> String
    {
        GeoJSONWriter.featureCollection(
            name: "events-timeline",
            features: ExportLayers.events(
                loaded.timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources))
    }
}
