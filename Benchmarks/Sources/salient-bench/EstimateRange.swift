import SalientCore

/// The one place the accuracy report reads the range from: the estimate's own bounds, which an
/// estimator made with `bounds: true` puts on every day.
func bounds(of estimate: ControlEstimate) throws -> (lower: AreaBound, upper: AreaBound) {
    guard let lower = estimate.lowerBound, let upper = estimate.upperBound else {
        throw BenchError("the estimate of \(estimate.asOf) carries no bounds; make the estimator with bounds: true")
    }
    return (lower, upper)
}
