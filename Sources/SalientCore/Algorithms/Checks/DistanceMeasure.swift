/// A `distance_to_border` or `distance_between` claim: the geodesic distance between two
/// gazetteer points, the border's nearest point standing in for the border. The whole truth on
/// both sides, unlike the estimate's measures.
struct DistanceMeasurement {
    var definition: ClaimDefinition
    var kilometers: Double
    var from: String
    /// The other place's name, or the border's for `distance_to_border`.
    var to: String
    var ends: [DistanceEnd]
}

enum DistanceMeasure {
    static func toBorder(_ claim: Claim, in context: CheckContext) throws -> ClaimMeasurement {
        guard let (place, position) = context.point(claim.placeID) else {
            return .notMeasurable(context.unmeasurablePlace(claim.placeID))
        }
        let onBorder = try context.nearestBorderPoint(to: position)
        let kilometers = context.geodesic.distance(position, onBorder) / 1000
        var geometry = MeasuredGeometry()
        geometry.add(
            MeasuredLine(
                role: "distance_to_border", claimIDs: [claim.id], asOf: claim.asOf,
                label: CheckProse.toTheBorderLabel(place.name), points: [position, onBorder],
                lengthKilometers: kilometers))
        let border = context.borderPlace
        let measurement = DistanceMeasurement(
            definition: claim.definition, kilometers: kilometers, from: place.name, to: border.name,
            ends: [
                DistanceEnd(name: place.name, uncertaintyMeters: place.provenance.uncertaintyMeters, isPlace: true),
                DistanceEnd(
                    name: CheckProse.borderEndName, uncertaintyMeters: border.provenance.uncertaintyMeters,
                    isPlace: false),
            ])
        return ClaimMeasurement(value: .distance(measurement), geometry: geometry)
    }

    static func between(_ claim: Claim, in context: CheckContext) throws -> ClaimMeasurement {
        guard let (from, a) = context.point(claim.placeID) else {
            return .notMeasurable(context.unmeasurablePlace(claim.placeID))
        }
        guard let (to, b) = context.point(claim.to) else { return .notMeasurable(context.unmeasurablePlace(claim.to)) }
        let kilometers = context.geodesic.distance(a, b) / 1000
        var geometry = MeasuredGeometry()
        geometry.add(
            MeasuredLine(
                role: "distance_between", claimIDs: [claim.id], asOf: claim.asOf,
                label: CheckProse.betweenLabel(from.name, to.name), points: [a, b],
                lengthKilometers: kilometers))
        let measurement = DistanceMeasurement(
            definition: claim.definition, kilometers: kilometers, from: from.name, to: to.name,
            ends: [
                DistanceEnd(name: from.name, uncertaintyMeters: from.provenance.uncertaintyMeters, isPlace: true),
                DistanceEnd(name: to.name, uncertaintyMeters: to.provenance.uncertaintyMeters, isPlace: true),
            ])
        return ClaimMeasurement(value: .distance(measurement), geometry: geometry)
    }
}
