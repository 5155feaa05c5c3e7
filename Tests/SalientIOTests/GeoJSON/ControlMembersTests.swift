import Foundation
import SalientCore
import Testing

@testable import SalientIO

@Suite struct ControlMembersTests {
    /// The members kept from day to day are, on every day of the Kursk timeline (tiers that
    /// grow, a contested tier that shrinks on 29 August, days with no change), the control
    /// properties laid out afresh; and a day met again after others gives the same members.
    @Test func everyDayMatchesThePropertiesLaidOutAfresh() throws {
        let kursk = try KurskDays()
        let (timeline, sources, estimator) = (kursk.timeline, kursk.sources, kursk.estimator)
        let memo = ControlMembers(timeline, sources: sources)
        var days = Array(CalendarDay.range(kursk.start, through: kursk.end))
        days.append(kursk.start)
        var listsChanged = 0
        var previous: [[String]]?
        for day in days {
            let estimate = try estimator.estimate(asOf: day)
            let expected = ExportLayers.controlProperties(timeline, estimate: estimate, sources: sources).map {
                $0.map { (key: $0.0, text: FeatureLayout.member($0)) }
            }
            let members = memo.members(of: estimate)
            #expect(members.map { $0.map(\.key) } == expected.map { $0.map(\.key) }, "\(day)")
            #expect(members.map { $0.map(\.text) } == expected.map { $0.map(\.text) }, "\(day)")
            let lists = members.map { $0.filter { ["events", "settlements"].contains($0.key) }.map(\.text) }
            if let previous, previous != lists { listsChanged += 1 }
            previous = lists
        }
        #expect(listsChanged >= 3, "the lists changed on several days")
    }
}
