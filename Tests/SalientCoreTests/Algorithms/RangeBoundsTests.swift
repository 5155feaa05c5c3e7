import Foundation
import SalientTestSupport
import Testing

@testable import SalientCore

@Suite struct RangeBoundsTests {
    static let cases: [(JoinMethod, Bool)] = [JoinMethod.hull, .corridors, .concave, .cells].flatMap { join in
        [(join, false), (join, true)]
    }

    /// Over generated fronts, advancing and receding, with every join: a day that asks for some
    /// bounds (a seeded choice, often none, so that a bound is asked for again after days
    /// without it) carries exactly those, each the same to the bit as on a run that makes every
    /// bound every day, and the same tiers.
    @Test(arguments: cases)
    func aDayCarriesTheBoundsItAsksForAsARunOfEveryBoundMakesThem(join: JoinMethod, receding: Bool) throws {
        let geos = try GEOSContext()
        let geodesic = try Geodesic.wgs84()
        let choices: [RangeBounds] = [[], [], .lower, .reported, .upper, [.lower, .upper], [.reported, .upper], .all]
        var asked = 0
        for seed in UInt64(1)...12 {
            let front = GeneratedFront(
                sector: .midLatitude, seed: seed, join: join, geodesic: geodesic, receding: receding)
            let estimator = try front.estimator(geos: geos)
            var generator = SeededGenerator(seed: seed)
            let wanted = Dictionary(
                uniqueKeysWithValues: front.days.map { ($0, choices.randomElement(using: &generator)!) })
            let every = try estimator.estimates(for: front.days) { _ in .all }
            let some = try estimator.estimates(for: front.days) { wanted[$0]! }
            var before: RangeBounds = []
            for (full, part) in zip(every, some) {
                let label = "\(join), receding \(receding), seed \(seed), \(full.asOf)"
                let want = wanted[full.asOf]!
                #expect(part.tiers == full.tiers, "\(label)")
                #expect(part.lowerBound == (want.contains(.lower) ? full.lowerBound : nil), "\(label): lower")
                #expect(
                    part.reportedBound == (want.contains(.reported) ? full.reportedBound : nil), "\(label): reported")
                #expect(part.upperBound == (want.contains(.upper) ? full.upperBound : nil), "\(label): upper")
                #expect(full.carries(.all) && part.carries(want) && (want == .all || !part.carries(.all)), "\(label)")
                let again = want.subtracting(before)
                if again.contains(.lower) && full.lowerBound != .empty
                    || again.contains(.upper) && full.upperBound != .empty
                {
                    asked += 1
                }
                before = want
            }
        }
        #expect(asked >= 10, "too few days ask for a bound, not empty, that the day before did not: \(asked)")
    }
}
