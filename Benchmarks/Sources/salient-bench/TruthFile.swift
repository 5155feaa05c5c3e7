import Foundation
import SalientCore

/// The truth of one day as it is written: held ground, the grey zone, and both together, each
/// with the coordinates rounded as the file prints them, so what is measured is what is written.
struct TruthDay {
    var day: Int
    var phase: TrueFront.Phase
    var held: MultiPolygon<LonLat>
    var contested: MultiPolygon<LonLat>
    var outer: MultiPolygon<LonLat>
    var heldSquareKilometers: Double
    var outerSquareKilometers: Double
}

/// Writes `truth.geojson`: for every day, a feature for the held ground (`controlled`), the
/// grey zone (`contested`) and both (`controlled_plus_contested`), in lon/lat (RFC 7946: cut at
/// ±180°, exteriors counter-clockwise); and returns the days for measuring against.
enum TruthFile {
    static func write(_ truth: TrueFront, to path: String, geodesic: Geodesic) throws -> [TruthDay] {
        var features = FeatureWriter(name: "truth")
        var days: [TruthDay] = []
        for day in 0..<truth.days {
            let rings = truth.rings(day: day)
            let date = Generator.firstDay.adding(day).text
            var tiers: [MultiPolygon<LonLat>] = []
            for (tier, tierRings) in [
                ("controlled", rings.held), ("contested", rings.contested), ("controlled_plus_contested", rings.outer),
            ] {
                let parts = TrueFront.wrapped(tierRings)
                let polygons = MultiPolygon(
                    parts.map { ring in
                        Polygon(
                            exterior: ring.map { LonLat(lon: rounded(Antimeridian.wrap($0.lon)), lat: rounded($0.lat)) }
                        )
                    })
                if let reason = try polygons.invalidityReason() {
                    throw BenchError("the true \(tier) ground of \(date) is invalid as written: \(reason)")
                }
                tiers.append(polygons)
                guard !parts.isEmpty else { continue }
                let area = geodesic.area(of: polygons) / 1e6
                features.add(
                    properties:
                        "{\"date\": \"\(date)\", \"tier\": \"\(tier)\", \"phase\": \"\(truth.phaseOfDay[day].rawValue)\", "
                        + "\"area_km2\": \(Generator.number(area)), "
                        + "\"source\": \"salient-bench synthetic ground truth\", \"licence\": \"CC0 1.0\"}",
                    geometry: Generator.multiPolygon(parts))
            }
            days.append(
                TruthDay(
                    day: day, phase: truth.phaseOfDay[day], held: tiers[0], contested: tiers[1], outer: tiers[2],
                    heldSquareKilometers: geodesic.area(of: tiers[0]) / 1e6,
                    outerSquareKilometers: geodesic.area(of: tiers[2]) / 1e6))
        }
        try features.write(to: path)
        return days
    }

    /// The value `Generator.number` prints.
    private static func rounded(_ value: Double) -> Double {
        Double(Generator.number(value))!
    }
}
