/// An area and a depth claimed for days near each other: covering A km² no deeper than D km
/// takes at least A/D km of front along the border, which the reported places must span.
struct AreaAndDepthPair {
    var claim: Claim
    var bound: DepthBound
    /// The least area claimed, km².
    var area: Double
    /// The front the pair needs, A/D, kilometres.
    var width: Double
    /// The border the reported places span, kilometres.
    var span: Double
    /// The span widened by its tolerance, kilometres.
    var widenedSpan: Double
    var ratio: Double?
    var judgement: ClaimJudge.Judgement
}

/// Two reports of one statement: claims that share the event, the quantity, the definition
/// and the day, from sources that do not overlap (one outlet printing two figures is two
/// statements). Judged as the first claim against the second, each read with its hedge. A
/// definition of `other` says only what is not counted, so two such figures (prisoners taken,
/// troops moved in) are never taken for one statement.
struct SameStatementPair {
    var first: Claim
    var second: Claim
    var ratio: Double?
    var judgement: ClaimJudge.Judgement
    /// When the two disagree but one's number read in the other's unit agrees: that one.
    var unitSlip: (reread: Claim, unit: ClaimUnit)?
}

enum CrossChecks {
    static func areaAndDepth(_ claims: [Claim], in context: CheckContext) throws
        -> (pairs: [AreaAndDepthPair], geometry: MeasuredGeometry)
    {
        var geometry = MeasuredGeometry()
        let pairs = try claims.filter {
            [.controlled, .controlledPlusContested, .advancedOver].contains($0.definition)
                && $0.unit.canonical == .squareKilometers
        }.compactMap { claim -> AreaAndDepthPair? in
            let area = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge).low
            guard area > 0, let bound = try DepthBound.nearest(for: claim, in: context) else { return nil }
            geometry.add(bound.geometry)
            let width = area / bound.kilometers
            let span = bound.stretch.lengthKilometers
            let measured = Measured(
                low: 0, high: span, reference: span, unit: .kilometers,
                tolerance: Tolerance(fraction: ClaimChecker.relativeTolerance, text: ""), text: "")
            let needed = ClaimedInterval(low: width, high: width, nominal: width)
            return AreaAndDepthPair(
                claim: claim, bound: bound, area: area, width: width, span: span,
                widenedSpan: measured.widenedHigh, ratio: claimRatio(width, span),
                judgement: ClaimJudge.judge(needed, against: measured))
        }
        return (pairs, geometry)
    }

    static func sameStatement(_ claims: [Claim]) -> [SameStatementPair] {
        var pairs: [SameStatementPair] = []
        for (i, a) in claims.enumerated() {
            for b in claims[(i + 1)...]
            where !a.eventID.isEmpty && a.eventID == b.eventID && a.quantity == b.quantity
                && a.definition != .other && a.definition == b.definition && a.asOf == b.asOf
                && a.unit.canonical == b.unit.canonical
                && Set(a.sourceIDs).isDisjoint(with: b.sourceIDs)
            {
                let (first, second) = a.id < b.id ? (a, b) : (b, a)
                let x = ClaimedInterval(value: first.value, unit: first.unit, hedge: first.hedge)
                let y = measured(second)
                let judgement = ClaimJudge.judge(x, against: y)
                pairs.append(
                    SameStatementPair(
                        first: first, second: second, ratio: claimRatio(x.nominal, y.reference), judgement: judgement,
                        unitSlip: judgement.verdict == .consistent ? nil : unitSlip(first, second)))
            }
        }
        return pairs
    }

    /// The other report as the measurement a claim is judged against: its values, hedged.
    private static func measured(_ claim: Claim) -> Measured {
        let other = ClaimedInterval(value: claim.value, unit: claim.unit, hedge: claim.hedge)
        return Measured(
            low: other.low, high: other.high, reference: other.nominal, unit: claim.unit.canonical,
            tolerance: Tolerance(fraction: ClaimChecker.relativeTolerance, text: ""), text: "")
    }

    /// "2 mi" against "1–2 km": the same number read in the other report's unit agrees. The
    /// report in a non-SI unit is re-read first: officials speak in kilometres, and it is the
    /// outlets converting for their readers that slip.
    private static func unitSlip(_ a: Claim, _ b: Claim) -> (reread: Claim, unit: ClaimUnit)? {
        guard a.unit != b.unit else { return nil }
        let orders = a.unit.toCanonical == 1 ? [(b, a), (a, b)] : [(a, b), (b, a)]
        for (x, y) in orders {
            let reread = ClaimedInterval(value: x.value, unit: y.unit, hedge: x.hedge)
            if ClaimJudge.judge(reread, against: measured(y)).verdict == .consistent { return (x, y.unit) }
        }
        return nil
    }
}
