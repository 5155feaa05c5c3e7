/// What kind of happening an event records; the estimate reads the ground kinds.
public enum EventKind: String, Hashable, Sendable, CaseIterable {
    case advance, control, contested, repelled, strike, evacuation, emergency, statement
}

/// How a `control` event says its place changed hands (its `change:` field).
public enum ControlChange: String, Hashable, Sendable, CaseIterable {
    /// The actor holds the place from that day, whoever held it before (the default).
    case taken
    /// The actor took the place back: as `taken`, but refused when the actor already holds it,
    /// and a place another actor retakes is lost to it even where no report said the estimate's
    /// actor held it.
    case retaken
    /// The actor withdrew from the place: it no longer holds it.
    case withdrew
    /// The actor lost the place: it no longer holds it.
    case lost
}

/// How precisely an event's location is known (after ACLED's geo_precision and UCDP's
/// where_prec); coarser precision widens the area an event stands for.
public enum LocationPrecision: String, Hashable, Sendable, CaseIterable {
    case exact, near, district, region

    /// What a place of this kind implies when the timeline does not say.
    public static func implied(by kind: PlaceKind) -> LocationPrecision {
        switch kind {
        case .district: return .district
        case .region, .border: return .region
        case .city, .town, .village, .facility: return .exact
        }
    }
}

/// A dated happening at a place, tied to its sources.
public struct Event: Hashable, Sendable, Identifiable {
    public var id: String
    public var date: EventDate
    public var dateNote: String
    public var kind: EventKind
    /// The gazetteer place, or nil when the timeline gives coordinates.
    public var placeID: String?
    public var placeName: String
    public var position: LonLat
    /// The kind of the place, or nil for explicit coordinates.
    public var placeKind: PlaceKind?
    public var locationPrecision: LocationPrecision
    public var actor: String
    public var summary: String
    public var sourceIDs: [String]
    /// The record an import took it from ("ACLED:UKR1234", "UCDP:567"), or "" for events written by hand.
    public var externalID = ""
    /// The data set's version of that record (ACLED's `timestamp`): a newer one replaces the event.
    public var externalVersion = ""
    /// The data set's own words about the event (ACLED's `notes`), kept apart from the summary.
    public var note = ""
    /// How the location was found when it is not a gazetteer match (e.g. coordinates kept from ACLED).
    public var locationNote = ""
    /// For a `control` event, how the place changed hands; other kinds ignore it.
    public var change = ControlChange.taken

    public init(
        id: String, date: EventDate, dateNote: String, kind: EventKind, placeID: String?, placeName: String,
        position: LonLat, placeKind: PlaceKind?, locationPrecision: LocationPrecision, actor: String,
        summary: String, sourceIDs: [String]
    ) {
        self.id = id
        self.date = date
        self.dateNote = dateNote
        self.kind = kind
        self.placeID = placeID
        self.placeName = placeName
        self.position = position
        self.placeKind = placeKind
        self.locationPrecision = locationPrecision
        self.actor = actor
        self.summary = summary
        self.sourceIDs = sourceIDs
    }
}
