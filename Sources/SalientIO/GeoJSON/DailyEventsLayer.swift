import Foundation
import SalientCore

/// The daily events layers (`daily/YYYY-MM-DD.events.geojson`): the events of one day (those
/// whose date interval includes it) or, cumulatively, every event begun by then, laid out as
/// `ExportLayers.events` lays them out, each with its age in days after the fields every
/// events layer has.
///
/// From day to day a feature changes only in its age and in the tier the day's estimate draws
/// it in (and the radius with it); so each feature is laid out once, in pieces, when it first
/// shows in a worker's files, and a day's file is these pieces put together, byte for byte
/// what laying the day out afresh would give. The pieces are let go when the event no longer
/// shows (`Pieces`), so memory follows the events on show, not all of them.
public final class DailyEventsLayer: Sendable {
    /// The fields this layer adds after the estimate's, last in every feature.
    static func tail(_ event: Event, on day: CalendarDay) -> [(String, JSONValue)] {
        [(ageKey, .integer(day.ordinal - event.date.start.ordinal))]
    }

    private static let ageKey = "age_days"
    private typealias Layout = FeatureLayout

    /// Event indexes in layer order (start day, then id), and their first and last days.
    public let order: [Int]
    public let starts: [CalendarDay]
    public let ends: [CalendarDay]
    /// Each event's fewest bytes, in the tier that lays it out shortest, age included as one digit.
    private let sizes: [Int]
    private let loaded: LoadedTimeline
    private let sources: SourceIndex
    /// Every event's pieces back to back, laid out once for `sizes`, and where each piece ends
    /// (five per event): kept when they take at most `keptLimit` bytes, so that the workers'
    /// files are made from them and no event is laid out again in each worker.
    private let kept: (arena: [UInt8], cuts: [Int])?

    /// The most bytes of pieces kept for the whole run: a timeline of 10,000 events takes
    /// about 15 MB; beyond this each worker lays out the events it shows, as they show.
    public static let keptLimit = 64 << 20

    public var count: Int { order.count }
    /// Whether the workers' files are made from pieces laid out once for all (for tests).
    var keepsEveryEvent: Bool { kept != nil }

    /// - Parameters:
    ///   - last: the run's last day; events begun after it never show.
    ///   - keptLimit: the most bytes of laid-out events kept for the whole run.
    public init(
        _ loaded: LoadedTimeline, sources: SourceIndex, through last: CalendarDay, keptLimit: Int = keptLimit
    ) {
        let timeline = loaded.timeline
        let events = timeline.events
        let parameters = timeline.estimate
        let all = events.indices.sorted {
            (events[$0].date.start, events[$0].id) < (events[$1].date.start, events[$1].id)
        }
        order = Array(all.prefix { events[$0].date.start <= last })
        starts = order.map { events[$0].date.start }
        ends = order.map { events[$0].date.end }
        self.loaded = loaded
        self.sources = sources
        var (arena, cuts, keeping) = ([UInt8](), [Int](), keptLimit > 0)
        var scratch: [UInt8] = []
        sizes = order.map { index in
            let start = keeping ? arena.count : 0
            let eventCuts: [Int]
            if keeping {
                eventCuts = Self.layOut(events[index], loaded: loaded, sources: sources, into: &arena)
                cuts += eventCuts
                if arena.count > keptLimit { (arena, cuts, keeping) = ([], [], false) }
            } else {
                scratch.removeAll(keepingCapacity: true)
                eventCuts = Self.layOut(events[index], loaded: loaded, sources: sources, into: &scratch)
            }
            let piece = zip([start] + eventCuts, eventCuts).map { $1 - $0 }
            // An event outside every tier is laid out as "none"; one that may enter one, in any tier.
            let shortest = GroundEvent(events[index], parameters: parameters) == nil ? piece[1] : piece[1...3].min()!
            return piece[0] + shortest + piece[4] + 1
        }
        kept = keeping ? (arena, cuts) : nil
    }

    /// A worker's pieces of the events on show, back to back in one buffer: per event the
    /// head, the line from the head's end up to the age in each tier (none, controlled,
    /// contested), and the line after the age. Bytes, not strings: a long run writes them
    /// millions of times, straight from here.
    public final class Pieces {
        fileprivate var arena: [UInt8] = []
        /// Where each laid-out event's pieces start and end, by layer position.
        fileprivate var spans: [Int: (start: Int, cuts: [Int])] = [:]
        private var released = 0

        public init() {}

        /// The events laid out and not let go, and the bytes the buffer holds (for tests).
        var liveEvents: Int { spans.count }
        var bufferBytes: Int { arena.count }

