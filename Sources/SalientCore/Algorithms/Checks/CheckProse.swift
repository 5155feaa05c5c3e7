/// A measurement put in words, ready for judging: the measured range with its tolerance, the
/// evidence's own bounds, and what a claim beyond either side of the range means.
struct ClaimOutcome {
    var measured: Measured
    var lower: EvidenceBound?
    var upper: EvidenceBound?
    var above: BeyondMeasured = .contradicts
    var below: BeyondMeasured = .contradicts
    var map: MapComparison?
    var laterMap: MapComparison?
}

/// Every English sentence of a claim check, made from the measures' values: what was measured,
/// the tolerances, the evidence's bounds, why something cannot be decided or measured, the
/// cross-checks, and the labels of the measured geometry. (The verdict's own reason is
/// `ClaimJudge`'s.) Numbers go through `QuantityFormat`, so the words never vary by locale.
enum CheckProse {
    enum Description {
        case measured(ClaimOutcome)
        case notMeasurable(String)
    }

    static func describe(_ value: ClaimMeasurement.Value) -> Description {
        switch value {
        case .area(let area): return .measured(outcome(area))
        case .depth(let depth): return .measured(outcome(depth))
        case .distance(let distance): return .measured(outcome(distance))
        case .distanceToFighting(let fighting): return .measured(outcome(fighting))
        case .settlements(let count): return .measured(outcome(count))
        case .notMeasurable(let reason): return .notMeasurable(text(reason))
        }
    }

    // MARK: - Measures

    static func outcome(_ area: AreaMeasurement) -> ClaimOutcome {
        let reported = area.heldOnly ? "the places reported held" : "the places reported held or fought over"
        let (certain, open) =
            area.join == .cells
            ? (
                "the cells of \(reported)",
                "held, contested and unknown cells no deeper than the deepest place reported"
            )
            : ("the discs of \(reported)", "controlled + contested")
        let measured = Measured(
            low: area.lower, high: area.upper, reference: area.reference, unit: .squareKilometers,
            tolerance: Tolerance(fraction: rel, text: "±\(percent(rel)) of each measured area"),
            text: "the estimate of \(area.day): \(km2(area.lower)) certain (\(certain)) to \(km2(area.upper)) not "
                + "contradicted (\(open)); controlled \(km2(area.controlled)), controlled + contested "
                + "\(km2(area.total))")
        var outcome = ClaimOutcome(measured: measured)
        var why = "\(text(area.evidence)), so more ground cannot be ruled out"
        if let bound = area.depthBound {
            outcome.upper = EvidenceBound(
                value: bound.land.areaSquareKilometers,
                text: "the land within \(QuantityFormat.trimmed(bound.kilometers)) km (\(bound.depthClaim.id), as of "
                    + "\(bound.depthClaim.asOf)) of the \(km(bound.stretch.lengthKilometers)) of border the reported "
                    + "places span")
            why += "; it is within the land the claimed depth allows"
        } else {
            why += "; no depth claim bounds it from above"
        }
        if !area.upperIsEvidence { outcome.above = .undecidable(why) }
        outcome.map = area.map.map(mapComparison)
        outcome.laterMap = area.laterMap.map(mapComparison)
        return outcome
    }

    static func outcome(_ depth: DepthMeasurement) -> ClaimOutcome {
        let border = depth.borderUncertaintyMeters / 1000
        let tolerance = Tolerance(
            fraction: rel, minimum: border,
            text: "±\(percent(rel)) or \(QuantityFormat.trimmed(border)) km "
                + "(the border line's uncertainty), whichever is larger")
        var outcome = ClaimOutcome(
            measured: Measured(
                low: depth.controlled, high: depth.total, reference: depth.total, unit: .kilometers,
                tolerance: tolerance,
                text: "the estimate of \(depth.day) reaches \(km(depth.controlled)) from the border (controlled) to "
                    + "\(km(depth.total)) (controlled + contested)"))
        if let farthest = depth.farthest {
            outcome.lower = EvidenceBound(
                value: farthest.reached,
                text: "the reported place farthest from the border, \(farthest.name) (\(km(farthest.kilometers)) "
                    + "less the \(QuantityFormat.trimmed(farthest.radiusKilometers)) km it stands for)")
        }
        outcome.above = .undecidable("\(text(depth.evidence)), so deeper ground cannot be ruled out")
        return outcome
    }

    static func outcome(_ distance: DistanceMeasurement) -> ClaimOutcome {
        let to = distance.definition == .distanceToBorder ? "the nearest point of \(distance.to)" : distance.to
        return ClaimOutcome(
            measured: Measured(
                low: distance.kilometers, high: distance.kilometers, reference: distance.kilometers, unit: .kilometers,
                tolerance: tolerance(distance.ends), text: "geodesic distance from \(distance.from) to \(to)"))
    }

