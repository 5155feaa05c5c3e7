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
        /// Also write the GeoPackage twin of the temporal layers and the series (GeoPackageOutput).
        public var geoPackage = false
        /// The most bytes a run may write; a run estimated to write more is refused.
        public var outputBudgetBytes: Int

        public init(timelinePath: String, from: CalendarDay? = nil, to: CalendarDay? = nil, outputFolder: String? = nil,
                    force: Bool = false, jobs: Int? = nil,
                    outputBudgetBytes: Int = SnapshotJob.defaultOutputBudgetBytes) {
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
        let loaded = try TimelineReader.read(path: options.timelinePath)
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: options.timelinePath, field: "events")
        }
        let from = options.from ?? span.start, to = options.to ?? span.end
        for (which, day) in [(RequestRefusal.Day.first, options.from), (.last, options.to)] {
            if let day, day < span.start || day > span.end {
                throw RequestRefusal(.outsideTimeline(which, day, start: span.start, end: span.end),
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
        try twin.forEach { try GeoPackageOutput.checkTarget(folder.url($0)) }
        let eventLines = DailyEventLines(loaded, sources: SourceIndex(timeline), through: days[days.count - 1])
        let estimate = eventLines.estimatedBytes(days: days)
        guard estimate <= options.outputBudgetBytes else {
            throw RequestRefusal(.overBudget(estimate: estimate, budget: options.outputBudgetBytes), path: folder.path)
        }
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        var manifest = try folder.readManifest()
        try folder.removeLeftovers(&manifest)
        let dailyNames = days.flatMap { ["daily/\($0).events.geojson", "daily/\($0).control.geojson"] }
        let ownership = try folder.checkOwnership(of: topLevelFiles + twin + dailyNames, folders: ["daily"],
                                                  force: options.force, manifest: manifest)
        let staging = try folder.makeStaging(&manifest)
        do {
            let result = try write(loaded, days: days, eventLines: eventLines, into: staging.path, jobs: options.jobs,
                                   progress: progress)
            var digests = result.digests
            for name in twin {
                try GeoPackageOutput.writeSnapshots(loaded, last: result.last, staging: staging.path, name: name)
                let written = (staging.path as NSString).appendingPathComponent(name)
                guard let digest = ContentDigest.of(file: written) else {
                    throw WriteFailure("cannot read back the file just written", path: written)
                }
                digests[name] = digest
            }
            let stagedDaily = (staging.path as NSString).appendingPathComponent("daily")
            let commit = StagedCommit(
                folder: folder, manifest: manifest,
                files: (topLevelFiles + twin).map { name in
                    (name, (staging.path as NSString).appendingPathComponent(name), digests[name]!)
                },
                swap: ("daily", stagedDaily, result.digests.filter { $0.key.hasPrefix("daily/") }),
                keep: ownership.theirs.filter { $0.hasPrefix("daily/") }, ours: ownership.ours, staging: staging)
            try commit.run()
            return Result(folder: folder.path, days: days.count, controlTimelineFeatures: result.features, last: result.last)
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

    /// What one worker hands back for its chunk of days. Its control states travel through a
    /// part file, not memory, so that memory stays flat however many days a run has: the part
    /// holds the finished features of the chunk's inner states in order, and a marker where the
    /// chunk's first state of a tier ends (that state may have begun in an earlier chunk, so
    /// only the stitching knows its start_date).
    private struct ChunkOutput: Sendable {
        var firstDay: CalendarDay
        /// Each tier's state on the chunk's first day.
        var first: [ControlTier: StateText]
        /// The day the first state of a tier gives way, when that happens inside the chunk.
        var firstEnds: [ControlTier: CalendarDay]
        /// The state open at the chunk's end, when it is not the first state.
        var lastOpen: [ControlTier: OpenState]
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

    /// A tier's state in the temporal layer (`TemporalLayers.stateKeys`) as text: its
    /// properties' members and its geometry, serialized once. Two states are the same when
    /// these texts are.
    private struct StateText: Sendable, Equatable {
        var members: [String]
        var properties: String
        var geometry: String
        var isEmpty: Bool

        init(members: [String], geometry: String, isEmpty: Bool) {
            self.members = members
            properties = Layout.object(members)
            self.geometry = geometry
            self.isEmpty = isEmpty
        }

        static func == (lhs: StateText, rhs: StateText) -> Bool {
            lhs.geometry == rhs.geometry && lhs.properties == rhs.properties
        }
    }

    private struct OpenState: Sendable {
        var state: StateText
        var since: CalendarDay
    }

    /// Lays out JSON objects and GeoJSON feature lines from pieces serialized once, with the
    /// bytes `JSONValue` and `GeoJSONWriter` give for the whole (GeoJSONWriterTests checks it):
    /// a day's polygon is printed once and reused in the daily file and the temporal layer.
    enum Layout {
        static func member(_ property: (String, JSONValue)) -> String {
            member(property.0, text: property.1.serialized)
        }

        static func member(_ key: String, text: String) -> String {
            var out = ""
            JSONValue.quote(key, into: &out)
            return out + ": " + text
        }

        static func object(_ members: [String]) -> String {
            "{" + members.joined(separator: ", ") + "}"
        }

        static func feature(properties: String, geometry: String) -> String {
            object([member("type", text: "\"Feature\""), member("properties", text: properties), member("geometry", text: geometry)])
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
        func tick() -> Int { lock.withLock { done += 1; return done } }

        func collect() throws -> [ChunkOutput] {
            try lock.withLock {
                if let first = failures.min(by: { $0.0 < $1.0 }) { throw first.1 }
                return results.compactMap { $0 }
            }
        }
    }

    private static func write(_ loaded: LoadedTimeline, days: [CalendarDay], eventLines: DailyEventLines,
                              into staging: String, jobs: Int?, progress: (@Sendable (Int, Int) -> Void)?)
        throws -> (features: Int, last: ControlEstimate, digests: [String: ContentDigest]) {
        let daily = (staging as NSString).appendingPathComponent("daily")
        try FileManager.default.createDirectory(atPath: daily, withIntermediateDirectories: true)
        // Each worker starts its chunk from scratch (rebuilding corridors), which pays only when
        // chunks are long; results are identical either way.
        let workers = max(1, min(jobs ?? min(ProcessInfo.processInfo.activeProcessorCount, days.count / 64), days.count))
        let chunkSize = (days.count + workers - 1) / workers
        let chunks = stride(from: 0, to: days.count, by: chunkSize).map { Array(days[$0..<min($0 + chunkSize, days.count)]) }
        let results = ChunkResults(count: chunks.count)
        let geodesic = try Geodesic.wgs84()
        let sourceIndex = SourceIndex(loaded.timeline)
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            do {
                let output = try writeChunk(chunks[index], loaded: loaded, geodesic: geodesic, daily: daily,
                                            eventLines: eventLines, parts: ChunkParts(staging: staging, chunk: index)) {
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
        try json.write(header + ", \"method\": " + JSONValue.string(timeline.estimate.summary).serialized + ", \"days\": [\n")
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

    private static func writeChunk(_ days: [CalendarDay], loaded: LoadedTimeline, geodesic: Geodesic,
                                   daily: String, eventLines: DailyEventLines, parts: ChunkParts,
                                   dayDone: () -> Void) throws -> ChunkOutput {
        let timeline = loaded.timeline
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: loaded.gazetteer, geodesic: geodesic)
        var state = ControlAreaEstimator.State()
        let partFile = try StreamingTextFile(path: parts.controlTimeline)
        let csvPart = try StreamingTextFile(path: parts.csv), jsonPart = try StreamingTextFile(path: parts.json)
        var first: [ControlTier: StateText] = [:]
        var shapes: [ControlTier: (shape: MultiPolygon<LonLat>, text: String)] = [:]
        var firstEnds: [ControlTier: CalendarDay] = [:]
        var open: [ControlTier: OpenState] = [:]
        var last: ControlEstimate?
        // The events begun so far are a prefix of the layer's order (by start day, then id).
        var begun = 0, sources: Set<String> = []
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
                begun += 1
            }
            var lines: [String] = []
            var states: [(ControlTier, StateText)] = []
            for (area, properties) in zip(estimate.tiers, control) {
                // A tier's polygon is laid out only on the days it changes.
                if shapes[area.tier]?.shape != area.geometry {
                    shapes[area.tier] = (area.geometry, ExportLayers.controlGeometry(area).serialized)
                }
                let geometry = shapes[area.tier]!.text
                let members = properties.map { (key: $0.0, text: Layout.member($0)) }
                lines.append(Layout.feature(properties: Layout.object(members.map(\.text)), geometry: geometry))
                let kept = members.filter { TemporalLayers.stateKeys.contains($0.key) }.map(\.text)
                states.append((area.tier, StateText(members: kept, geometry: geometry, isEmpty: area.geometry.isEmpty)))
            }
            // The events file grows with the events to date, so it is streamed, not held whole;
            // like every file here it is flushed to disk, with the whole set, before it moves into place.
            let eventsFile = try StreamingTextFile(path: prefix + ".events.geojson")
            try eventLines.write(name: "events \(day)", count: begun, on: day, to: eventsFile)
            try eventsFile.close()
            digests["daily/\(day).events.geojson"] = eventsFile.digest
            digests["daily/\(day).control.geojson"] = try StreamingTextFile.write(
                GeoJSONWriter.header(name: "control \(day)") + lines.joined(separator: ",\n")
                    + GeoJSONWriter.footer(empty: lines.isEmpty),
                to: prefix + ".control.geojson")
            for (tier, tierState) in states {
                guard let current = open[tier] else {
                    first[tier] = tierState
                    open[tier] = OpenState(state: tierState, since: day)
                    continue
                }
                if current.state == tierState { continue }
                if firstEnds[tier] == nil {
                    firstEnds[tier] = day
                    try partFile.write("\(marker)\(tier.rawValue)\n")
                } else if !current.state.isEmpty {
                    try partFile.write(controlTimelineLine(current, until: day) + "\n")
                }
                open[tier] = OpenState(state: tierState, since: day)
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
        return ChunkOutput(firstDay: days[0], first: first, firstEnds: firstEnds,
                           lastOpen: open.filter { firstEnds[$0.key] != nil }, part: parts, last: last!,
                           digests: digests)
    }

    /// Marks, in a part file, where the chunk's first state of a tier ends; feature lines
    /// start with "{", so they never begin with it.
    private static let marker = "#first-state-ends:"

    /// One feature of `control-timeline.geojson`: a tier's state with its validity, from
    /// `since` (included) to `until` (excluded; nil while it still holds on the last day).
    private static func controlTimelineLine(_ open: OpenState, until: CalendarDay?) -> String {
        var members = open.state.members
        members.insert(contentsOf: [Layout.member(("start_date", .string(open.since.description))),
                                    Layout.member(("end_date", until.map { .string($0.description) } ?? .null))], at: 1)
        return Layout.feature(properties: Layout.object(members), geometry: open.state.geometry)
    }

    /// Writes `control-timeline.geojson` from the chunks' part files, in day order: a state
    /// that runs across a chunk boundary becomes one feature, exactly as a serial run makes it.
    /// Returns the number of features and the file's digest.
    private static func stitchControlTimeline(_ outputs: [ChunkOutput], into path: String)
        throws -> (Int, ContentDigest) {
        let file = try StreamingTextFile(path: path)
        try file.write(GeoJSONWriter.header(name: "control-timeline"))
        var count = 0
        func emit(_ line: String) throws {
            try file.write((count == 0 ? "" : ",\n") + line)
            count += 1
        }
        var open: [ControlTier: OpenState] = [:]
        for output in outputs {
            for tier in ControlTier.allCases {
                guard let state = output.first[tier] else { continue }
                if let current = open[tier] {
                    if current.state == state { continue }
                    if !current.state.isEmpty { try emit(controlTimelineLine(current, until: output.firstDay)) }
                }
                open[tier] = OpenState(state: state, since: output.firstDay)
            }
            try forEachLine(of: output.part.controlTimeline) { line in
                if line.hasPrefix(marker), let tier = ControlTier(rawValue: String(line.dropFirst(marker.count))) {
                    if let current = open[tier], !current.state.isEmpty, let end = output.firstEnds[tier] {
                        try emit(controlTimelineLine(current, until: end))
                    }
                    open[tier] = nil
                } else {
                    try emit(line)
                }
            }
            for (tier, state) in output.lastOpen { open[tier] = state }
        }
        for tier in ControlTier.allCases {
            if let current = open[tier], !current.state.isEmpty { try emit(controlTimelineLine(current, until: nil)) }
        }
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
        defer { fclose(file); unlink(path) }
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
    private static func eventsTimeline(_ loaded: LoadedTimeline, sources: SourceIndex, estimate: ControlEstimate) -> String {
        GeoJSONWriter.featureCollection(name: "events-timeline", features: ExportLayers.events(
            loaded.timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources))
    }

    /// The features of the daily events layers, laid out once by `ExportLayers.events` and kept
    /// as text. From day to day a feature changes only in its `age_days` and, from the day its
    /// event enters the estimate, in its tier and radius; so each feature is kept as a head,
    /// the two versions of what differs, and the tail after `age_days`, and a day's file is
    /// these pieces put together, byte for byte what laying the day out afresh would give.
    final class DailyEventLines: Sendable {
        /// Event indexes in layer order (start day, then id), and their start days.
        let order: [Int]
        let starts: [CalendarDay]
        /// Each event's line in five pieces, back to back in one buffer: the head, then from the
        /// end of the head up to the age and after the age, before the event's entry into the
        /// estimate, then the same two from its entry on. `offsets[5k...5k+5]` bound event k's.
        /// Bytes, not strings: a long run writes them millions of times, straight from here.
        private let store: [UInt8]
        private let offsets: [Int]
        private let entries: [CalendarDay?]

        var count: Int { order.count }

        /// - Parameter last: the run's last day; events begun after it never show.
        init(_ loaded: LoadedTimeline, sources: SourceIndex, through last: CalendarDay) {
            let timeline = loaded.timeline
            let events = timeline.events
            let all = events.indices.sorted { (events[$0].date.start, events[$0].id) < (events[$1].date.start, events[$1].id) }
            order = Array(all.prefix { events[$0].date.start <= last })
            starts = order.map { events[$0].date.start }
            let entryByID = Dictionary(order.compactMap { i in
                ControlAreaEstimator.entry(of: events[i], parameters: timeline.estimate).map { (events[i].id, $0) }
            }, uniquingKeysWith: { first, _ in first })
            entries = order.map { entryByID[events[$0].id]?.from }
            // Laid out as of the last day, once with no event in the estimate and once with
            // every event that enters it by then; `age_days` is replaced by a placeholder.
            let asOf = last
            let pending = ExportLayers.events(timeline, gazetteer: loaded.gazetteer,
                                              estimate: Self.estimate(asOf: asOf, controlled: [], contested: []), asOf: asOf, sources: sources)
            let ids = entryByID.filter { $0.value.from <= asOf }
            let entered = ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: Self.estimate(
                asOf: asOf, controlled: ids.filter { $0.value.tier == .controlled }.map(\.key).sorted(), contested: ids.map(\.key).sorted()),
                asOf: asOf, sources: sources)
            var store: [UInt8] = [], offsets: [Int] = [0]
            for (k, (a, b)) in zip(pending, entered).enumerated() {
                precondition(a.properties.first?.1 == .string(events[order[k]].id) && b.properties.first?.1 == a.properties.first?.1,
                             "the events layer keeps its order")
                let (aHead, aTail) = Self.split(a), (bHead, bTail) = Self.split(b)
                var common = 0
                while common < aHead.count, common < bHead.count, aHead[aHead.startIndex + common] == bHead[bHead.startIndex + common] { common += 1 }
                for piece in [aHead.prefix(common), aHead.dropFirst(common), aTail, bHead.dropFirst(common), bTail] {
                    store.append(contentsOf: piece)
                    offsets.append(store.count)
                }
            }
            self.store = store
            self.offsets = offsets
        }

        /// At least the bytes the daily events files of `days` take: each day's file holds
        /// every event begun by then, so this grows with days × events (the control files,
        /// whose size the estimate cannot know yet, come on top).
        func estimatedBytes(days: [CalendarDay]) -> Int {
            var prefix = [0]
            prefix.reserveCapacity(count + 1)
            for k in 0..<count {
                // The shorter of the event's two versions (before and after its entry into the estimate).
                let pending = offsets[5 * k + 3] - offsets[5 * k]
                let entered = offsets[5 * k + 1] - offsets[5 * k] + offsets[5 * k + 5] - offsets[5 * k + 3]
                prefix.append(prefix[k] + min(pending, entered) + 2)
            }
            let header = GeoJSONWriter.header(name: "events 2024-01-01").utf8.count
                + min(GeoJSONWriter.footer(empty: false).utf8.count, GeoJSONWriter.footer(empty: true).utf8.count)
            var total = 0, begun = 0
            for day in days {
                while begun < count, starts[begun] <= day { begun += 1 }
                // Every age has at least one digit; the first event has no separator.
                total += header + prefix[begun] + begun - (begun > 0 ? 2 : 0)
            }
            return total
        }

        private static let placeholder = "\u{1}"

        /// A feature's line cut where its `age_days` value goes.
        private static func split(_ feature: GeoJSONFeature) -> (ArraySlice<UInt8>, ArraySlice<UInt8>) {
            var properties = feature.properties
            precondition(properties.last?.0 == "age_days", "age_days is the daily events layer's last property")
            properties[properties.count - 1].1 = .string(placeholder)
            let line = Array(GeoJSONWriter.line(GeoJSONFeature(properties: properties, geometry: feature.geometry)).utf8)
            let mark = Array(JSONValue.string(placeholder).serialized.utf8)
            var at = line.count - mark.count
            while at >= 0, !line[at..<(at + mark.count)].elementsEqual(mark) { at -= 1 }
            precondition(at >= 0, "the placeholder is in the line")
            return (line[..<at], line[(at + mark.count)...])
        }

        /// Writes the daily events file of `day`, whose first `count` events in layer order have
        /// begun: the stored pieces go to the file as they are, with each event's age between.
        func write(name: String, count: Int, on day: CalendarDay, to file: StreamingTextFile) throws {
            try file.write(GeoJSONWriter.header(name: name))
            // Events per gathered write: six pieces each (the separator, the head, the line up to
            // the age, the age, the rest), 1,020 in all, within IOV_MAX (1,024).
            let batch = 170
            // The separator, then each event's age in the batch (20 bytes hold any Int), in room
            // that never moves.
            let scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: 2 + batch * 20, alignment: 1)
            defer { scratch.deallocate() }
            scratch.copyBytes(from: [UInt8(ascii: ","), UInt8(ascii: "\n")])
            var pieces: [iovec] = []
            pieces.reserveCapacity(batch * 6)
            try store.withUnsafeBytes { store in
                func piece(_ index: Int) -> iovec {
                    iovec(iov_base: UnsafeMutableRawPointer(mutating: store.baseAddress! + offsets[index]),
                          iov_len: offsets[index + 1] - offsets[index])
                }
                var used = 2
                for k in 0..<count {
                    if k > 0 { pieces.append(iovec(iov_base: scratch.baseAddress!, iov_len: 2)) }
                    let first = 5 * k, entered = entries[k].map { $0 <= day } ?? false
                    pieces.append(piece(first))
                    pieces.append(piece(entered ? first + 3 : first + 1))
                    var age = String(day.ordinal - starts[k].ordinal)
                    let length = age.withUTF8 { digits in
                        UnsafeMutableRawBufferPointer(rebasing: scratch[used...]).copyMemory(from: UnsafeRawBufferPointer(digits))
                        return digits.count
                    }
                    pieces.append(iovec(iov_base: scratch.baseAddress! + used, iov_len: length))
                    used += length
                    pieces.append(piece(entered ? first + 4 : first + 2))
                    if (k + 1) % batch == 0 {
                        try file.write(gathering: &pieces)
                        used = 2
                    }
                }
                try file.write(gathering: &pieces)
            }
            try file.write(GeoJSONWriter.footer(empty: count == 0))
        }

        /// An estimate that only says which events fed which tier, for laying out events.
        static func estimate(asOf: CalendarDay, controlled: [String], contested: [String]) -> ControlEstimate {
            ControlEstimate(asOf: asOf,
                            controlled: ControlArea(tier: .controlled, geometry: MultiPolygon(), areaSquareKilometers: 0, eventIDs: controlled),
                            contested: ControlArea(tier: .contested, geometry: MultiPolygon(), areaSquareKilometers: 0, eventIDs: contested),
                            projection: "", unmapped: [])
        }
    }
}
