/// How far an estimate and a map from elsewhere agree in shape, not only in area: the share of
/// their union they have in common (intersection over union, IoU) and the two areas where they
/// disagree, the estimate outside the map and the map outside the estimate.
///
/// The overlay runs in the lon/lat plane, as the maps' own unions do; each difference is
/// snapped to the output grid so that it is valid as written, and every area is geodesic.
public struct ShapeAgreement: Hashable, Sendable {
    public var intersectionSquareKilometers: Double
    public var unionSquareKilometers: Double
    public var estimateOutsideMap: DerivedArea
    public var mapOutsideEstimate: DerivedArea

    /// Nil when both shapes are empty.
    public var intersectionOverUnion: Double? {
        unionSquareKilometers > 0 ? intersectionSquareKilometers / unionSquareKilometers : nil
    }

    public static func compare(
        estimate: MultiPolygon<LonLat>, map: MultiPolygon<LonLat>, geodesic: Geodesic
    ) throws -> ShapeAgreement {
        let context = try GEOSContext()
        let a = try LonLatPlane.object(estimate, context: context)
        let b = try LonLatPlane.object(map, context: context)
        func measured(_ object: GEOSObject) throws -> DerivedArea {
            let written = try OutputGrid.polygons(LonLatPlane.polygons(object), context: context)
            return DerivedArea(geometry: written, areaSquareKilometers: geodesic.area(of: written) / 1e6)
        }
        return ShapeAgreement(
            intersectionSquareKilometers: try measured(a.intersection(b)).areaSquareKilometers,
            unionSquareKilometers: try measured(a.union(b)).areaSquareKilometers,
            estimateOutsideMap: try measured(a.difference(b)), mapOutsideEstimate: try measured(b.difference(a)))
    }
}
