/// Dated control polygons from another source (a front-line archive's snapshot, a user's own
/// digitising), named in a timeline so the claim checker can measure claims against them too.
public struct ReferenceMap: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// Where the polygons come from and under which licence, as the timeline states it.
    public var source: String
    /// The day the map shows.
    public var asOf: CalendarDay
    /// The polygon file as the timeline names it, relative to the timeline.
    public var file: String
    /// One layer per category of the map's own, in the order first met in the file.
    public var layers: [MapLayer]
    /// What was repaired on reading ("feature 2: Self-intersection[…], repaired with GEOSMakeValid").
    public var repairs: [String]

    public init(
        id: String, title: String, source: String, asOf: CalendarDay, file: String, layers: [MapLayer],
        repairs: [String]
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.asOf = asOf
        self.file = file
        self.layers = layers
        self.repairs = repairs
    }

    /// The definitions of its layers, in `MapLayerDefinition` order: "controlled + grey_zone".
    public var depicts: String {
        MapLayerDefinition.allCases.filter { d in layers.contains { $0.definition == d } }.map(\.rawValue)
            .joined(separator: " + ")
    }

    /// The layers whose union measures a claim of `definition`, or nil when the map's layers
    /// cannot: `controlled` needs a controlled layer; `controlled_plus_contested` a controlled +
    /// grey layer, or controlled and grey-zone layers together; `advanced_over` an advanced-over
    /// layer, else what `controlled_plus_contested` takes (ground advanced over counts the grey zone).
    /// Claimed and other-side layers measure no claim.
    public func layers(measuring definition: ClaimDefinition) -> [MapLayer]? {
        func of(_ wanted: MapLayerDefinition...) -> [MapLayer]? {
            guard wanted.allSatisfy({ w in layers.contains { $0.definition == w } }) else { return nil }
            return layers.filter { wanted.contains($0.definition) }
        }
        switch definition {
        case .controlled: return of(.controlled)
        case .controlledPlusContested: return of(.controlledPlusGrey) ?? of(.controlled, .greyZone)
        case .advancedOver: return of(.advancedOver) ?? layers(measuring: .controlledPlusContested)
        default: return nil
        }
    }
}

/// The polygons of one category of a map, with what they stand for.
public struct MapLayer: Hashable, Sendable {
    /// The category as the map writes it: DeepState's status key ("geoJSON.status.unknown"), an
    /// ISW layer's name, or "all features" for a file of one kind of polygon.
    public var category: String
    public var definition: MapLayerDefinition
    /// Every polygon of the category, unioned: overlapping features count once.
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area of `geometry` on WGS 84, square kilometres.
    public var areaSquareKilometers: Double

    public init(
        category: String, definition: MapLayerDefinition, geometry: MultiPolygon<LonLat>, areaSquareKilometers: Double
    ) {
        self.category = category
        self.definition = definition
        self.geometry = geometry
        self.areaSquareKilometers = areaSquareKilometers
    }
}

/// What a map layer's polygons stand for, relative to the actor the timeline estimates.
public enum MapLayerDefinition: String, CaseIterable, Hashable, Sendable {
    /// Held by the actor.
    case controlled
    /// Neither side's for sure ("status unknown", contested).
    case greyZone = "grey_zone"
    /// Held by the actor and the grey zone, drawn as one.
    case controlledPlusGrey = "controlled_plus_grey"
    /// Ground the actor advanced over (ISW's "assessed advances").
    case advancedOver = "advanced_over"
    /// Ground someone claims and the map does not assess.
    case claimed
    /// Held by the other side (DeepState's "occupied" on a map of Ukraine's ground).
    case otherSide = "other_side"

    /// The layer a timeline's old `depicts:` names, for a file of one kind of polygon.
    public init?(depicts definition: ClaimDefinition) {
        switch definition {
        case .controlled: self = .controlled
        case .controlledPlusContested: self = .controlledPlusGrey
        case .advancedOver: self = .advancedOver
        default: return nil
        }
    }
}
