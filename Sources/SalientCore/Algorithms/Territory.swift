import Foundation

/// Where places lie relative to an estimate's territory: inside it, or how far outside, in
/// metres along the ellipsoid. Containment is tested on a prepared geometry (GEOS's index), and
/// only points outside are measured, in a frame centred on each, so a timeline of thousands of
/// places inside the territory costs one indexed test each.
public final class Territory {
    public let areas: [MultiPolygon<LonLat>]
    /// The countries the territory lies in, as the gazetteer records them.
    public let countries: Set<String>
    private let geos: GEOSContext
    private let prepared: [PreparedGEOSObject]
    private let proj: PROJContext
    private let geodesic: Geodesic
    private var known: [LonLat: Double] = [:]

    public init(areas: [MultiPolygon<LonLat>], countries: Set<String>) throws {
        self.areas = areas
        self.countries = countries
        let geos = try GEOSContext()
        self.geos = geos
        prepared = try areas.map { try PreparedGEOSObject(LonLatPlane.object($0, context: geos)) }
        proj = try PROJContext()
        geodesic = try Geodesic.wgs84()
    }

    /// The territory of the given gazetteer areas (places drawn as polygons).
    public convenience init(places: [Place]) throws {
        let areas = places.compactMap { place -> MultiPolygon<LonLat>? in
            if case .multiPolygon(let mp) = place.geometry { return mp }
            return nil
        }
        try self.init(areas: areas, countries: Set(places.map(\.country).filter { !$0.isEmpty }))
    }

    /// The index in `areas` of the first area holding the position, or nil.
    public func area(containing position: LonLat) throws -> Int? {
        let point = try geos.point(PlanarPoint(x: position.lon, y: position.lat))
        return try prepared.firstIndex { try $0.intersects(point) }
    }

    /// Whether an area touches or overlaps the territory: an event given as a neighbouring
    /// region is next to it, wherever that region's label point lies.
    public func touches(_ area: MultiPolygon<LonLat>) throws -> Bool {
        let object = try LonLatPlane.object(area, context: geos)
        return try prepared.contains { try $0.intersects(object) }
    }

    public func contains(_ position: LonLat) throws -> Bool {
        let point = try geos.point(PlanarPoint(x: position.lon, y: position.lat))
        return try prepared.contains { try $0.intersects(point) }
    }

    /// Geodesic distance from the position to the territory, metres; 0 inside it.
    public func distanceMeters(from position: LonLat) throws -> Double {
        if let distance = known[position] { return distance }
        let distance: Double
        if try contains(position) {
            distance = 0
        } else if let nearest = try PlaceFrame(center: position, proj: proj).nearestPoint(on: areas) {
            distance = geodesic.distance(position, nearest.point)
        } else {
            distance = .infinity
        }
        known[position] = distance
        return distance
    }

    /// False only when the position is surely farther than `meters` from the territory, a cheap
    /// test before the exact one. A degree spans at least 110.5 km of latitude and 110.5 km ×
    /// cos(latitude) of longitude, so the planar distance in degrees, scaled by the smaller of
    /// the two at the highest latitude the way could reach, never exceeds the true distance.
    public func mayBeWithin(_ meters: Double, of position: LonLat) throws -> Bool {
        let point = try geos.point(PlanarPoint(x: position.lon, y: position.lat))
        let degrees = try prepared.map { try $0.distance(to: point) }.min() ?? .infinity
        let highest = min(90, abs(position.lat) + degrees)
        return degrees * 110_500 * cos(highest * .pi / 180) <= meters
    }
}
