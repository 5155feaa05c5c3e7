import Foundation
import Testing

@testable import SalientCore
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
                let point = place.point
            else { continue }
            let polygon = try geos.multiPolygon(area.mapRings { $0.map { PlanarPoint(x: $0.lon, y: $0.lat) } })
            #expect(
                try polygon.contains(geos.point(PlanarPoint(x: point.lon, y: point.lat))),
                "\(place.id) lies outside \(parent.id)")
            checked += 1
        }
        #expect(checked > 100)
    }

    @Test(arguments: [
        ("Sudzha", "sudzha"), ("Suja", "sudzha"), ("Sudža", "sudzha"), ("Суджа", "sudzha"), ("sudzha", "sudzha"),
        ("Russkoye Porechnoye", "russkoye-porechnoye"), ("Russkoe Porechnoe", "russkoye-porechnoye"),
        ("Russkoye Porechnoe", "russkoye-porechnoye"), ("Porechnoye", "russkoye-porechnoye"),
        ("Porechnoe", "russkoye-porechnoye"),
        ("Русское Поречное", "russkoye-porechnoye"), ("Kursk NPP", "kursk-npp"),
        ("Kursk nuclear power plant", "kursk-npp"),
        ("Курская АЭС", "kursk-npp"), ("Belovsky district", "belovsky-district"),
        ("Беловский район", "belovsky-district"),
        ("Krasnoyaruzhsky district", "krasnoyaruzhsky-district"), ("Kursk region", "kursk-oblast"),
        ("Kursk's", "kursk"),
        ("Nizhniy Novgorod", "nizhny-novgorod"), ("Belgorod region", "belgorod-oblast"),
        ("Krasnaja Jaruga", "krasnaya-yaruga"),
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
        guard
            case .multiLineString(let border) = try #require(try Self.gazetteer.get().place(id: "ru-ua-border"))
                .geometry
        else {
            Issue.record("the border is not a line")
            return
        }
        let km = try Geodesic.wgs84().length(of: border.lines[0]) / 1000
        #expect(border.lines.count == 1)
        #expect(km > 650 && km < 750)
    }

    /// "did you mean" compares only names within reach of the query's length, with a bounded
    /// distance: a 10 MB unknown name is answered at once, and a near miss is still found.
    @Test func hugeUnknownNameIsAnsweredWithoutSuggestions() throws {
        let gazetteer = try Self.gazetteer.get()
        #expect(gazetteer.match(String(repeating: "Sudzhka", count: 1_500_000)) == .notFound(suggestions: []))
        guard case .notFound(let suggestions) = gazetteer.match("Sudzhaa") else {
            Issue.record("Sudzhaa matched")
            return
        }
        #expect(suggestions.contains("Sudzha"))
    }

    static func feature(_ properties: String) -> String {
        """
        {"type": "FeatureCollection", "features": [
        {"type": "Feature", "properties": {"id": "p", "name": "P", "kind": "village", "source": "s", "licence": "CC0 1.0"\(properties)},
         "geometry": {"type": "Point", "coordinates": [35.0, 51.0]}}]}
        """
    }

    @Test func negativeUncertaintyIsRefused() throws {
        let error = try #require(throws: InputError.self) {
            _ = try GazetteerReader.parse(text: Self.feature(", \"uncertainty_m\": -1"), file: "places.geojson")
        }
        #expect(
            error.description
                == "uncertainty_m is -1; an uncertainty cannot be negative (places.geojson:2, field features[0].properties.uncertainty_m)"
        )
    }

    @Test(arguments: ["name", "name_local", "aliases", "id"])
    func namesLongerThanTheLimitAreRefused(key: String) throws {
        let long = String(repeating: "a", count: Limits.nameCharacters + 1)
        let value = key == "aliases" ? "[\"\(long)\"]" : "\"\(long)\""
        let text = Self.feature(", \"\(key)\": \(value)").replacingOccurrences(
            of: "\"id\": \"p\", \"name\": \"P\", ",
            with:
                key == "id"
                ? "\"name\": \"P\", " : key == "name" ? "\"id\": \"p\", " : "\"id\": \"p\", \"name\": \"P\", ")
        let error = try #require(throws: InputError.self) {
            _ = try GazetteerReader.parse(text: text, file: "places.geojson")
        }
        let noun = key == "aliases" ? "alias" : key.replacingOccurrences(of: "_", with: " ")
        #expect(
            error.description == "a \(noun) of 201 characters is longer than Salient accepts (200) "
                + "(places.geojson:2, field features[0].properties.\(key))")
        let fits = Self.feature(", \"aliases\": [\"\(String(repeating: "a", count: Limits.nameCharacters))\"]")
        #expect(try GazetteerReader.parse(text: fits, file: "places.geojson").count == 1)
    }

    @Test func idWithAControlCharacterIsRefused() throws {
        let text = Self.feature("").replacingOccurrences(of: "\"id\": \"p\"", with: "\"id\": \"p\\n\"")
        let error = try #require(throws: InputError.self) {
            _ = try GazetteerReader.parse(text: text, file: "places.geojson")
        }
        #expect(
            error.description
                == "the id 'p\\n' holds a control character (places.geojson:2, field features[0].properties.id) "
                + "— ids are written on one line, without control characters")
    }
}
