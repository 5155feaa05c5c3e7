/// Decides a verdict from a claim's values and a measurement, and says why.
///
/// The measured range is widened by its tolerance first; then, in order:
/// 1. when the evidence sets bounds of its own (an area can be no larger than the land within the
///    claimed depth of the reported stretch of border; no smaller than the reported places
///    alone), a claim wholly beyond them is overstated or understated;
/// 2. a claim that overlaps the widened measured range is consistent;
/// 3. a claim wholly above it is overstated, and one wholly below it understated, unless the
///    measurement is only a bound on that side (an estimate drawn from the few places
///    reported is a lower bound of the ground held), in which case it is not measurable.
/// "Wholly above" is strict for "more than X" (a measurement reaching exactly X contradicts it)
/// and inclusive for "at least X" (it does not).
public enum ClaimJudge {
    public struct Judgement: Hashable, Sendable {
        public var verdict: Verdict
        public var reason: String
    }

    /// Where a claim lies relative to an interval of values.
    public enum Position: Hashable, Sendable {
        case below, overlapping, above
    }

    public static func position(of claimed: ClaimedInterval, relativeTo low: Double, _ high: Double) -> Position {
        if claimed.low > high || (claimed.excludesLow && claimed.low >= high) { return .above }
        if claimed.high < low { return .below }
        return .overlapping
    }

    public static func judge(
        _ claimed: ClaimedInterval, against measured: Measured, lower: EvidenceBound? = nil,
        upper: EvidenceBound? = nil, above: BeyondMeasured = .contradicts,
        below: BeyondMeasured = .contradicts
    ) -> Judgement {
        let unit = measured.unit
        let tolerance = measured.tolerance
        if let upper {
            let limit = upper.value + tolerance.allowance(for: upper.value)
            if position(of: claimed, relativeTo: 0, limit) == .above {
                return Judgement(
                    verdict: .overstated,
                    reason: "more than \(upper.text): \(QuantityFormat.measured(upper.value, unit)) "
                        + "(\(QuantityFormat.measured(limit, unit)) with the tolerance)")
            }
        }
        if let lower {
            let limit = max(0, lower.value - tolerance.allowance(for: lower.value))
            if position(of: claimed, relativeTo: limit, .infinity) == .below {
                return Judgement(
                    verdict: .understated,
                    reason: "less than \(lower.text): \(QuantityFormat.measured(lower.value, unit)) "
                        + "(\(QuantityFormat.measured(limit, unit)) with the tolerance)")
            }
        }
        let widened = QuantityFormat.measuredRange(measured.widenedLow, measured.widenedHigh, unit)
        switch position(of: claimed, relativeTo: measured.widenedLow, measured.widenedHigh) {
        case .overlapping:
            return Judgement(verdict: .consistent, reason: "within the measured \(widened) (with the tolerance)")
        case .below:
            switch below {
            case .contradicts:
                return Judgement(verdict: .understated, reason: "below the measured \(widened) (with the tolerance)")
            case .undecidable(let why):
                return Judgement(
                    verdict: .notMeasurable, reason: "below the measured \(widened) (with the tolerance), but \(why)")
            }
        case .above:
            switch above {
            case .contradicts:
                return Judgement(verdict: .overstated, reason: "above the measured \(widened) (with the tolerance)")
            case .undecidable(let why):
                return Judgement(
                    verdict: .notMeasurable, reason: "above the measured \(widened) (with the tolerance), but \(why)")
            }
        }
    }
}
