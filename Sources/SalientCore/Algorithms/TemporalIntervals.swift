/// Turns a run of daily states into validity intervals, one day at a time: each tier's state
/// holds from the day it first appears (included) to the day a different state replaces it
/// (excluded). Nothing is kept but the state open for each tier, so memory stays flat however
/// many days are fed.
///
/// A run may be cut into chunks, each with its own builder; `Stitch` joins their intervals
/// into exactly what one builder over all the days gives.
public struct TemporalIntervals<Tier: Hashable & Sendable, State: Equatable & Sendable>: Sendable {
    public struct Interval: Sendable, Equatable {
        public var tier: Tier
        public var state: State
        public var start: CalendarDay
        /// The first day the state no longer holds; nil while it still holds on the last day fed.
        public var end: CalendarDay?

        public init(tier: Tier, state: State, start: CalendarDay, end: CalendarDay?) {
            self.tier = tier
            self.state = state
            self.start = start
            self.end = end
        }
    }

    /// The first day fed.
    public private(set) var firstDay: CalendarDay?
    /// Each tier's state on the first day it was fed, in the order the tiers came.
    public private(set) var first: [(tier: Tier, state: State)] = []
    private var tiers: [Tier] = []
    private var open: [Tier: (state: State, since: CalendarDay)] = [:]

    public init() {}

    /// Feeds one day's states (days in increasing order) and returns the intervals they close,
    /// in the order of `states`.
    public mutating func add(_ day: CalendarDay, states: [(Tier, State)]) -> [Interval] {
        if firstDay == nil { firstDay = day }
        var closed: [Interval] = []
        for (tier, state) in states {
            guard let current = open[tier] else {
                tiers.append(tier)
                first.append((tier, state))
                open[tier] = (state, day)
                continue
            }
            if current.state == state { continue }
            closed.append(Interval(tier: tier, state: current.state, start: current.since, end: day))
            open[tier] = (state, day)
        }
        return closed
    }

    /// The states still open after the last day fed, in the order the tiers came.
    public var openIntervals: [Interval] {
        tiers.map { Interval(tier: $0, state: open[$0]!.state, start: open[$0]!.since, end: nil) }
    }

    /// Joins the intervals of consecutive chunks. Only a chunk's first state of a tier may have
    /// begun in an earlier chunk; every other interval passes as it is.
    public struct Stitch: Sendable {
        private var tiers: [Tier] = []
        private var open: [Tier: Interval] = [:]
        private var chunkStart: CalendarDay?

        public init() {}

        /// Begins a chunk from its builder's first day and first states; returns the intervals
        /// of earlier chunks that end where this one begins.
        public mutating func begin(firstDay: CalendarDay, first: [(tier: Tier, state: State)]) -> [Interval] {
            chunkStart = firstDay
            var closed: [Interval] = []
            for (tier, state) in first {
                if let current = open[tier] {
                    if current.state == state { continue }
                    closed.append(Interval(tier: tier, state: current.state, start: current.start, end: firstDay))
                } else if !tiers.contains(tier) {
                    tiers.append(tier)
                }
                open[tier] = Interval(tier: tier, state: state, start: firstDay, end: nil)
            }
            return closed
        }

        /// A closed interval of the current chunk, with its start carried back when it is the
        /// chunk's first state and that began earlier.
        public mutating func pass(_ interval: Interval) -> Interval {
            guard interval.start == chunkStart, let current = open[interval.tier] else { return interval }
            open[interval.tier] = nil
            return Interval(tier: interval.tier, state: interval.state, start: current.start, end: interval.end)
        }

        /// Ends the current chunk with its builder's open intervals.
        public mutating func end(open intervals: [Interval]) {
            for interval in intervals where interval.start != chunkStart || open[interval.tier] == nil {
                open[interval.tier] = interval
            }
        }

        /// The intervals still open after the last chunk, in the order the tiers came.
        public var openIntervals: [Interval] { tiers.compactMap { open[$0] } }
    }
}
