import Testing

@testable import SalientCore

/// `ids(of:inside:)` skips points outside the area's lon/lat box before projecting the rest:
/// the skipping must change no answer, in the estimate's region and across ±180°.
@Suite struct SettlementsInsideTests {
    /// A lon/lat box with a vertex every 0.01°, so that its projected edges follow the box.
    private func box(west: Double, south: Double, east: Double, north: Double) -> Polygon<LonLat> {
        let steps = Int(((east - west) / 0.01).rounded())
        let rows = Int(((north - south) / 0.01).rounded())
        let bottom = (0...steps).map { LonLat(lon: west + Double($0) * (east - west) / Double(steps), lat: south) }
        let right = (1...rows).map { LonLat(lon: east, lat: south + Double($0) * (north - south) / Double(rows)) }
        let ring =
            bottom + right + bottom.reversed().map { LonLat(lon: $0.lon, lat: north) }
            + right.reversed().dropFirst()
            .map { LonLat(lon: west, lat: $0.lat) } + [bottom[0]]
        return Polygon(exterior: ring)
    }

    /// Points on a grid every 0.1°, none on a box's edge: (lon + 0.05, lat + 0.05).
    private func grid(lons: ClosedRange<Double>, lats: ClosedRange<Double>) -> [(id: String, position: LonLat)] {
        var points: [(id: String, position: LonLat)] = []
        for i in 0..<Int((lons.upperBound - lons.lowerBound) * 10) {
            for j in 0..<Int((lats.upperBound - lats.lowerBound) * 10) {
                let p = LonLat(
                    lon: lons.lowerBound + Double(i) / 10 + 0.05, lat: lats.lowerBound + Double(j) / 10 + 0.05)
                points.append((String(format: "p%04d-%04d", i, j), p))
            }
        }
        return points
    }

    private func estimator() throws -> ControlAreaEstimator {
        let world = try SyntheticWorld()
        let village = world.north(ofBorderAt: 36, kilometers: 10)
        return try ControlAreaEstimator(
            timeline: world.timeline([world.event("held", .control, at: village, on: .day(day("2024-08-10")))]),
            gazetteer: world.gazetteer(), geodesic: world.geodesic)
    }

    @Test func pointsInsideABoxAreTheOnesCounted() throws {
        let points = grid(lons: 35...37, lats: 51...52.5)
        let area = MultiPolygon([box(west: 35.5, south: 51.5, east: 36.5, north: 52)])
        let ids = try estimator().ids(of: points, inside: area)
        let expected = points.filter {
            (35.5...36.5).contains($0.position.lon) && (51.5...52).contains($0.position.lat)
        }
        #expect(ids.count == 50)
        #expect(ids == expected.map(\.id).sorted())
    }

    @Test func anAreaSplitAtTheAntimeridianCountsBothSides() throws {
        let east = grid(lons: 179...180, lats: 50...51)
        let west = grid(lons: -180...(-179), lats: 50...51).map { ("w" + $0.id, $0.position) }
        let area = MultiPolygon([
            box(west: 179.5, south: 50.2, east: 180, north: 50.8),
            box(west: -180, south: 50.2, east: -179.5, north: 50.8),
        ])
        let ids = try estimator().ids(of: east + west, inside: area)
        #expect(ids.count == 60)
        #expect(ids.filter { $0.hasPrefix("w") }.count == 30)
    }
}
