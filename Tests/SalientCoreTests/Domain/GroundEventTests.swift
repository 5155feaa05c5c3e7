import Foundation
import Testing

@testable import SalientCore

/// The ground-event rule on the synthetic world's parameters: actor "A", a village 2 km, a town
/// 3 km, exact ×1 and near ×2, no factor for district.
@Suite struct GroundEventTests {
    let world: SyntheticWorld
    let place: LonLat

    init() throws {
        world = try SyntheticWorld()
        place = world.north(ofBorderAt: 36, kilometers: 10)
    }

    func ground(
        _ kind: EventKind, actor: String = "A", precision: LocationPrecision = .exact,
        on date: EventDate = .day(day("2024-08-10"))
    ) -> GroundEvent? {
        GroundEvent(
            world.event("e", kind, at: place, on: date, actor: actor, precision: precision),
            parameters: world.parameters())
    }

    @Test func theActorsControlIsHeldAndEveryOtherGroundKindIsContested() {
        #expect(ground(.control)?.tier == .controlled)
        #expect(ground(.control, actor: "B")?.tier == .contested)
        for kind in [EventKind.advance, .contested, .repelled] {
            #expect(ground(kind)?.tier == .contested)
            #expect(ground(kind, actor: "B")?.tier == .contested)
        }
        for kind in [EventKind.strike, .evacuation, .emergency, .statement] {
            #expect(ground(kind) == nil)
            let event = world.event("e", kind, at: place, on: .day(day("2024-08-10")))
            #expect(GroundEvent.tier(of: event, actor: "A") == nil)
        }
    }

    /// An interval counts from its last day: the estimate never shows more than the sources support.
    @Test func anEventCountsFromTheLastDayItMayHaveHappened() throws {
        let event = try #require(ground(.control, on: .interval(start: day("2024-08-06"), end: day("2024-08-09"))))
        #expect(event.from == day("2024-08-09"))
        #expect(event.entry?.from == day("2024-08-09"))
        #expect(event.entry?.tier == .controlled)
    }

    @Test func theRadiusIsTheKindsTimesThePrecisionsFactor() throws {
        #expect(ground(.control)?.radiusMeters == 2000)
        #expect(ground(.control, precision: .near)?.radiusMeters == 4000)
        // District precision has no factor in these parameters, and a region is never mapped.
        let district = try #require(ground(.advance, precision: .district))
        #expect(district.radiusMeters == nil && !district.isMapped && district.entry == nil)
        let region = try #require(ground(.advance, precision: .region))
        #expect(region.radiusMeters == nil && region.entry == nil)
    }

    @Test func onlyExactAndNearEventsAreLocatedToAPlace() throws {
        #expect(try #require(ground(.control)).isLocatedToPlace)
        #expect(try #require(ground(.control, precision: .near)).isLocatedToPlace)
        #expect(try !#require(ground(.control, precision: .district)).isLocatedToPlace)
        #expect(try !#require(ground(.control, precision: .region)).isLocatedToPlace)
    }

    /// By first day, then id; strikes and statements are left out.
    @Test func aTimelinesGroundEventsComeInTheOrderTheyEnterTheEstimate() {
        let timeline = world.timeline([
            world.event("b", .control, at: place, on: .day(day("2024-08-08"))),
            world.event("strike", .strike, at: place, on: .day(day("2024-08-07"))),
            world.event("a", .advance, at: place, on: .day(day("2024-08-08"))),
            world.event(
                "late-start", .contested, at: place,
                on: .interval(start: day("2024-08-01"), end: day("2024-08-09"))),
            world.event("first", .repelled, at: place, on: .day(day("2024-08-07"))),
        ])
        #expect(GroundEvent.all(in: timeline).map(\.event.id) == ["first", "a", "b", "late-start"])
    }

    /// The estimator draws exactly the events the rule maps, in the tiers it names.
    @Test func theEstimatorDrawsWhatTheRuleMaps() throws {
        let timeline = world.timeline([
            world.event("held", .control, at: place, on: .day(day("2024-08-08"))),
            world.event(
                "theirs", .control, at: world.north(ofBorderAt: 36.2, kilometers: 5),
                on: .day(day("2024-08-08")), actor: "B"),
            world.event(
                "coarse", .advance, at: world.north(ofBorderAt: 35.8, kilometers: 5),
                on: .day(day("2024-08-08")), precision: .region),
            world.event("strike", .strike, at: place, on: .day(day("2024-08-08"))),
        ])
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: world.gazetteer(),
            geodesic: world.geodesic)
        let estimate = try estimator.estimate(asOf: day("2024-08-08"))
        let mapped = GroundEvent.all(in: timeline).filter(\.isMapped)
        #expect(estimate.controlled.eventIDs == mapped.filter { $0.tier == .controlled }.map(\.event.id))
        #expect(estimate.contested.eventIDs == mapped.map(\.event.id).sorted())
        #expect(estimate.unmapped.map(\.eventID) == ["coarse"])
    }
}