    static func outcome(_ fighting: FightingDistanceMeasurement) -> ClaimOutcome {
        var parts: [String] = []
        if let edge = fighting.edge {
            parts.append(
                edge.inside
                    ? "\(fighting.place) lies inside the estimate of \(fighting.day)"
                    : "to the edge of the estimate of \(fighting.day): \(km(edge.kilometers))")
        }
        if let place = fighting.nearestPlace {
            parts.append(
                "to the nearest \(place.tier.rawValue) place, \(place.name) (\(place.kind.rawValue), "
                    + "\(place.day)): \(km(place.kilometers))")
        }
        var outcome = ClaimOutcome(
            measured: Measured(
                low: fighting.low, high: fighting.reference, reference: fighting.reference, unit: .kilometers,
                tolerance: tolerance(fighting.ends), text: parts.joined(separator: "; ")))
        outcome.below = .undecidable("\(text(fighting.evidence)), so fighting nearer than that cannot be ruled out")
        return outcome
    }

    static func outcome(_ count: SettlementCountMeasurement) -> ClaimOutcome {
        let inside = count.inside.count
        let names = count.insideNames.isEmpty ? "" : " (\(count.insideNames.joined(separator: ", ")))"
        var outcome = ClaimOutcome(
            measured: Measured(
                low: Double(count.held), high: Double(inside), reference: Double(inside), unit: .settlements,
                tolerance: Tolerance(
                    fraction: rel, minimum: 1,
                    text: "±\(percent(rel)) or 1 settlement, whichever is larger"),
                text:
                    "gazetteer settlements inside the estimate of \(count.day): \(count.held) controlled to \(inside) "
                    + "controlled + contested\(names)"))
        if count.reportedHeld > 0 {
            outcome.lower = EvidenceBound(
                value: Double(count.reportedHeld),
                text: "the settlements reported held (\(count.reportedHeldNames.joined(separator: ", ")))")
        }
        var known = "the gazetteer knows only \(inside) settlement\(inside == 1 ? "" : "s") inside the estimate"
        if let (within, bound) = count.withinDepth {
            known +=
                " and \(within) within \(QuantityFormat.trimmed(bound.kilometers)) km (\(bound.depthClaim.id)) "
                + "of the \(km(bound.stretch.lengthKilometers)) of border the reported places span"
        }
        outcome.above = .undecidable("\(known), so a larger count cannot be checked against it")
        return outcome
    }

    static func mapComparison(_ match: MapMatch) -> MapComparison {
        let map = match.map
        var notes: [String] = []
        let days = match.daysBefore
        if days != 0 {
            notes.append(
                "the map is of \(map.asOf), \(abs(days)) day\(abs(days) == 1 ? "" : "s") "
                    + (days > 0 ? "before" : "after") + " the claim's date")
        }
        let definitions = match.layers.map(\.definition.rawValue).joined(separator: " + ")
        let categories = match.layers.map(\.category).joined(separator: ", ")
        return MapComparison(
            mapID: map.id, mapAsOf: map.asOf, depicts: "\(definitions) (\(categories))",
            areaSquareKilometers: match.areaSquareKilometers, ratio: match.ratio,
            verdict: match.judgement.verdict,
            reason: ([match.judgement.reason] + notes).joined(separator: "; "))
    }

    // MARK: - Cross-checks

    static func crossCheck(_ pair: AreaAndDepthPair) -> CrossCheck {
        let depthClaim = pair.bound.depthClaim
        let implied =
            "\(QuantityFormat.trimmed(pair.area)) km² (\(pair.claim.id)) no deeper than "
            + "\(QuantityFormat.trimmed(pair.bound.kilometers)) km (\(depthClaim.id)) takes a front of at least "
            + km(pair.width)
        let verdict = pair.judgement.verdict
        let reason =
            verdict == .consistent
            ? "the reported places span enough border"
            : verdict == .overstated
                ? "the pair needs a wider front than the reported places span"
                : pair.judgement.reason
        return CrossCheck(
            kind: .areaAndDepth, claimIDs: [pair.claim.id, depthClaim.id], asOf: pair.claim.asOf,
            implied: implied,
            measured: "\(km(pair.span)) of border spanned by the places reported by \(pair.claim.asOf)",
            ratio: pair.ratio, verdict: verdict,
            reason: "\(reason) (\(km(pair.width)) against \(km(pair.widenedSpan)) with the tolerance)",
            tolerance: "±\(percent(rel)) of the span")
    }

    static func crossCheck(_ pair: SameStatementPair) -> CrossCheck {
        let (first, second) = (pair.first, pair.second)
        let verdict = pair.judgement.verdict
        var reason =
            verdict == .consistent
            ? "the two reports agree"
            : "\(first.id) is \(verdict == .overstated ? "above" : "below") \(second.id)"
        if let (x, unit) = pair.unitSlip {
            reason += "; \(x.id)'s \(x.value) read in \(unit.rawValue) would agree: a unit slip is likely"
        }
        return CrossCheck(
            kind: .sameStatement, claimIDs: [first.id, second.id], asOf: first.asOf,
            implied: "\(first.id): \(QuantityFormat.conversion(of: first))",
            measured: "\(second.id): \(QuantityFormat.conversion(of: second))",
            ratio: pair.ratio, verdict: verdict, reason: reason,
            tolerance: "±\(percent(rel)) of the other report")
    }

