import Foundation
import SalientCore
import Testing
@testable import SalientIO

/// The project's own gazetteer: complete for the seed articles, sourced, and consistent.
@Suite struct GazetteerReaderTests {
    static let gazetteer = Result { try GazetteerReader.read(folder: Paths.gazetteer) }

    @Test(arguments: [
        ("sudzha", "town"), ("russkoye-porechnoye", "village"), ("belgorod", "city"), ("kursk-npp", "facility"),
        ("kursk", "city"), ("kurchatov", "town"), ("belaya", "village"), ("belovsky-district", "district"),
        ("krasnaya-yaruga", "town"), ("krasnoyaruzhsky-district", "district"), ("voronezh", "city"),
        ("nizhny-novgorod", "city"), ("sumy", "city"), ("kursk-oblast", "region"), ("belgorod-oblast", "region"),
        ("ru-ua-border", "border"),
    ])
    func seedPlacesArePresent(id: String, kind: String) throws {
        let place = try #require(try Self.gazetteer.get().place(id: id))
        #expect(place.kind.rawValue == kind)
    }

    @Test func everyCoordinateNamesItsSourceAndLicence() throws {
        for place in try Self.gazetteer.get().places {
            #expect(!place.provenance.source.isEmpty && !place.provenance.sourceID.isEmpty, "\(place.id) has no source")
            #expect(!place.provenance.licence.isEmpty, "\(place.id) has no licence")
            #expect(place.provenance.uncertaintyMeters > 0, "\(place.id) states no uncertainty")
        }
    }

    /// Each settlement lies inside the area its `parent` names, where the gazetteer has it.
    @Test func settlementsLieInTheirParentArea() throws {
        let gazetteer = try Self.gazetteer.get()
        let geos = try GEOSContext()
        var checked = 0
        for place in gazetteer.places where place.kind.isSettlement {
            guard let parent = gazetteer.place(id: place.parent), case .multiPolygon(let area) = parent.geometry,
                  let point = place.point else { continue }
            let polygon = try geos.multiPolygon(area.mapRings { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } })
            #expect(try polygon.contains(geos.point(PlanarPoint(x: point.lon, y: point.lat))), "\(place.id) lies outside \(parent.id)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test(arguments: [
        ("Sudzha", "sudzha"), ("Suja", "sudzha"), ("Sudža", "sudzha"), ("Суджа", "sudzha"), ("sudzha", "sudzha"),
        ("Russkoye Porechnoye", "russkoye-porechnoye"), ("Russkoe Porechnoe", "russkoye-porechnoye"),
        ("Russkoye Porechnoe", "russkoye-porechnoye"), ("Porechnoye", "russkoye-porechnoye"), ("Porechnoe", "russkoye-porechnoye"),
        ("Русское Поречное", "russkoye-porechnoye"), ("Kursk NPP", "kursk-npp"), ("Kursk nuclear power plant", "kursk-npp"),
        ("Курская АЭС", "kursk-npp"), ("Belovsky district", "belovsky-district"), ("Беловский район", "belovsky-district"),
        ("Krasnoyaruzhsky district", "krasnoyaruzhsky-district"), ("Kursk region", "kursk-oblast"), ("Kursk's", "kursk"),
        ("Nizhniy Novgorod", "nizhny-novgorod"), ("Belgorod region", "belgorod-oblast"), ("Krasnaja Jaruga", "krasnaya-yaruga"),
    ])
    func aliasesAndSpellingsResolve(name: String, id: String) throws {
        guard case .found(let place) = try Self.gazetteer.get().match(name) else {
            Issue.record("'\(name)' did not resolve")
            return
        }
        #expect(place.id == id)
    }

    /// A distance measured in the local projection centred on one place equals the geodesic
    /// (geod_inverse) within 1 m, which is what lets distances to lines be taken in the plane.
    @Test func projectedDistancesBetweenPlacesEqualGeodesics() throws {
        let gazetteer = try Self.gazetteer.get()
        let geodesic = try Geodesic.wgs84()
        let ids = ["sudzha", "russkoye-porechnoye", "kursk-npp", "kursk", "belgorod", "krasnaya-yaruga", "sumy"]
        let places = try ids.map { try #require(gazetteer.place(id: $0)?.point) }
        for origin in places {
            let projector = try LocalMetricProjection(center: origin).makeProjector(context: PROJContext())
            let o = try projector.project(origin)
            for other in places where other != origin {
                let p = try projector.project(other)
                let planar = ((p.x - o.x) * (p.x - o.x) + (p.y - o.y) * (p.y - o.y)).squareRoot()
                #expect(abs(planar - geodesic.distance(origin, other)) < 1)
            }
        }
    }

    @Test func borderIsOneLineOfPlausibleLength() throws {
        guard case .multiLineString(let border) = try #require(try Self.gazetteer.get().place(id: "ru-ua-border")).geometry else {
            Issue.record("the border is not a line")
            return
        }
        let km = try Geodesic.wgs84().length(of: border.lines[0]) / 1000
        #expect(border.lines.count == 1)
        #expect(km > 650 && km < 750)
    }
}
