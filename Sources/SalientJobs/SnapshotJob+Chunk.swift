import Foundation
import SalientCore
import SalientIO

/// One worker of a snapshots run: its chunk of days estimated in order, each day's files
/// written, and the chunk's temporal states and series rows staged in part files.
extension SnapshotJob {
    typealias StateText = TemporalLayers.StateText
    typealias Intervals = TemporalIntervals<ControlTier, StateText>

    /// What one worker hands back for its chunk of days. Its control states travel through a
    /// part file, not memory, so that memory stays flat however many days a run has: the part
    /// holds the finished features of the chunk's inner states in order, and a marker where the
    /// chunk's first state of a tier ends (that state may have begun in an earlier chunk, so
    /// only the stitching knows its start_date). The first chunk's states cannot have begun
    /// earlier: it writes them straight into `control-timeline.geojson` (ControlTimelineFile).
    struct ChunkOutput: Sendable {
        /// The chunk's temporal-layer builder after its last day: its first states and open ones.
        var intervals: Intervals
        /// The day the first state of a tier gives way, when that happens inside the chunk.
        var firstEnds: [ControlTier: CalendarDay]
        var part: ChunkParts
        /// Whether the chunk wrote its states into the control timeline itself, with no part file.
        var wroteControlTimeline: Bool
        var last: ControlEstimate
        /// The digest of each daily file the chunk wrote, by its path in the output folder.
        var digests: [String: ContentDigest]
    }

    /// A chunk's staged part files: its control-timeline features and its series rows, one a line.
    struct ChunkParts: Sendable {
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

    static func writeChunk(
        _ days: [CalendarDay], loaded: LoadedTimeline, geodesic: Geodesic,
        daily: String, eventLines: DailyEventsLayer, options: Options,
        sources sourceIndex: SourceIndex,
        parts: ChunkParts, controlTimeline direct: ControlTimelineFile?, dayDone: () -> Void
    ) throws -> ChunkOutput {
        let timeline = loaded.timeline
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: loaded.gazetteer, geodesic: geodesic, bounds: options.bounds)
        var state = ControlAreaEstimator.State()
        let partFile = direct == nil ? try StreamingTextFile(path: parts.controlTimeline) : nil
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
        let pieces = DailyEventsLayer.Pieces()
        let controlMembers = ControlMembers(timeline, sources: sourceIndex)
        var sources: Set<String> = []
        var digests: [String: ContentDigest] = [:]
        for day in days {
            let estimate = try estimator.advance(&state, to: day)
            let control = controlMembers.members(of: estimate)
            let prefix = (daily as NSString).appendingPathComponent(day.description)
            var onDay = 0
            while begun < eventLines.count, eventLines.starts[begun] <= day {
                let event = timeline.events[eventLines.order[begun]]
                if event.date.start == day { onDay += 1 }
                sources.formUnion(event.sourceIDs)
                shown.append(begun)
                begun += 1
            }
            if !options.cumulativeEvents {
                shown.removeAll { k in
                    guard eventLines.ends[k] < day else { return false }
                    pieces.release(k)
                    return true
                }
            }
            var lines: [String] = []
            var states: [(ControlTier, StateText)] = []
            for (area, members) in zip(estimate.tiers, control) {
                // A tier's polygon is laid out only on the days it changes.
                if shapes[area.tier]?.shape != area.geometry {
                    shapes[area.tier] = (area.geometry, ExportLayers.controlGeometryText(area))
                }
                let geometry = shapes[area.tier]!.text
                lines.append(FeatureLayout.feature(members: members.map(\.text), geometry: geometry))
                let kept = members.filter { TemporalLayers.stateKeys.contains($0.key) }.map(\.text)
                states.append((area.tier, StateText(members: kept, geometry: geometry, isEmpty: area.geometry.isEmpty)))
            }
            // The events file can hold every event to date, so it is streamed, not held whole;
            // like every file here it is flushed to disk, with the whole set, before it moves into place.
            let eventsFile = try StreamingTextFile(path: prefix + ".events.geojson")
            try eventLines.write(
                name: "events \(day)", shown: shown, on: day, estimate: estimate, pieces: pieces, to: eventsFile)
            try eventsFile.close()
            digests["daily/\(day).events.geojson"] = eventsFile.digest
            digests["daily/\(day).control.geojson"] = try StreamingTextFile.write(
                GeoJSONWriter.featureCollection(name: "control \(day)", lines: lines), to: prefix + ".control.geojson")
            for interval in intervals.add(day, states: states) {
                if interval.start == days[0] { firstEnds[interval.tier] = day }
                if let partFile, interval.start == days[0] {
                    try partFile.write("\(marker)\(interval.tier.rawValue)\n")
                } else if !interval.state.isEmpty {
                    let line = TemporalLayers.controlTimelineLine(
                        interval.state, start: interval.start, end: interval.end)
                    if let direct { try direct.append(line) } else { try partFile?.write(line + "\n") }
                }
            }
            let row = TemporalLayers.SeriesRow(
                day: day, controlledKm2: estimate.controlled.areaSquareKilometers,
                contestedKm2: estimate.contested.areaSquareKilometers,
                settlementsControlled: estimate.controlled.settlementIDs.count,
                settlementsContested: estimate.contested.settlementIDs.count,
                depthKm: estimate.depthKilometers,
                eventsOnDay: onDay, eventsToDate: begun, sourcesToDate: sources.count,
                range: TemporalLayers.SeriesRange(estimate))
            try csvPart.write(row.csv + "\n")
            try jsonPart.write(row.json + "\n")
            last = estimate
            dayDone()
        }
        for file in [partFile, csvPart, jsonPart] { try file?.close() }
        return ChunkOutput(
            intervals: intervals, firstEnds: firstEnds, part: parts, wroteControlTimeline: direct != nil, last: last!,
            digests: digests)
    }

    /// Marks, in a part file, where the chunk's first state of a tier ends; feature lines
    /// start with "{", so they never begin with it.
    static let marker = "#first-state-ends:"
    static let markerBytes = Array(marker.utf8)
}
