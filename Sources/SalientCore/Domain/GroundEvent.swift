/// An event as the control estimate reads it: which tier it shapes, from which day, at what radius.
///
/// The rule, in one place for the estimator, the checker and the exported layers:
/// - a `control` event by the estimate's actor shapes the controlled tier; a `control` event by
///   anyone else, and every `advance`, `contested` and `repelled` event, the contested tier;
///   strikes, evacuations, emergencies and statements shape none;
/// - it counts from the last day it may have happened on (an interval's end), so the estimate
///   never shows what the sources do not yet support;
/// - it stands for a disc of `radius_km[kind] × precision_factor[precision]`; an event located
///   only to a region (or to a kind or precision the header gives no radius for) is not mapped.
public struct GroundEvent: Hashable, Sendable {
    public var event: Event
    public var tier: ControlTier
    /// The radius the event stands for, metres; nil when it is located too coarsely to map.
    public var radiusMeters: Double?

    public init(event: Event, tier: ControlTier, radiusMeters: Double?) {
        self.event = event
        self.tier = tier
        self.radiusMeters = radiusMeters
    }

    /// Nil when the event is not a ground event.
    public init?(_ event: Event, parameters: EstimateParameters) {
        guard let tier = Self.tier(of: event, actor: parameters.actor) else { return nil }
        self.init(
            event: event, tier: tier,
            radiusMeters: parameters.radiusMeters(kind: event.placeKind, precision: event.locationPrecision))
    }

    /// Which tier an event shapes, or nil when it is not a ground event.
    public static func tier(of event: Event, actor: String) -> ControlTier? {
        switch event.kind {
        case .control: return event.actor == actor ? .controlled : .contested
        case .advance, .contested, .repelled: return .contested
        case .strike, .evacuation, .emergency, .statement: return nil
        }
    }

    /// The first day the event shapes the estimate.
    public var from: CalendarDay { event.date.end }

    /// Whether the estimate draws the event (it has a radius).
    public var isMapped: Bool { radiusMeters != nil }

    /// Located to a place (exact or near), not only to a district or a region.
    public var isLocatedToPlace: Bool { Self.locatesPlace(event.locationPrecision) }

    /// Whether a precision names a place (exact or near) rather than a district or a region.
    public static func locatesPlace(_ precision: LocationPrecision) -> Bool {
        precision == .exact || precision == .near
    }

    /// The tier and the first day, or nil when the estimate does not draw the event.
    public var entry: (tier: ControlTier, from: CalendarDay)? { isMapped ? (tier, from) : nil }

    /// A timeline's ground events in the order they enter the estimate: by first day, then id.
    public static func all(in timeline: Timeline) -> [GroundEvent] {
        timeline.events.compactMap { GroundEvent($0, parameters: timeline.estimate) }
            .sorted { ($0.from, $0.event.id) < ($1.from, $1.event.id) }
    }
}
