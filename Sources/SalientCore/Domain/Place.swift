/// What a gazetteer entry is; settlements are what settlement counts count.
public enum PlaceKind: String, Hashable, Sendable, CaseIterable {
    case city, town, village, facility, district, region, border

    public var isSettlement: Bool { self == .city || self == .town || self == .village }
}

/// Where a coordinate came from and under which licence, as the gazetteer records it.
public struct Provenance: Hashable, Sendable {
    public var source: String
    public var sourceID: String
    public var sourceURL: String
    public var licence: String
    /// Radius within which the true position lies, metres.
    public var uncertaintyMeters: Double
    /// How the coordinate was derived when it was not copied from a record.
    public var note: String

    public init(
        source: String, sourceID: String, sourceURL: String, licence: String, uncertaintyMeters: Double, note: String
    ) {
        self.source = source
        self.sourceID = sourceID
        self.sourceURL = sourceURL
        self.licence = licence
        self.uncertaintyMeters = uncertaintyMeters
        self.note = note
    }
}

/// A named place with its geometry and the provenance of its coordinates.
public struct Place: Hashable, Sendable, Identifiable {
    public var id: String
    public var name: String
    public var localName: String
    public var aliases: [String]
    public var kind: PlaceKind
    public var parent: String
    public var country: String
    public var geometry: Geometry
    public var provenance: Provenance

    public init(
        id: String, name: String, localName: String, aliases: [String], kind: PlaceKind,
        parent: String, country: String, geometry: Geometry, provenance: Provenance
    ) {
        self.id = id
        self.name = name
        self.localName = localName
        self.aliases = aliases
        self.kind = kind
        self.parent = parent
        self.country = country
        self.geometry = geometry
        self.provenance = provenance
    }

    /// Every name the place answers to.
    public var allNames: [String] { [name, localName] + aliases }

    /// The point an event at this place is drawn at: the point itself, or nil for areas and
    /// lines (which have their own label point among the places when events need one).
    public var point: LonLat? {
        if case .point(let p) = geometry { return p }
        return nil
    }
}
