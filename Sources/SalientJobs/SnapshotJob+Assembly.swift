import Foundation
import SalientCore
import SalientIO

/// The workers of a snapshots run, run in parallel, and their parts put together in day
/// order into the files a serial run would write.
extension SnapshotJob {
    /// Per-chunk results, filled by concurrent workers. Each index is written by exactly one
    /// worker and read only after all have finished, under the lock, so the unchecked
    /// Sendable conformance is sound.
    final class ChunkResults: @unchecked Sendable {
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

    /// `control-timeline.geojson` as it is written: begun by the first chunk's worker, which
    /// appends its features, and finished by the stitching once every worker is done. Only
    /// that worker touches it until the workers are joined, and only the stitching after,
    /// which is what makes the unchecked Sendable conformance sound.
    final class ControlTimelineFile: @unchecked Sendable {
        private let file: StreamingTextFile
        private var features = 0

        init(path: String) throws {
            file = try StreamingTextFile(path: path)
            try file.write(GeoJSONWriter.header(name: "control-timeline"))
        }

        func append(_ feature: String) throws {
            try file.write((features == 0 ? "" : ",\n") + feature)
            features += 1
        }

        /// A feature already laid out in a part file, copied without being made a string.
        func append(bytes feature: UnsafeRawBufferPointer) throws {
            if features > 0 { try file.write(",\n") }
            try file.write(bytes: feature)
            features += 1
        }

        /// Closes the collection; returns its number of features and the file's digest.
        func finish() throws -> (Int, ContentDigest) {
            try file.write(GeoJSONWriter.footer(empty: features == 0))
            try file.close()
            return (features, file.digest)
        }
    }

