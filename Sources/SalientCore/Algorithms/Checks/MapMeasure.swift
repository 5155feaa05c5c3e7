/// An area claim judged against a map from elsewhere whose layers depict what the claim means.
struct MapMatch {
    var map: ReferenceMap
    /// The layers measured, whose union is `areaSquareKilometers`.
    var layers: [MapLayer]
    var areaSquareKilometers: Double
    var claimDefinition: ClaimDefinition
    /// Days from the map's date to the claim's: negative for a map of a later day.
    var daysBefore: Int
    var ratio: Double?
    var judgement: ClaimJudge.Judgement
}

enum MapMeasure {
    /// Maps lag the ground by a day or two, so a map this many days after a claim is reported too.
    static let laterMapDays = 2

    /// The latest map of the claim's day or before, and the first one after within
    /// `laterMapDays`, among the maps whose layers measure the claim's definition (ties by id).
    static func match(
        _ claim: Claim, _ claimed: ClaimedInterval,
        in context: CheckContext
    ) throws -> (atOrBefore: MapMatch?, after: MapMatch?) {
        let usable = context.maps.compactMap { map in map.layers(measuring: claim.definition).map { (map, $0) } }
        let before = usable.filter { $0.0.asOf <= claim.asOf }.min { a, b in
            (-a.0.asOf.ordinal, a.0.id) < (-b.0.asOf.ordinal, b.0.id)
        }
        let after = usable.filter {
            $0.0.asOf > claim.asOf && $0.0.asOf.ordinal - claim.asOf.ordinal <= laterMapDays
        }.min { a, b in (a.0.asOf.ordinal, a.0.id) < (b.0.asOf.ordinal, b.0.id) }
        return (
            try before.map { try judge(claim, claimed, $0.0, $0.1, context) },
            try after.map { try judge(claim, claimed, $0.0, $0.1, context) }
        )
    }

    private static func judge(
        _ claim: Claim, _ claimed: ClaimedInterval, _ map: ReferenceMap, _ layers: [MapLayer],
        _ context: CheckContext
    ) throws -> MapMatch {
        let area =
            layers.count == 1
            ? layers[0].areaSquareKilometers
            : context.geodesic.area(of: try MultiPolygon.union(layers.map(\.geometry))) / 1e6
        let measured = Measured(
            low: area, high: area, reference: area, unit: .squareKilometers,
            tolerance: Tolerance(fraction: ClaimChecker.relativeTolerance, text: ""), text: "")
        return MapMatch(
            map: map, layers: layers, areaSquareKilometers: area, claimDefinition: claim.definition,
            daysBefore: claim.asOf.ordinal - map.asOf.ordinal, ratio: claimRatio(claimed.nominal, area),
            judgement: ClaimJudge.judge(claimed, against: measured))
    }

    /// Every layer of every map on its own and beside the estimate of the map's day, by day and
    /// id, with its outline; and the estimate against the layers by shape, with the two
    /// difference areas among the outlines.
    static func measure(in context: CheckContext) throws -> (maps: [MapMeasurement], geometry: MeasuredGeometry) {
        var geometry = MeasuredGeometry()
        let maps = try context.maps.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }.map { map in
            let estimate = try context.estimate(map.asOf)
            for layer in map.layers {
                geometry.add(
                    MeasuredArea(
                        role: "map", claimIDs: [], asOf: map.asOf, label: CheckProse.mapLabel(map, layer),
                        geometry: layer.geometry, areaSquareKilometers: layer.areaSquareKilometers))
            }
            var shapes: [MapShapeComparison] = []
            for definition in [ClaimDefinition.controlled, .controlledPlusContested] {
                guard let layers = map.layers(measuring: definition) else { continue }
                let theirs = layers.count == 1 ? layers[0].geometry : try MultiPolygon.union(layers.map(\.geometry))
                let ours =
                    definition == .controlled
                    ? estimate.controlled.geometry : try context.joined(estimate.tiers).geometry
                let agreement = try ShapeAgreement.compare(estimate: ours, map: theirs, geodesic: context.geodesic)
                for (role, area) in [
                    ("estimate_outside_map", agreement.estimateOutsideMap),
                    ("map_outside_estimate", agreement.mapOutsideEstimate),
                ] where area.areaSquareKilometers > 0 {
                    geometry.add(
                        MeasuredArea(
                            role: role, claimIDs: [], asOf: map.asOf,
                            label: CheckProse.shapeDifferenceLabel(map, definition, role: role),
                            geometry: area.geometry, areaSquareKilometers: area.areaSquareKilometers))
                }
                shapes.append(
                    MapShapeComparison(
                        definition: definition, intersectionSquareKilometers: agreement.intersectionSquareKilometers,
                        unionSquareKilometers: agreement.unionSquareKilometers,
                        estimateOutsideMapSquareKilometers: agreement.estimateOutsideMap.areaSquareKilometers,
                        mapOutsideEstimateSquareKilometers: agreement.mapOutsideEstimate.areaSquareKilometers))
            }
            let controlled = estimate.controlled.areaSquareKilometers
            return MapMeasurement(
                map: map, estimateControlledSquareKilometers: controlled,
                estimateTotalSquareKilometers: controlled + estimate.contested.areaSquareKilometers, shapes: shapes)
        }
        return (maps, geometry)
    }
}
