/// An area claim judged against a map from elsewhere: the latest map of the claim's day or
/// before, preferring one that depicts what the claim means.
struct MapMatch {
    var map: ReferenceMap
    var claimDefinition: ClaimDefinition
    /// Days from the map's date to the claim's.
    var daysBefore: Int
    var ratio: Double?
    var judgement: ClaimJudge.Judgement
}

enum MapMeasure {
    static func match(_ claim: Claim, _ claimed: ClaimedInterval, maps: [ReferenceMap]) -> MapMatch? {
        let candidates = maps.filter { $0.asOf <= claim.asOf }.sorted { a, b in
            (-a.asOf.ordinal, a.depicts == claim.definition ? 0 : 1, a.id)
                < (-b.asOf.ordinal, b.depicts == claim.definition ? 0 : 1, b.id)
        }
        guard let map = candidates.first else { return nil }
        let area = map.areaSquareKilometers
        let measured = Measured(
            low: area, high: area, reference: area, unit: .squareKilometers,
            tolerance: Tolerance(fraction: ClaimChecker.relativeTolerance, text: ""), text: "")
        return MapMatch(
            map: map, claimDefinition: claim.definition, daysBefore: claim.asOf.ordinal - map.asOf.ordinal,
            ratio: claimRatio(claimed.nominal, area),
            judgement: ClaimJudge.judge(claimed, against: measured))
    }

    /// Every map on its own and beside the estimate of its day, by day and id, with its outline.
    static func measure(in context: CheckContext) throws -> (maps: [MapMeasurement], geometry: MeasuredGeometry) {
        var geometry = MeasuredGeometry()
        let maps = try context.maps.sorted { ($0.asOf, $0.id) < ($1.asOf, $1.id) }.map { map in
            let estimate = try context.estimate(map.asOf)
            geometry.add(
                MeasuredArea(
                    role: "map", claimIDs: [], asOf: map.asOf, label: CheckProse.mapLabel(map),
                    geometry: map.geometry, areaSquareKilometers: map.areaSquareKilometers))
            let controlled = estimate.controlled.areaSquareKilometers
            return MapMeasurement(
                map: map, estimateControlledSquareKilometers: controlled,
                estimateTotalSquareKilometers: controlled + estimate.contested.areaSquareKilometers)
        }
        return (maps, geometry)
    }
}
