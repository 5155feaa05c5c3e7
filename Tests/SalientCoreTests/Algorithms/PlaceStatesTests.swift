import Foundation
import Testing

@testable import SalientCore

/// The per-place state machine on the synthetic world's parameters (actor "A"): reports at one
/// place, or at two, fed in order and settled day by day.
@Suite struct PlaceStatesTests {
    let world: SyntheticWorld
    let here: LonLat
    let there: LonLat

    init() throws {
        world = try SyntheticWorld()
        here = world.north(ofBorderAt: 36, kilometers: 10)
        there = world.north(ofBorderAt: 36.3, kilometers: 10)
    }

    struct Report {
        var id: String
        var kind: EventKind
        var on: String
        var actor = "A"
        var change = ControlChange.taken
        var atThere = false
    }

    func report(
        _ id: String, _ kind: EventKind, on date: String, actor: String = "A", change: ControlChange = .taken,
        there atThere: Bool = false
    ) -> Report {
        Report(id: id, kind: kind, on: date, actor: actor, change: change, atThere: atThere)
    }

    /// The reports as ground events, in the order they enter the estimate (by day, then as listed).
    func grounds(_ reports: [Report]) -> [GroundEvent] {
        reports.enumerated().map { index, r in
            var event = world.event(r.id, r.kind, at: r.atThere ? there : here, on: .day(day(r.on)), actor: r.actor)
            event.change = r.change
            return (index, GroundEvent(event, parameters: world.parameters())!)
        }.sorted { ($0.1.from, $0.0) < ($1.1.from, $1.0) }.map(\.1)
    }

    /// Each report's tier (ids of the drawn reports by tier) on every day from the first report's
    /// day to `through`, fed day by day.
    func run(
        _ reports: [Report], through last: String, stale: Int? = nil, held: Int? = nil
    ) -> [String: [String: ControlTier]] {
        let grounds = grounds(reports)
        var states = PlaceStates(actor: "A", staleAfterDays: stale, heldExpiresDays: held)
        var drawn: [String: ControlTier] = [:]
        var byDay: [String: [String: ControlTier]] = [:]
        var next = 0
        for today in CalendarDay.range(grounds[0].from, through: day(last)) {
            while next < grounds.count, grounds[next].from <= today {
                states.apply(grounds[next], index: next)
                next += 1
            }
            for change in states.settle(on: today) {
                let id = grounds[change.report].event.id
                #expect(drawn[id] == change.from, "\(id) on \(today)")
                drawn[id] = change.to
            }
            byDay[today.description] = drawn
        }
        return byDay
    }

    @Test func theLatestReportForAPlaceWins() {
        let days = run(
            [report("held", .control, on: "2024-08-01"), report("fought", .contested, on: "2024-08-03")],
            through: "2024-08-04")
        #expect(days["2024-08-02"] == ["held": .controlled])
        #expect(days["2024-08-03"] == ["fought": .contested])
    }

    /// Reports of the same state add up; another state replaces them all.
    @Test func aPlaceIsDrawnWithTheReportsSinceItsStateLastChanged() {
        let days = run(
            [
                report("a", .advance, on: "2024-08-01"), report("b", .repelled, on: "2024-08-02", actor: "B"),
                report("c", .control, on: "2024-08-03"), report("d", .control, on: "2024-08-04"),
            ], through: "2024-08-04")
        #expect(days["2024-08-02"] == ["a": .contested, "b": .contested])
        #expect(days["2024-08-03"] == ["c": .controlled])
        #expect(days["2024-08-04"] == ["c": .controlled, "d": .controlled])
    }

    /// Another actor's control at ground the actor held loses it (drawn in neither tier); at
    /// ground the actor never held, it is grey zone, as it always was.
    @Test func anotherActorsControlOfHeldGroundLosesIt() throws {
        let days = run(
            [
                report("ours", .control, on: "2024-08-01"), report("theirs", .control, on: "2024-08-02", actor: "B"),
                report("also-theirs", .control, on: "2024-08-02", actor: "B", there: true),
                report("again", .control, on: "2024-08-03", actor: "B"),
            ], through: "2024-08-03")
        #expect(days["2024-08-01"] == ["ours": .controlled])
        #expect(days["2024-08-02"] == ["also-theirs": .contested])
        #expect(days["2024-08-03"] == ["also-theirs": .contested])
        var states = PlaceStates(actor: "A")
        for (index, ground) in grounds([report("ours", .control, on: "2024-08-01")]).enumerated() {
            states.apply(ground, index: index)
        }
        let theirs = grounds([report("theirs", .control, on: "2024-08-02", actor: "B")])[0]
        states.apply(theirs, index: 1)
        #expect(states.state(of: PlaceStates.placeKey(of: theirs.event), on: day("2024-08-02")) == .lost(to: "B"))
    }