        /// Lays out event `k` at the arena's end.
        fileprivate func add(_ layer: DailyEventsLayer, _ k: Int) {
            let start = arena.count
            let event = layer.loaded.timeline.events[layer.order[k]]
            spans[k] = (
                start, DailyEventsLayer.layOut(event, loaded: layer.loaded, sources: layer.sources, into: &arena)
            )
        }

        /// Lets event `k`'s pieces go: it shows on no later day of this worker's.
        public func release(_ k: Int) {
            guard let span = spans.removeValue(forKey: k) else { return }
            released += span.cuts[4] - span.start
        }

        /// Moves the live pieces together once more than half the arena is let go.
        fileprivate func compact() {
            guard released > 0, released * 2 >= arena.count else { return }
            var packed: [UInt8] = []
            packed.reserveCapacity(arena.count - released)
            for k in spans.keys.sorted() {
                let span = spans[k]!
                let shift = packed.count - span.start
                packed.append(contentsOf: arena[span.start..<span.cuts[4]])
                spans[k] = (span.start + shift, span.cuts.map { $0 + shift })
            }
            arena = packed
            released = 0
        }
    }

    /// The tiers an event's pieces are laid out in, in the order `Pieces` keeps them.
    private static let tiers: [ControlTier?] = [nil, .controlled, .contested]

