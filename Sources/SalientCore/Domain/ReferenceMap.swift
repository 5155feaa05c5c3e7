/// Dated control polygons from another source (a front-line archive's snapshot, a user's own
/// digitising), named in a timeline so the claim checker can measure claims against them too.
public struct ReferenceMap: Hashable, Sendable, Identifiable {
    public var id: String
    public var title: String
    /// Where the polygons come from and under which licence, as the timeline states it.
    public var source: String
    /// The day the map shows.
    public var asOf: CalendarDay
    /// What its polygons stand for: `controlled`, `controlled_plus_contested` or `advanced_over`.
    public var depicts: ClaimDefinition
    /// The polygon file as the timeline names it, relative to the timeline.
    public var file: String
    /// Every polygon of the file, unioned: overlapping features count once.
    public var geometry: MultiPolygon<LonLat>
    /// Geodesic area of `geometry` on WGS 84, square kilometres.
    public var areaSquareKilometers: Double
    /// What was repaired on reading ("feature 2: Self-intersection[…], repaired with GEOSMakeValid").
    public var repairs: [String]

    public init(
        id: String, title: String, source: String, asOf: CalendarDay, depicts: ClaimDefinition, file: String,
        geometry: MultiPolygon<LonLat>, areaSquareKilometers: Double, repairs: [String]
    ) {
        self.id = id
        self.title = title
        self.source = source
        self.asOf = asOf
        self.depicts = depicts
        self.file = file
        self.geometry = geometry
        self.areaSquareKilometers = areaSquareKilometers
        self.repairs = repairs
    }

    /// The definitions a map's polygons can stand for: the area ones.
    public static let depictable: [ClaimDefinition] = [.controlled, .controlledPlusContested, .advancedOver]
}
