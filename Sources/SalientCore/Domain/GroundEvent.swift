/// An event as the control estimate reads it: the state it reports for its place, which tier
/// that draws the place in, from which day, at what radius.
///
/// The rule, in one place for the estimator, the checker and the exported layers:
/// - a `control` event says its actor holds the place (its `change:` may say the actor withdrew
///   from it or lost it instead); `advance`, `contested` and `repelled` events say it is
///   contested; strikes, evacuations, emergencies and statements are not ground events;
/// - held by the estimate's actor is the controlled tier, held by anyone else or contested the
///   contested tier, and a place the actor withdrew from or lost neither; the latest report for
///   a place wins and states age (PlaceStates, which also turns a control report at ground the
///   actor held into a loss);
/// - it counts from the last day it may have happened on (an interval's end), so the estimate
///   never shows what the sources do not yet support;
/// - it stands for a disc of `radius_km[kind] × precision_factor[precision]`; an event located
///   only to a region (or to a kind or precision the header gives no radius for) is not mapped.
public struct GroundEvent: Hashable, Sendable {
    public var event: Event
    /// The state the report gives its place, on its own (before the place's history is known).
    public var state: PlaceState
    /// The tier that state draws the place in; nil for a place the actor withdrew from or lost.
    public var tier: ControlTier?
    /// The radius the event stands for, metres; nil when it is located too coarsely to map.
    public var radiusMeters: Double?

    public init(event: Event, state: PlaceState, actor: String, radiusMeters: Double?) {
        self.event = event
        self.state = state
        self.tier = state.tier(actor: actor)
        self.radiusMeters = radiusMeters
    }

    /// Nil when the event is not a ground event.
    public init?(_ event: Event, parameters: EstimateParameters) {
        guard let state = Self.state(of: event, actor: parameters.actor) else { return nil }
        self.init(
            event: event, state: state, actor: parameters.actor,
            radiusMeters: parameters.radiusMeters(kind: event.placeKind, precision: event.locationPrecision))
    }

    /// The state a report gives its place on its own, or nil when it is not a ground event: a
    /// side that withdrew from a place or lost it no longer holds it, which for the estimate's
    /// actor loses the place and for another actor leaves it contested.
    public static func state(of event: Event, actor: String) -> PlaceState? {
        switch event.kind {
        case .control:
            switch event.change {
            case .taken, .retaken: return .held(by: event.actor)
            case .withdrew, .lost: return event.actor == actor ? .lost(to: nil) : .contested
            }
        case .advance, .contested, .repelled: return .contested
        case .strike, .evacuation, .emergency, .statement: return nil
        }
    }

    /// Which tier an event's report on its own draws its place in, or nil when it is not a
    /// ground event or says the actor lost the place.
    public static func tier(of event: Event, actor: String) -> ControlTier? {
        state(of: event, actor: actor)?.tier(actor: actor)
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
    public var entry: (tier: ControlTier, from: CalendarDay)? {
        guard isMapped, let tier else { return nil }
        return (tier, from)
    }

    /// A timeline's ground events in the order they enter the estimate: by first day, then id.
    public static func all(in timeline: Timeline) -> [GroundEvent] {
        // Reserved and sorted in place: every copy of the list would move every event again.
        var ground: [GroundEvent] = []
        ground.reserveCapacity(timeline.events.count)
        for event in timeline.events {
            if let report = GroundEvent(event, parameters: timeline.estimate) { ground.append(report) }
        }
        ground.sort { ($0.from, $0.event.id) < ($1.from, $1.event.id) }
        return ground
    }
}
