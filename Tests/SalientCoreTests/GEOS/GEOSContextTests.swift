import Testing

@testable import SalientCore

@Suite struct GEOSContextTests {
    /// GEOS's own complaint reaches the caller as a thrown error, not a crash or a message on stderr.
    @Test func libraryErrorsBecomeThrownErrors() throws {
        let geos = try GEOSContext()
        let error = #expect(throws: GEOSError.self) {
            try geos.lineString([PlanarPoint(x: 0, y: 0)])
        }
        #expect(error?.operation == "GEOSGeom_createLineString_r")
        #expect(error?.messages.joined().contains("IllegalArgumentException") == true)
    }

    @Test func messagesOfOneCallAreNotBlamedOnTheNext() throws {
        let geos = try GEOSContext()
        _ = try? geos.lineString([PlanarPoint(x: 0, y: 0)])
        let fine = try geos.point(PlanarPoint(x: 1, y: 2))
        #expect(try fine.pointValue() == PlanarPoint(x: 1, y: 2))
        #expect(geos.messages.isEmpty)
    }

    @Test func validityReasonNamesTheSelfIntersection() throws {
        let geos = try GEOSContext()
        let bowtie = [
            PlanarPoint(x: 0, y: 0), PlanarPoint(x: 10, y: 10), PlanarPoint(x: 10, y: 0), PlanarPoint(x: 0, y: 10),
            PlanarPoint(x: 0, y: 0),
        ]
        let polygon = try geos.polygon(Polygon(exterior: bowtie))
        #expect(try polygon.invalidityReason()?.contains("Self-intersection") == true)
        #expect(try polygon.madeValid().invalidityReason() == nil)
    }

    /// Contexts are independent: many tasks compute at once, each with its own.
    @Test func contextsWorkFromManyTasksAtOnce() async throws {
        let areas = try await withThrowingTaskGroup(of: Double.self) { group in
            for i in 0..<16 {
                group.addTask {
                    let geos = try GEOSContext()
                    return try geos.point(PlanarPoint(x: Double(i), y: 0)).buffered(byMeters: 100).planarArea()
                }
            }
            return try await group.reduce(into: []) { $0.append($1) }
        }
        #expect(areas.count == 16)
        #expect(Set(areas.map { ($0 * 1e6).rounded() }).count == 1)
    }
}
