import Testing

@testable import SalientCore

/// Each verdict at its boundary: a measurement of 100 km with ±10 % (widened to 90–110)
/// against claims just inside and just outside, for each hedge.
@Suite struct ClaimJudgeTests {
    static let tolerance = Tolerance(fraction: 0.10, text: "±10 %")
    static let measured = Measured(
        low: 100, high: 100, reference: 100, unit: .kilometers, tolerance: tolerance, text: "")
    static let high = measured.widenedHigh  // 110, to the bit the judge uses
    static let low = measured.widenedLow  // 90

    static func verdict(
        _ value: ClaimValue, _ hedge: Hedge, against m: Measured = measured,
        above: BeyondMeasured = .contradicts, below: BeyondMeasured = .contradicts
    ) -> Verdict {
        ClaimJudge.judge(
            ClaimedInterval(value: value, unit: .kilometers, hedge: hedge), against: m, above: above, below: below
        ).verdict
    }

    @Test func hedgesBecomeIntervals() {
        #expect(
            ClaimedInterval(value: .single(800), unit: .squareKilometers, hedge: .exact)
                == ClaimedInterval(low: 800, high: 800, nominal: 800))
        let about = ClaimedInterval(value: .single(100), unit: .kilometers, hedge: .about)
        #expect(about.low == 100 * 0.9 && about.high == 100 * 1.1 && about.nominal == 100)
        #expect(
            ClaimedInterval(value: .single(800), unit: .squareKilometers, hedge: .atLeast)
                == ClaimedInterval(low: 800, high: .infinity, nominal: 800))
        #expect(
            ClaimedInterval(value: .single(100), unit: .people, hedge: .moreThan)
                == ClaimedInterval(low: 100, high: .infinity, excludesLow: true, nominal: 100))
        #expect(
            ClaimedInterval(value: .single(30), unit: .kilometers, hedge: .upTo)
                == ClaimedInterval(low: 0, high: 30, nominal: 30))
        #expect(
            ClaimedInterval(value: .range(low: 1, high: 2), unit: .kilometers, hedge: .range)
                == ClaimedInterval(low: 1, high: 2, nominal: 1.5))
    }

    @Test func exactClaimsAtTheToleranceEdges() {
        #expect(Self.verdict(.single(Self.high), .exact) == .consistent)
        #expect(Self.verdict(.single(Self.high.nextUp), .exact) == .overstated)
        #expect(Self.verdict(.single(Self.low), .exact) == .consistent)
        #expect(Self.verdict(.single(Self.low.nextDown), .exact) == .understated)
    }

    /// "about X" allows X ± 10 % on top of the measurement's own tolerance.
    @Test func aboutWidensTheClaim() {
        let edge = Self.high / 0.9
        #expect(Self.verdict(.single(edge.nextDown), .about) == .consistent)
        #expect(Self.verdict(.single(edge.nextUp.nextUp), .about) == .overstated)
        #expect(Self.verdict(.single(Self.low / 1.1), .about) == .consistent)
        #expect(Self.verdict(.single((Self.low / 1.1).nextDown.nextDown), .about) == .understated)
    }

    /// "at least 800" is not overstated by a larger measurement, and not contradicted by one
    /// that reaches exactly 800; "more than 800" is.
    @Test func atLeastAndMoreThanDifferOnlyAtTheEdge() {
        #expect(Self.verdict(.single(20), .atLeast) == .consistent)
        #expect(Self.verdict(.single(Self.high), .atLeast) == .consistent)
        #expect(Self.verdict(.single(Self.high), .moreThan) == .overstated)
        #expect(Self.verdict(.single(Self.high.nextDown), .moreThan) == .consistent)
        #expect(Self.verdict(.single(Self.high.nextUp), .atLeast) == .overstated)
    }

    /// "up to 30" claims a maximum: contradicted only by a measurement beyond it.
    @Test func upToIsAMaximum() {
        #expect(Self.verdict(.single(1000), .upTo) == .consistent)
        #expect(Self.verdict(.single(Self.low), .upTo) == .consistent)
        #expect(Self.verdict(.single(Self.low.nextDown), .upTo) == .understated)
    }

    @Test func rangesOverlapOrNot() {
        #expect(Self.verdict(.range(low: 50, high: Self.low), .range) == .consistent)
        #expect(Self.verdict(.range(low: 50, high: Self.low.nextDown), .range) == .understated)
        #expect(Self.verdict(.range(low: Self.high, high: 200), .range) == .consistent)
        #expect(Self.verdict(.range(low: Self.high.nextUp, high: 200), .range) == .overstated)
    }

    /// The tolerance is the larger of the fraction and the absolute allowance.
    @Test func absoluteAllowanceWinsForShortDistances() {
        let tolerance = Tolerance(fraction: 0.10, minimum: 4.5, text: "")
        let near = Measured(low: 9, high: 9, reference: 9, unit: .kilometers, tolerance: tolerance, text: "")
        #expect(near.widenedHigh == 13.5)
        #expect(near.widenedLow == 4.5)
        #expect(Self.verdict(.single(13.5), .exact, against: near) == .consistent)
        #expect(Self.verdict(.single(13.6), .exact, against: near) == .overstated)
        let far = Measured(low: 100, high: 100, reference: 100, unit: .kilometers, tolerance: tolerance, text: "")
        #expect(far.widenedHigh == Self.high)
    }

    /// Where the measurement is only a lower bound, a claim above it is not measurable, and
    /// below it still understated; a bound on the other side works the other way round.
    @Test func undecidableSides() {
        let lowerBound = BeyondMeasured.undecidable("the estimate draws few places")
        #expect(Self.verdict(.single(Self.high.nextUp), .exact, above: lowerBound) == .notMeasurable)
        #expect(Self.verdict(.single(Self.low.nextDown), .exact, above: lowerBound) == .understated)
        #expect(Self.verdict(.single(Self.low.nextDown), .exact, below: lowerBound) == .notMeasurable)
        let judgement = ClaimJudge.judge(
            ClaimedInterval(low: 500, high: 500, nominal: 500), against: Self.measured, above: lowerBound)
        #expect(
            judgement.reason
                == "above the measured 90.0–110.0 km (with the tolerance), but the estimate draws few places")
    }

    /// The evidence's own bounds come first: more than the land a claimed depth allows is
    /// overstated even where the estimate could not decide, and less than the reported places
    /// alone cover is understated even inside the estimate's range.
    @Test func evidenceBoundsDecideFirst() {
        let estimate = Measured(
            low: 0, high: 100, reference: 100, unit: .squareKilometers, tolerance: Self.tolerance, text: "")
        let upper = EvidenceBound(value: 200, text: "the land within 30 km")
        let lower = EvidenceBound(value: 40, text: "the reported places alone")
        func judge(_ claim: Double) -> ClaimJudge.Judgement {
            ClaimJudge.judge(
                ClaimedInterval(low: claim, high: claim, nominal: claim), against: estimate,
                lower: lower, upper: upper, above: .undecidable("few places"))
        }
        let ceiling = 200 + Self.tolerance.allowance(for: 200)
        #expect(judge(ceiling).verdict == .notMeasurable)
        #expect(judge(ceiling.nextUp).verdict == .overstated)
        #expect(
            judge(ceiling.nextUp).reason == "more than the land within 30 km: 200.0 km² (220.0 km² with the tolerance)")
        let floor = 40 - Self.tolerance.allowance(for: 40)
        #expect(judge(floor).verdict == .consistent)
        #expect(judge(floor.nextDown).verdict == .understated)
        #expect(
            judge(floor.nextDown).reason
                == "less than the reported places alone: 40.0 km² (36.0 km² with the tolerance)")
    }
}
