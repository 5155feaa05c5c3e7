import SalientCore

/// The range an estimate gives for the held ground: what the reports make certain, and
/// everything they do not contradict.
struct EstimateRange {
    var lower: MultiPolygon<LonLat>
    var lowerSquareKilometers: Double
    var upper: MultiPolygon<LonLat>
    var upperSquareKilometers: Double
}

/// The one place the accuracy report reads the range from: the estimate's own bounds, which an
/// estimator made with `bounds: true` puts on every day.
func bounds(of estimate: ControlEstimate) throws -> EstimateRange {
    guard let lower = estimate.lowerBound, let upper = estimate.upperBound else {
        throw BenchError("the estimate of \(estimate.asOf) carries no bounds; make the estimator with bounds: true")
    }
    return EstimateRange(
        lower: lower.geometry, lowerSquareKilometers: lower.areaSquareKilometers, upper: upper.geometry,
        upperSquareKilometers: upper.areaSquareKilometers)
}
