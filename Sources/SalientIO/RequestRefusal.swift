import SalientCore

/// A run Salient refuses for what was asked of it rather than for what the files hold: a day
/// outside the timeline, a range the wrong way round, more output than the budget allows.
/// Bad input (exit 2). The reason is a value, so the command line words it with its own flags
/// while the library names none.
public struct RequestRefusal: Error, CustomStringConvertible, Equatable, Sendable {
    /// Which requested day a reason is about.
    public enum Day: String, Sendable {
        case first = "the first day"
        case last = "the last day"
        case asOf = "the day of the estimate"
    }

    public enum Reason: Equatable, Sendable {
        /// The timeline spans `start` to `end`.
        case outsideTimeline(Day, CalendarDay, start: CalendarDay, end: CalendarDay)
        case firstAfterLast(CalendarDay, CalendarDay)
        case tooManyDays(Int, limit: Int)
        /// Estimated bytes against the budget, both in bytes.
        case overBudget(estimate: Int, budget: Int)
    }

    public var reason: Reason
    /// The timeline, or the output folder for the budget.
    public var path: String

    public init(_ reason: Reason, path: String) {
        self.reason = reason
        self.path = path
    }

    /// Bytes in gigabytes (10⁹ bytes, as the budget is given) with one decimal, or in megabytes
    /// or kilobytes when that would print 0.0.
    public static func gigabytes(_ bytes: Int) -> String {
        let unit =
            bytes >= 1_000_000_000 ? (1_000_000_000, "GB") : bytes >= 1_000_000 ? (1_000_000, "MB") : (1_000, "kB")
        let tenths = (bytes + unit.0 / 20) / (unit.0 / 10)
        return "\(tenths / 10).\(tenths % 10) \(unit.1)"
    }

    public var description: String {
        switch reason {
        case .outsideTimeline(let which, let day, let start, let end):
            return "\(which.rawValue) \(day) is outside the timeline (\(path)) — "
                + "the timeline spans \(start) to \(end)"
        case .firstAfterLast(let first, let last):
            return
                "the first day \(first) is after the last day \(last) (\(path)) — "
                + "give a first day on or before the last"
        case .tooManyDays(let days, let limit):
            return "\(days) days is more than one run writes (\(limit)) (\(path)) — narrow the run"
        case .overBudget(let estimate, let budget):
            return
                "the snapshots would take at least \(Self.gigabytes(estimate)) of disk, more than the output budget of "
                + "\(Self.gigabytes(budget)) (\(path)) — narrow the run, or raise the budget"
        }
    }
}
