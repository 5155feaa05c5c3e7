import Foundation
import Testing

@testable import SalientCore

@Suite struct CrossChecksTests {
    let w: CheckWorld

    init() throws { w = try CheckWorld() }

    /// 100 km² no deeper than 12 km needs 8.3 km of front; the village spans 4 km of border.
    @Test func anAreaAndADepthImplyAFrontWidth() throws {
        let claims = [
            w.claim("narrow", .controlledPlusContested, .single(40), .squareKilometers, quantity: .area),
            w.claim("wide", .controlledPlusContested, .single(100), .squareKilometers, quantity: .area),
            w.claim("deep", .depth, .single(12), .kilometers, .upTo, quantity: .depth),
        ]
        let (pairs, geometry) = try CrossChecks.areaAndDepth(claims, in: try w.context(claims: claims))
        #expect(pairs.map(\.claim.id) == ["narrow", "wide"])
        let wide = pairs[1]
        #expect(wide.bound.depthClaim.id == "deep" && wide.area == 100 && wide.width == 100.0 / 12)
        #expect(abs(wide.span - 4) < 0.01 && wide.widenedSpan == wide.span + wide.span * 0.1)
        #expect(wide.ratio == wide.width / wide.span)
        #expect(wide.judgement.verdict == .overstated)
        #expect(pairs[0].judgement.verdict == .consistent)
        #expect(geometry.areas.filter { $0.role == "depth_sector" }.map(\.claimIDs) == [["narrow"], ["wide"]])
    }

    /// "Two miles" and "one to two kilometres" for one statement: 3.219 km is above 1–2 km,
    /// and 2 read as km would agree. One outlet printing two figures is two statements.
    @Test func twoReportsOfOneStatementAreJudgedAgainstEachOther() throws {
        let pairs = CrossChecks.sameStatement([
            w.claim("miles", .advancePerDay, .single(2), .miles, quantity: .advance, event: "held", sources: ["s"]),
            w.claim(
                "kilometres", .advancePerDay, .range(low: 1, high: 2), .kilometers, .range, quantity: .advance,
                event: "held", sources: ["t"]),
            w.claim(
                "same-outlet", .advancePerDay, .single(5), .kilometers, quantity: .advance, event: "held",
                sources: ["s"]),
            w.claim("no-event", .advancePerDay, .single(2), .kilometers, quantity: .advance, sources: ["u"]),
        ])
        #expect(
            pairs.map { [$0.first.id, $0.second.id] } == [["kilometres", "miles"], ["kilometres", "same-outlet"]])
        let pair = pairs[0]
        #expect(pair.judgement.verdict == .understated)
        #expect(pair.unitSlip?.reread.id == "miles" && pair.unitSlip?.unit == .kilometers)
        #expect(abs(try #require(pair.ratio) - 1.5 / (2 * 1.609344)) < 1e-12)
        // 1.5 km against 5 km in the same unit: no slip to suspect.
        #expect(pairs[1].unitSlip == nil)
    }

    /// Prisoners taken and troops moved in, one claimant on one day: both `other`, so not one
    /// statement, and 30,000 is not judged against 594.
    @Test func twoFiguresOfOtherDefinitionAreNotOneStatement() throws {
        let pairs = CrossChecks.sameStatement([
            w.claim(
                "prisoners", .other, .single(594), .people, .exact, quantity: .people, event: "held", sources: ["s"]),
            w.claim(
                "troops", .other, .single(30000), .people, .about, quantity: .people, event: "held", sources: ["t"]),
            w.claim(
                "evacuated", .evacuated, .single(121000), .people, .about, quantity: .people, event: "held",
                sources: ["s"]),
            w.claim(
                "evacuated-again", .evacuated, .single(120000), .people, .about, quantity: .people, event: "held",
                sources: ["t"]),
        ])
        #expect(pairs.map { [$0.first.id, $0.second.id] } == [["evacuated", "evacuated-again"]])
        #expect(pairs[0].judgement.verdict == .consistent)
    }
}