    /// Appends an event's five pieces (see `Pieces`) to `out`; returns where each ends.
    private static func layOut(_ event: Event, loaded: LoadedTimeline, sources: SourceIndex, into out: inout [UInt8])
        -> [Int]
    {
        let parameters = loaded.timeline.estimate
        let head = ExportLayers.eventHead(event, gazetteer: loaded.gazetteer, sources: sources)
        var cuts: [Int] = []
        cuts.reserveCapacity(5)
        out.append(contentsOf: #"{"type": "Feature", "properties": {"#.utf8)
        JSONValue.writeMembers(head, to: &out)
        cuts.append(out.count)
        for tier in tiers {
            if !head.isEmpty { out.append(contentsOf: ", ".utf8) }
            JSONValue.writeMembers(ExportLayers.eventEstimate(event, tier: tier, parameters: parameters), to: &out)
            out.append(contentsOf: ", ".utf8)
            out.append(contentsOf: ageMember)
            cuts.append(out.count)
        }
        out.append(contentsOf: #"}, "geometry": "#.utf8)
        GeoJSONWriter.point(event.position).write(to: &out)
        out.append(UInt8(ascii: "}"))
        cuts.append(out.count)
        return cuts
    }

    /// The age's key, up to its value.
    private static let ageMember = Array(Layout.member(ageKey, text: "").utf8)

    /// At least the bytes the daily events files of `days` take: each day's file holds the
    /// events of that day, or with `cumulative` every event begun by then, so this grows with
    /// the events on show summed over the days (the control files, whose size the estimate
    /// cannot know yet, come on top).
    public func estimatedBytes(days: [CalendarDay], cumulative: Bool) -> Int {
        guard let first = days.first, let last = days.last else { return 0 }
        // Per day, the events on show and their bytes, as differences from the day before.
        var shown = Array(repeating: 0, count: days.count + 1)
        var bytes = Array(repeating: 0, count: days.count + 1)
        for k in 0..<count {
            let from = max(starts[k], first)
            let through = cumulative ? last : min(ends[k], last)
            guard from <= through else { continue }
            // The event's shortest version, its separator and an age of at least one digit.
            let size = sizes[k] + 2
            let (start, end) = (from.ordinal - first.ordinal, through.ordinal - first.ordinal + 1)
            shown[start] += 1
            shown[end] -= 1
            bytes[start] += size
            bytes[end] -= size
        }
        let header =
            GeoJSONWriter.header(name: "events 2024-01-01").utf8.count
            + min(GeoJSONWriter.footer(empty: false).utf8.count, GeoJSONWriter.footer(empty: true).utf8.count)
        var total = 0
        var (onShow, dayBytes) = (0, 0)
        for index in days.indices {
            onShow += shown[index]
            dayBytes += bytes[index]
            // The first event has no separator.
            total += header + dayBytes - (onShow > 0 ? 2 : 0)
        }
        return total
    }

    /// Writes the daily events file of `day` showing `shown`, positions in layer order (not
    /// event indexes), ascending, each in the tier `estimate` (the day's) draws it in, as the
    /// events layer does: the stored pieces go to the file as they are, with each event's age
    /// between. Events not yet in `pieces` are laid out there first, unless every event's
    /// pieces are kept already.
    public func write(
        name: String, shown: some Collection<Int>, on day: CalendarDay, estimate: ControlEstimate,
        pieces laid: Pieces, to file: StreamingTextFile
    ) throws {
        try file.write(GeoJSONWriter.header(name: name))
        if let kept {
            try kept.arena.withUnsafeBytes { arena in
                try write(shown, on: day, estimate: estimate, from: arena, to: file) { Self.cut(in: kept.cuts, $0, $1) }
            }
        } else {
            laid.compact()
            for k in shown where laid.spans[k] == nil { laid.add(self, k) }
            try laid.arena.withUnsafeBytes { arena in
                try write(shown, on: day, estimate: estimate, from: arena, to: file) { k, piece in
                    let span = laid.spans[k]!
                    return piece < 0 ? span.start : span.cuts[piece]
                }
            }
        }
        try file.write(GeoJSONWriter.footer(empty: shown.isEmpty))
    }

    /// Writes the events layer as `estimate` draws it, every event and no age, the bytes
    /// `ExportLayers.forEachEvent` gives, from the kept pieces. Returns false, writing nothing,
    /// when they are not kept or an event begins after the run's last day (it has no pieces).
    public func writeEventsLayer(name: String, estimate: ControlEstimate, to file: StreamingTextFile) throws -> Bool {
        guard let kept, count == loaded.timeline.events.count else { return false }
        try file.write(GeoJSONWriter.header(name: name))
        try kept.arena.withUnsafeBytes { arena in
            try write(0..<count, on: nil, estimate: estimate, from: arena, to: file) { Self.cut(in: kept.cuts, $0, $1) }
        }
        try file.write(GeoJSONWriter.footer(empty: count == 0))
        return true
    }

    /// The features of `write`, from pieces in `arena`: `cut(k, i)` is where event `k`'s piece
    /// `i` ends, and `cut(k, -1)` where its first piece starts. With no day, without the age.
    private func write(
        _ shown: some Collection<Int>, on day: CalendarDay?, estimate: ControlEstimate,
        from arena: UnsafeRawBufferPointer,
        to file: StreamingTextFile, cut: (Int, Int) -> Int
    ) throws {
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
        func piece(_ from: Int, _ to: Int) -> iovec {
            iovec(iov_base: UnsafeMutableRawPointer(mutating: arena.baseAddress! + from), iov_len: to - from)
        }
        var used = 2
        let tiers = estimate.tiers
        for (n, k) in shown.enumerated() {
            if n > 0 { pieces.append(iovec(iov_base: scratch.baseAddress!, iov_len: 2)) }
            let id = loaded.timeline.events[order[k]].id
            // The first tier listing the event, as `ExportLayers.events` reads the estimate.
            let tier = tiers.first { Self.lists($0.eventIDs, id) }?.tier
            let variant = Self.tiers.firstIndex(of: tier)!
            pieces.append(piece(cut(k, -1), cut(k, 0)))
            guard let day else {
                // The line up to the age, without the separator and key before the age.
                pieces.append(piece(cut(k, variant), cut(k, variant + 1) - 2 - Self.ageMember.count))
                pieces.append(piece(cut(k, 3), cut(k, 4)))
                if (n + 1) % batch == 0 { try file.write(gathering: &pieces) }
                continue
            }
            pieces.append(piece(cut(k, variant), cut(k, variant + 1)))
            var age = String(day.ordinal - starts[k].ordinal)
            let length = age.withUTF8 { digits in
                UnsafeMutableRawBufferPointer(rebasing: scratch[used...]).copyMemory(
                    from: UnsafeRawBufferPointer(digits))
                return digits.count
            }
            pieces.append(iovec(iov_base: scratch.baseAddress! + used, iov_len: length))
            used += length
            pieces.append(piece(cut(k, 3), cut(k, 4)))
            if (n + 1) % batch == 0 {
                try file.write(gathering: &pieces)
                used = 2
            }
        }
        try file.write(gathering: &pieces)
    }

    /// Where event `k`'s piece `piece` ends in the kept pieces (five ends per event, back to
    /// back), or with `piece` -1 where its first piece starts.
    private static func cut(in cuts: [Int], _ k: Int, _ piece: Int) -> Int {
        piece < 0 ? (k == 0 ? 0 : cuts[5 * k - 1]) : cuts[5 * k + piece]
    }

    /// Whether the sorted `ids` hold `id`.
    private static func lists(_ ids: [String], _ id: String) -> Bool {
        var (low, high) = (0, ids.count)
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }
}
