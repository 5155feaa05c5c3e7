import SalientTestSupport
import Testing

@testable import SalientCore

/// The tally against what it replaces: sorting the distinct members of everything added and
/// not yet removed, after every day of a generated sequence of changes.
@Suite struct SortedTallyTests {
    @Test func settledListIsTheSortedDistinctMembers() {
        var tally = SortedTally()
        tally.add(contentsOf: ["b", "a", "b"])
        tally.settle()
        #expect(tally.sorted == ["a", "b"])
        tally.remove("b")
        tally.settle()
        #expect(tally.sorted == ["a", "b"])
        tally.remove("b")
        tally.add("c")
        tally.settle()
        #expect(tally.sorted == ["a", "c"])
    }

    @Test func memberRemovedAndAddedAgainOnOneDayStays() {
        var tally = SortedTally()
        tally.add("a")
        tally.settle()
        tally.remove("a")
        tally.add("a")
        tally.settle()
        #expect(tally.sorted == ["a"])
    }

    @Test func changesAreSeenOnlyWhenSettled() {
        var tally = SortedTally()
        tally.add("a")
        #expect(tally.sorted.isEmpty)
        tally.settle()
        #expect(tally.sorted == ["a"])
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func generatedDaysMatchSortingAgain(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        var tally = SortedTally()
        var held: [String] = []
        for _ in 0..<200 {
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                if !held.isEmpty, Bool.random(using: &random) {
                    let member = held.remove(at: Int.random(in: 0..<held.count, using: &random))
                    tally.remove(member)
                } else {
                    let member = "m\(Int.random(in: 0..<40, using: &random))"
                    held.append(member)
                    tally.add(member)
                }
            }
            tally.settle()
            #expect(tally.sorted == Set(held).sorted())
        }
    }
}
