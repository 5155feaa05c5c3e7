import Foundation
import SalientCore

/// The daily events layers (`daily/YYYY-MM-DD.events.geojson`): the events of one day (those
/// whose date interval includes it) or, cumulatively, every event begun by then, laid out as
/// `ExportLayers.events` lays them out, each with its age in days after the fields every
/// events layer has.
///
/// From day to day a feature changes only in its age and, from the day its event enters the
/// estimate, in its tier and radius; so each feature is laid out once, in pieces, and a day's
/// file is these pieces put together, byte for byte what laying the day out afresh would give.
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
    /// Each event's line in five pieces, back to back in one buffer: the head, then from the
    /// end of the head up to the age and after the age, before the event's entry into the
    /// estimate, then the same two from its entry on. `offsets[5k...5k+5]` bound event k's.
    /// Bytes, not strings: a long run writes them millions of times, straight from here.
    private let store: [UInt8]
    private let offsets: [Int]
    private let entries: [CalendarDay?]

    public var count: Int { order.count }

    /// - Parameter last: the run's last day; events begun after it never show.
    public init(_ loaded: LoadedTimeline, sources: SourceIndex, through last: CalendarDay) {
        let timeline = loaded.timeline
        let events = timeline.events
        let parameters = timeline.estimate
        let all = events.indices.sorted {
            (events[$0].date.start, events[$0].id) < (events[$1].date.start, events[$1].id)
        }
        order = Array(all.prefix { events[$0].date.start <= last })
        starts = order.map { events[$0].date.start }
        ends = order.map { events[$0].date.end }
        var store: [UInt8] = []
        var offsets: [Int] = [0]
        var entries: [CalendarDay?] = []
        let ageMember = Layout.member(Self.ageKey, text: "")
        for index in order {
            let event = events[index]
            // An event that enters only after the last day never shows entered.
            let entry = GroundEvent(event, parameters: parameters)?.entry
                .flatMap { $0.from <= last ? $0 : nil }
            entries.append(entry?.from)
            let head = ExportLayers.eventHead(event, gazetteer: loaded.gazetteer, sources: sources)
                .map { Layout.member($0) }
            let tail = "}, " + Layout.member("geometry", text: GeoJSONWriter.point(event.position).serialized) + "}"
            let opening =
                "{" + Layout.member("type", text: "\"Feature\"") + ", "
                + Layout.member("properties", text: "{")
            func upToAge(_ tier: ControlTier?) -> String {
                let estimate = ExportLayers.eventEstimate(event, tier: tier, parameters: parameters)
                    .map { Layout.member($0) }
                return (head.isEmpty ? "" : ", ") + estimate.joined(separator: ", ") + ", " + ageMember
            }
            for piece in [opening + head.joined(separator: ", "), upToAge(nil), tail, upToAge(entry?.tier), tail] {
                store.append(contentsOf: piece.utf8)
                offsets.append(store.count)
            }
        }
        self.store = store
        self.offsets = offsets
        self.entries = entries
    }

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
            // The shorter of the event's two versions (before and after its entry into the
            // estimate), its separator and an age of at least one digit.
            let pending = offsets[5 * k + 3] - offsets[5 * k]
            let entered = offsets[5 * k + 1] - offsets[5 * k] + offsets[5 * k + 5] - offsets[5 * k + 3]
            let size = min(pending, entered) + 3
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
    /// event indexes), ascending: the stored pieces go to the file as they are, with each
    /// event's age between.
    public func write(
        name: String, shown: some Collection<Int>, on day: CalendarDay, to file: StreamingTextFile
    ) throws {
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
                iovec(
                    iov_base: UnsafeMutableRawPointer(mutating: store.baseAddress! + offsets[index]),
                    iov_len: offsets[index + 1] - offsets[index])
            }
            var used = 2
            for (n, k) in shown.enumerated() {
                if n > 0 { pieces.append(iovec(iov_base: scratch.baseAddress!, iov_len: 2)) }
                let first = 5 * k
                let entered = entries[k].map { $0 <= day } ?? false
                pieces.append(piece(first))
                pieces.append(piece(entered ? first + 3 : first + 1))
                var age = String(day.ordinal - starts[k].ordinal)
                let length = age.withUTF8 { digits in
                    UnsafeMutableRawBufferPointer(rebasing: scratch[used...]).copyMemory(
                        from: UnsafeRawBufferPointer(digits))
                    return digits.count
                }
                pieces.append(iovec(iov_base: scratch.baseAddress! + used, iov_len: length))
                used += length
                pieces.append(piece(entered ? first + 4 : first + 2))
                if (n + 1) % batch == 0 {
                    try file.write(gathering: &pieces)
                    used = 2
                }
            }
            try file.write(gathering: &pieces)
        }
        try file.write(GeoJSONWriter.footer(empty: shown.isEmpty))
    }
}
