import HeapModule

/// What the reports say of one place from a day on.
public enum PlaceState: Hashable, Sendable {
    /// The actor holds the place.
    case held(by: String)
    /// Fought over, or left by a side, with nobody reported holding it.
    case contested
    /// The estimate's actor held it, or said it withdrew from it or lost it: the place is no
    /// longer its ground. `to` is the actor that took it, when a report names one.
    case lost(to: String?)

    /// The actor the state says holds the place, if any.
    public var holder: String? {
        switch self {
        case .held(let actor): return actor
        case .lost(let actor): return actor
        case .contested: return nil
        }
    }

    /// The tier the state draws its place in for the estimate of `actor`: held by the actor is
    /// controlled, held by another actor or contested is the grey zone, lost is neither.
    public func tier(actor: String) -> ControlTier? {
        switch self {
        case .held(let holder): return holder == actor ? .controlled : .contested
        case .contested: return .contested
        case .lost: return nil
        }
    }
}

/// A `retaken` report naming the actor that already holds the place on that day.
public struct PlaceStateConflict: Hashable, Sendable {
    /// The refused report.
    public var eventID: String
    public var actor: String
    /// The latest report the actor's holding rests on, and its day.
    public var heldByEventID: String
    public var heldOn: CalendarDay
}

/// The state of each reported place, day by day: each ground report sets the state of its place
/// from its day on and the latest report for a place wins; states then age, when the timeline
/// asks it, so that a place nobody reports on fades out of the estimate.
///
/// The rules (GroundEvent gives each report its own state):
/// - a `control` report by another actor at a place the estimate's actor holds, or held and lost,
///   makes the place lost to that actor, as does a `retaken` report by another actor wherever it
///   falls; a `retaken` report by the actor that holds the place on that day is refused;
/// - a held place falls back to contested `heldExpiresDays` after its latest report, and a place
///   drawn as contested (contested, or held by another actor) leaves the estimate
///   `staleAfterDays` after its latest report; lost places stay lost;
/// - the reports a place is drawn with are those since its state last changed: each report of
///   the same state adds itself, a report of another state replaces them.
///
/// Only drawable reports (mapped by the estimate) enter; a place is a gazetteer place, or the
/// coordinates an event gives. Pure values: no GEOS, no PROJ.
public struct PlaceStates: Sendable {
    public let actor: String
    public let staleAfterDays: Int?
    public let heldExpiresDays: Int?

    /// A report's tier before and after a `settle`: nil is not drawn.
    public struct Change: Hashable, Sendable {
        /// The report's index in the order reports were applied.
        public var report: Int
        public var from: ControlTier?
        public var to: ControlTier?
    }

    private struct Record: Sendable {
        var state: PlaceState
        /// The reports behind the state, in the order they came.
        var reports: [Int]
        /// The day of the latest report, from which the state ages, and its event.
        var latest: CalendarDay
        var latestEventID: String
        /// The reports drawn after the last settle and their tier.
        var drawn: [Int] = []
        var drawnTier: ControlTier?
    }

    private var places: [String: Record] = [:]
    /// Places touched since the last settle, in the order they were first touched.
    private var touched: [String] = []
    private var touchedSet: Set<String> = []
    /// Days on which a place's state may age, with the place: a min-heap on (day, order).
    private var agenda = AgendaHeap()

    public init(actor: String, staleAfterDays: Int? = nil, heldExpiresDays: Int? = nil) {
        self.actor = actor
        self.staleAfterDays = staleAfterDays
        self.heldExpiresDays = heldExpiresDays
    }

    /// The key a report's place is known by: its gazetteer id, else its coordinates.
    public static func placeKey(of event: Event) -> String {
        event.placeID ?? "\(event.position.lon),\(event.position.lat)"
    }

    /// The state a place has on `day` once aged from its latest report on `latest`; nil when it
    /// has gone stale.
    public func aged(_ state: PlaceState, latest: CalendarDay, on day: CalendarDay) -> PlaceState? {
        let age = day.ordinal - latest.ordinal
        var state = state
        if case .held = state, let expiry = heldExpiresDays, age >= expiry { state = .contested }
        if state.tier(actor: actor) == .contested, let stale = staleAfterDays, age >= stale { return nil }
        return state
    }

    /// The state the place of `key` has on `day` (after ageing), or nil when no report sets one.
    public func state(of key: String, on day: CalendarDay) -> PlaceState? {
        places[key].flatMap { aged($0.state, latest: $0.latest, on: day) }
    }