    static func write(
        _ loaded: LoadedTimeline, days: [CalendarDay], eventLines: DailyEventsLayer, options: Options,
        sources sourceIndex: SourceIndex, into staging: String, progress: (@Sendable (Int, Int) -> Void)?
    )
        throws -> (features: Int, last: ControlEstimate, digests: [String: ContentDigest])
    {
        let daily = (staging as NSString).appendingPathComponent("daily")
        try FileManager.default.createDirectory(atPath: daily, withIntermediateDirectories: true)
        let chunks = SnapshotPlan(days: days, jobs: options.jobs).chunks
        let results = ChunkResults(count: chunks.count)
        let geodesic = try Geodesic.wgs84()
        let controlTimeline = try ControlTimelineFile(
            path: (staging as NSString).appendingPathComponent("control-timeline.geojson"))
        DispatchQueue.concurrentPerform(iterations: chunks.count) { index in
            do {
                let output = try writeChunk(
                    chunks[index], loaded: loaded, geodesic: geodesic, daily: daily,
                    eventLines: eventLines, options: options, sources: sourceIndex,
                    parts: ChunkParts(staging: staging, chunk: index),
                    controlTimeline: index == 0 ? controlTimeline : nil
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
        let (features, timelineDigest) = try stitchControlTimeline(outputs, into: controlTimeline)
        digests["control-timeline.geojson"] = timelineDigest
        let csv = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.csv"))
        let json = try StreamingTextFile(path: (staging as NSString).appendingPathComponent("series.json"))
        try csv.write(TemporalLayers.SeriesRow.columns(bounds: options.bounds).joined(separator: ",") + "\n")
        var header = "{\"timeline\": "
        JSONValue.quote(timeline.id, into: &header)
        try json.write(
            header + ", \"method\": " + JSONValue.string(timeline.estimate.summary).serialized + ", \"days\": [\n")
        var rows = 0
        for output in outputs {
            try forEachLine(of: output.part.csv) { row in
                try csv.write(bytes: row)
                try csv.write("\n")
            }
            try forEachLine(of: output.part.json) { row in
                if rows > 0 { try json.write(",\n") }
                try json.write(bytes: row)
                rows += 1
            }
        }
        try json.write("\n]}\n")
        try csv.close()
        try json.close()
        digests["series.csv"] = csv.digest
        digests["series.json"] = json.digest
        let last = outputs[outputs.count - 1].last
        let eventsFile = try StreamingTextFile(
            path: (staging as NSString).appendingPathComponent("events-timeline.geojson"))
        if try !eventLines.writeEventsLayer(name: "events-timeline", estimate: last, to: eventsFile) {
            try GeoJSONWriter.writeFeatureCollection(name: "events-timeline", to: eventsFile) { body in
                try ExportLayers.forEachEvent(
                    loaded.timeline, gazetteer: loaded.gazetteer, estimate: last, sources: sourceIndex, body)
            }
        }
        try eventsFile.close()
        digests["events-timeline.geojson"] = eventsFile.digest
        return (features, last, digests)
    }

    /// Writes `control-timeline.geojson` from the chunks' part files, in day order: a state
    /// that runs across a chunk boundary becomes one feature, exactly as a serial run makes it.
    /// Returns the number of features and the file's digest.
    static func stitchControlTimeline(_ outputs: [ChunkOutput], into file: ControlTimelineFile)
        throws -> (Int, ContentDigest)
    {
        func emit(_ interval: Intervals.Interval) throws {
            if !interval.state.isEmpty {
                try file.append(
                    TemporalLayers.controlTimelineLine(interval.state, start: interval.start, end: interval.end))
            }
        }
        var stitch = Intervals.Stitch()
        for output in outputs {
            let chunk = output.intervals
            guard let firstDay = chunk.firstDay else { continue }
            try stitch.begin(firstDay: firstDay, first: chunk.first).forEach(emit)
            let first = Dictionary(chunk.first, uniquingKeysWith: { earlier, _ in earlier })
            func firstState(_ tier: ControlTier) -> Intervals.Interval? {
                guard let state = first[tier], let end = output.firstEnds[tier] else { return nil }
                return Intervals.Interval(tier: tier, state: state, start: firstDay, end: end)
            }
            if output.wroteControlTimeline {
                // Its features are in the file already, its first states with them: nothing
                // earlier was open, so the stitch only closes them.
                for tier in output.firstEnds.keys { _ = firstState(tier).map { stitch.pass($0) } }
            } else {
                try forEachLine(of: output.part.controlTimeline) { line in
                    if line.starts(with: markerBytes),
                        let tier = ControlTier(
                            rawValue: String(decoding: line.dropFirst(markerBytes.count), as: UTF8.self)),
                        let interval = firstState(tier)
                    {
                        try emit(stitch.pass(interval))
                    } else {
                        try file.append(bytes: line)
                    }
                }
            }
            stitch.end(open: chunk.openIntervals)
        }
        try stitch.openIntervals.forEach(emit)
        return try file.finish()
    }

    /// Reads a staged part file line by line (without the newlines; the bytes are valid only
    /// inside `body`), then removes it: parts can be larger than memory should hold. Read in
    /// calls of `readBytes`: stdio's 4 KB reads made a 120 MB part 30,000 calls.
    static func forEachLine(of path: String, _ body: (UnsafeRawBufferPointer) throws -> Void) throws {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw WriteFailure.writing(path, "cannot read a staged file", errno: errno) }
        defer {
            close(descriptor)
            unlink(path)
        }
        var buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: readBytes, alignment: 1)
        defer { buffer.deallocate() }
        // The bytes read are buffer[..<filled]; the line being read starts at `start`, and
        // buffer[start..<scanned] holds no newline.
        var (start, scanned, filled) = (0, 0, 0)
        while true {
            if filled == buffer.count {
                if start > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: filled - start)
                    (scanned, filled, start) = (scanned - start, filled - start, 0)
                } else {
                    let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count * 2, alignment: 1)
                    larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: filled)
                    buffer.deallocate()
                    buffer = larger
                }
            }
            let count = read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            if count < 0 {
                if errno == EINTR { continue }
                throw WriteFailure.writing(path, "cannot read a staged file", errno: errno)
            }
            if count == 0 { break }
            filled += count
            let base = buffer.baseAddress!
            while let newline = memchr(base + scanned, 0x0A, filled - scanned) {
                let end = base.distance(to: newline)
                try body(UnsafeRawBufferPointer(start: base + start, count: end - start))
                (start, scanned) = (end + 1, end + 1)
            }
            scanned = filled
        }
        if start < filled {
            try body(UnsafeRawBufferPointer(start: buffer.baseAddress! + start, count: filled - start))
        }
    }

    static let readBytes = 1 << 20
}