    // MARK: - Reasons

    static func text(_ reason: NotMeasurable) -> String {
        switch reason {
        case .unitMismatch(let given, let definition, let expected):
            return "a figure in \(given.symbol) does not measure \(definition.rawValue), which is in \(expected.symbol)"
        case .people:
            return "no geometry measures people"
        case .advancePerDay:
            return "a day's advance needs the front line on two days; the timeline locates places, not the front"
        case .otherDefinition:
            return "the definition 'other' names nothing the checker can measure"
        case .noPlace:
            return "the claim names no place to measure from"
        case .notAPoint(let place):
            let drawn = place.point == nil ? "an area or a line" : "a point"
            return "\(place.name) is a \(place.kind.rawValue) drawn as \(drawn); distances run between points"
        case .nothingOnTheGround(let day):
            return "nothing is reported on the ground by \(day)"
        }
    }

    /// What the estimate of a day rests on, e.g. "the estimate of 2024-08-14 rests on 2 places
    /// located precisely (Russkoye Porechnoye, Sudzha) and 1 report located only to a district".
    static func text(_ evidence: EvidenceBase) -> String {
        let precise = evidence.precisePlaces
        let coarse = evidence.coarseReports
        var parts: [String] = []
        parts.append(
            precise.isEmpty
                ? "no place located precisely"
                : "\(precise.count) place\(precise.count == 1 ? "" : "s") located precisely "
                    + "(\(precise.joined(separator: ", ")))")
        if coarse > 0 { parts.append("\(coarse) report\(coarse == 1 ? "" : "s") located only to a district") }
        return "the estimate of \(evidence.day) rests on \(parts.joined(separator: " and "))"
    }

    /// ±10 %, or the positional uncertainties of the ends plus a place's extent at each end
    /// that is a place (not the border), whichever is larger.
    static func tolerance(_ ends: [DistanceEnd]) -> Tolerance {
        let (minimum, extent) = DistanceEnd.minimumKilometers(ends)
        let perPlace = "\(QuantityFormat.trimmed(ClaimChecker.placeExtentKilometers)) km per place for its extent"
        let listed =
            ends.map { "\($0.name) ±\(QuantityFormat.trimmed($0.uncertaintyMeters / 1000)) km" }
            + (extent > 0 ? [perPlace] : [])
        return Tolerance(
            fraction: rel, minimum: minimum,
            text: "±\(percent(rel)) or \(QuantityFormat.trimmed(minimum)) km "
                + "(\(listed.joined(separator: ", "))), whichever is larger")
    }

    // MARK: - Labels of the measured geometry

    static func estimateLabel(_ tier: ControlTier) -> String { "estimate, \(tier.rawValue)" }
    static let borderStretchLabel = "border the reported places span"
    static let borderEndName = "the border"

    static func depthSectorLabel(kilometers: Double, depthClaim: Claim) -> String {
        "land within \(QuantityFormat.trimmed(kilometers)) km (\(depthClaim.id)) of the reported stretch of border"
    }

    static func boundLabel(_ role: String, heldOnly: Bool) -> String {
        guard role == "estimate_lower_bound" else {
            return "estimate, upper bound (ground the reports do not contradict)"
        }
        return heldOnly
            ? "estimate, lower bound (ground the reports make certain is held)"
            : "estimate, lower bound (ground the reports make certain is held or fought over)"
    }

    static func deepestPointLabel(_ tier: ControlTier) -> String {
        "deepest point of the estimate (\(tier.rawValue)) to the border"
    }

    static func toTheBorderLabel(_ name: String) -> String { "\(name) to the border" }
    static func toTheEdgeLabel(_ name: String) -> String { "\(name) to the edge of the estimate" }
    static func betweenLabel(_ from: String, _ to: String) -> String { "\(from) to \(to)" }
    static func shapeDifferenceLabel(_ map: ReferenceMap, _ definition: ClaimDefinition, role: String) -> String {
        let what = role == "estimate_outside_map" ? "the estimate outside the map" : "the map outside the estimate"
        return "\(map.id): \(definition.rawValue), \(what)"
    }

    static func mapLabel(_ map: ReferenceMap, _ layer: MapLayer) -> String {
        "\(map.id): \(layer.category) (\(layer.definition.rawValue))"
    }

    // MARK: - Numbers

    private static let rel = ClaimChecker.relativeTolerance
    private static func percent(_ fraction: Double) -> String { "\(QuantityFormat.trimmed(fraction * 100)) %" }
    private static func km(_ value: Double) -> String { QuantityFormat.measured(value, .kilometers) }
    private static func km2(_ value: Double) -> String { QuantityFormat.measured(value, .squareKilometers) }
}