    /// Folds in a report of `ground` (reports in the order they enter the estimate, `index`
    /// counting them). A report's own state is adjusted by the place's history (a control report
    /// at ground the actor held is a loss). A retake by the holder is returned as a conflict,
    /// for the reader to refuse, and counts as the holder's reconfirmation. `key` names the
    /// place when the caller groups reports otherwise (the `cells` join: by settlement cell).
    @discardableResult
    public mutating func apply(_ ground: GroundEvent, index: Int, key: String? = nil) -> PlaceStateConflict? {
        let key = key ?? Self.placeKey(of: ground.event)
        let event = ground.event
        let day = ground.from
        let previous = places[key]
        let current = previous.flatMap { aged($0.state, latest: $0.latest, on: day) }
        var conflict: PlaceStateConflict?
        if event.kind == .control, event.change == .retaken, let previous, current?.holder == event.actor {
            conflict = PlaceStateConflict(
                eventID: event.id, actor: event.actor, heldByEventID: previous.latestEventID, heldOn: previous.latest)
        }
        var state = ground.state
        if case .held(let holder) = state, holder != actor {
            let wasOurs: Bool
            switch current {
            case .held(let by)?: wasOurs = by == actor
            case .lost?: wasOurs = true
            default: wasOurs = false
            }
            if wasOurs || (event.change == .retaken && conflict == nil) { state = .lost(to: holder) }
        }
        var record = previous ?? Record(state: state, reports: [], latest: day, latestEventID: event.id)
        // Another state, or the same one after the old has aged, starts afresh from this report.
        if record.state != state || current != state {
            record.state = state
            record.reports = []
        }
        record.reports.append(index)
        record.latest = day
        record.latestEventID = event.id
        places[key] = record
        touch(key)
        for delay in [heldExpiresDays, staleAfterDays].compactMap({ $0 }) {
            agenda.push(day.adding(days: delay), key)
        }
        return conflict
    }

    /// Brings every place touched or ageing by `day` to its state on that day (days ascend) and
    /// returns the reports whose tier changed, place by place in the order they were touched.
    public mutating func settle(on day: CalendarDay) -> [Change] {
        while let next = agenda.first, next.day <= day {
            agenda.pop()
            touch(next.place)
        }
        var changes: [Change] = []
        for key in touched {
            guard var record = places[key] else { continue }
            let tier = aged(record.state, latest: record.latest, on: day)?.tier(actor: actor)
            let reports = tier == nil ? [] : record.reports
            guard tier != record.drawnTier || reports != record.drawn else { continue }
            let kept = tier == record.drawnTier ? Set(record.drawn).intersection(reports) : []
            for report in record.drawn where !kept.contains(report) {
                changes.append(Change(report: report, from: record.drawnTier, to: nil))
            }
            for report in reports where !kept.contains(report) {
                changes.append(Change(report: report, from: nil, to: tier))
            }
            record.drawn = reports
            record.drawnTier = tier
            places[key] = record
        }
        touched.removeAll(keepingCapacity: true)
        touchedSet.removeAll(keepingCapacity: true)
        return changes
    }

    private mutating func touch(_ key: String) {
        if touchedSet.insert(key).inserted { touched.append(key) }
    }
}

/// Days places may age on, earliest first; ties keep the order they were pushed in.
private struct AgendaHeap: Sendable {
    private struct Entry: Comparable, Sendable {
        var day: CalendarDay
        var order: Int
        var place: String
        static func < (a: Entry, b: Entry) -> Bool { (a.day, a.order) < (b.day, b.order) }
        static func == (a: Entry, b: Entry) -> Bool { (a.day, a.order) == (b.day, b.order) }
    }

    private var items = Heap<Entry>()
    private var pushed = 0

    var first: (day: CalendarDay, place: String)? { items.min.map { ($0.day, $0.place) } }

    mutating func push(_ day: CalendarDay, _ place: String) {
        items.insert(Entry(day: day, order: pushed, place: place))
        pushed += 1
    }

    mutating func pop() { items.removeMin() }
}

extension Timeline {
    /// The first `retaken` report, in the order reports enter the estimate, whose actor already
    /// holds the place on that day, with the report; nil when there is none.
    public func firstRetakeByHolder() -> (conflict: PlaceStateConflict, report: GroundEvent)? {
        var states = PlaceStates(
            actor: estimate.actor, staleAfterDays: estimate.staleAfterDays, heldExpiresDays: estimate.heldExpiresDays)
        for (index, report) in GroundEvent.all(in: self).enumerated() where report.isMapped {
            if let conflict = states.apply(report, index: index) { return (conflict, report) }
        }
        return nil
    }
}