    /// A retake by another actor says the actor lost the place, even where its holding was never
    /// reported; a withdrawal or a loss by the actor loses it; by another actor, leaves it contested.
    @Test func retakesWithdrawalsAndLossesSayItExplicitly() {
        let days = run(
            [
                report("fought", .contested, on: "2024-08-01"),
                report("retaken", .control, on: "2024-08-02", actor: "B", change: .retaken),
                report("back", .control, on: "2024-08-03", change: .retaken),
                report("left", .control, on: "2024-08-04", change: .withdrew),
                report("mine", .control, on: "2024-08-01", there: true),
                report("they-left", .control, on: "2024-08-02", actor: "B", change: .withdrew, there: true),
                report("lost-it", .control, on: "2024-08-03", change: .lost, there: true),
            ], through: "2024-08-04")
        #expect(days["2024-08-01"] == ["fought": .contested, "mine": .controlled])
        #expect(days["2024-08-02"] == ["they-left": .contested])
        #expect(days["2024-08-03"] == ["back": .controlled])
        #expect(days["2024-08-04"] == [:])
    }

    /// A retake by the actor that holds the place is a conflict the reader refuses; the machine
    /// reads it as a reconfirmation. After the holding has expired it is a retake like any other.
    @Test func aRetakeByTheHolderIsAConflict() {
        let reports = grounds([
            report("held", .control, on: "2024-08-01"),
            report("again", .control, on: "2024-08-05", change: .retaken),
        ])
        var states = PlaceStates(actor: "A")
        #expect(states.apply(reports[0], index: 0) == nil)
        #expect(
            states.apply(reports[1], index: 1)
                == PlaceStateConflict(eventID: "again", actor: "A", heldByEventID: "held", heldOn: day("2024-08-01")))
        var expiring = PlaceStates(actor: "A", heldExpiresDays: 3)
        #expect(expiring.apply(reports[0], index: 0) == nil)
        #expect(expiring.apply(reports[1], index: 1) == nil)
    }

    /// held_expires_days: a held place falls back to contested that many days after its latest
    /// report, unless reconfirmed; stale_after_days: a contested place leaves the estimate that
    /// many days after its latest report.
    @Test func statesAgeFromTheirLatestReport() {
        let reports = [
            report("held", .control, on: "2024-08-01"), report("reheld", .control, on: "2024-08-03"),
            report("fought", .contested, on: "2024-08-01", there: true),
        ]
        let days = run(reports, through: "2024-08-12", stale: 6, held: 4)
        #expect(days["2024-08-06"] == ["held": .controlled, "reheld": .controlled, "fought": .contested])
        #expect(days["2024-08-07"] == ["held": .contested, "reheld": .contested])
        #expect(days["2024-08-08"] == ["held": .contested, "reheld": .contested])
        #expect(days["2024-08-09"] == [:])
        let off = run(reports, through: "2024-08-12")
        #expect(off["2024-08-12"] == ["held": .controlled, "reheld": .controlled, "fought": .contested])
        // A report after the place went stale starts afresh: the old reports stay out.
        let fresh = run(
            [report("fought", .contested, on: "2024-08-01"), report("again", .contested, on: "2024-08-05")],
            through: "2024-08-05", stale: 2)
        #expect(fresh["2024-08-03"] == [:])
        #expect(fresh["2024-08-05"] == ["again": .contested])
    }

    /// Folding every report in at once and settling on a day draws what settling every day does.
    @Test func aDayFromScratchEqualsADayReachedDayByDay() {
        let reports = [
            report("a", .control, on: "2024-08-01"), report("b", .control, on: "2024-08-02", actor: "B"),
            report("c", .advance, on: "2024-08-03", there: true), report("d", .control, on: "2024-08-05"),
            report("e", .contested, on: "2024-08-06", there: true),
        ]
        let byDay = run(reports, through: "2024-08-12", stale: 3, held: 2)
        let grounds = grounds(reports)
        for today in CalendarDay.range(day("2024-08-01"), through: day("2024-08-12")) {
            var states = PlaceStates(actor: "A", staleAfterDays: 3, heldExpiresDays: 2)
            for (index, ground) in grounds.enumerated() where ground.from <= today {
                states.apply(ground, index: index)
            }
            let drawn = Dictionary(
                uniqueKeysWithValues: states.settle(on: today).compactMap { change in
                    change.to.map { (grounds[change.report].event.id, $0) }
                })
            #expect(drawn == byDay[today.description], "\(today)")
        }
    }
}
