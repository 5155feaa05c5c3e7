import SalientCore
import Testing

@Suite struct TemporalIntervalsTests {
    typealias Builder = TemporalIntervals<String, String>
    typealias Interval = Builder.Interval

    let start = CalendarDay("2024-08-06")!

    func day(_ offset: Int) -> CalendarDay { start.adding(days: offset) }

    /// Feeds `days` (tier a's and tier b's state on each day) from `first` on; returns the
    /// intervals closed, in order, and the builder.
    func feed(_ days: [(String, String)], from first: Int = 0) -> ([Interval], Builder) {
        var builder = Builder()
        var closed: [Interval] = []
        for (offset, states) in days.enumerated() {
            closed += builder.add(day(first + offset), states: [("a", states.0), ("b", states.1)])
        }
        return (closed, builder)
    }

    @Test func aChangedStateClosesItsInterval() {
        let (closed, builder) = feed([("x", "p"), ("x", "p"), ("y", "p")])
        #expect(closed == [Interval(tier: "a", state: "x", start: day(0), end: day(2))])
        #expect(
            builder.openIntervals == [
                Interval(tier: "a", state: "y", start: day(2), end: nil),
                Interval(tier: "b", state: "p", start: day(0), end: nil),
            ])
        #expect(builder.first.map(\.state) == ["x", "p"])
    }

    /// A state that comes back is a new interval, not the old one reopened.
    @Test func aStateThatReturnsIsANewInterval() {
        let (closed, builder) = feed([("x", "p"), ("y", "p"), ("x", "p"), ("x", "p")])
        #expect(
            closed == [
                Interval(tier: "a", state: "x", start: day(0), end: day(1)),
                Interval(tier: "a", state: "y", start: day(1), end: day(2)),
            ])
        #expect(builder.openIntervals.first == Interval(tier: "a", state: "x", start: day(2), end: nil))
    }

    /// Cut at every day, two builders stitched give what one builder over all days gives,
    /// including states that run across the cut and states that change on its first day.
    @Test func chunksStitchedEqualOneRun() {
        let days = [("x", "p"), ("x", "p"), ("y", "p"), ("y", "q"), ("x", "q"), ("x", "q"), ("x", "p"), ("z", "p")]
        let (serialClosed, serial) = feed(days)
        let expected = serialClosed + serial.openIntervals
        for cut in 1..<days.count {
            var stitch = Builder.Stitch()
            var stitched: [Interval] = []
            for (chunk, first) in [(Array(days[..<cut]), 0), (Array(days[cut...]), cut)] {
                let (closed, builder) = feed(chunk, from: first)
                stitched += stitch.begin(firstDay: builder.firstDay!, first: builder.first)
                stitched += closed.map { stitch.pass($0) }
                stitch.end(open: builder.openIntervals)
            }
            stitched += stitch.openIntervals
            #expect(stitched == expected, "cut before day \(cut)")
        }
    }
}
