@testable import SalientCore

/// A small gazetteer with the namesakes the drafting rules must tell apart: a city that names
/// its region, villages called like people and like common words, Cyrillic and Czech spellings.
enum DraftFixtures {
    static func place(_ id: String, _ name: String, _ kind: PlaceKind, aliases: [String] = [], local: String = "")
        -> Place
    {
        Place(
            id: id, name: name, localName: local, aliases: aliases, kind: kind, parent: "", country: "RU",
            geometry: .point(LonLat(lon: 35, lat: 51)),
            provenance: Provenance(
                source: "test", sourceID: id, sourceURL: "", licence: "CC0", uncertaintyMeters: 100, note: ""))
    }

    static let gazetteer: Gazetteer = try! Gazetteer(places: [
        place("kursk", "Kursk", .city, local: "Курск"),
        place("kursk-oblast", "Kursk Oblast", .region, aliases: ["Kursk region"]),
        place("sudzha", "Sudzha", .town, aliases: ["Sudža", "Suja"], local: "Суджа"),
        place("sudzhansky-district", "Sudzhansky district", .district, aliases: ["Sudzha district"]),
        place("syrskyi", "Syrskyi", .village),
        place("zelenskoye", "Zelenskoye", .village, aliases: ["Zelensky"]),
        place("smile", "Smile", .village),
        place("moscow", "Moscow", .city),
        place("vladimir", "Vladimir", .city),
        place("korenevo", "Korenevo", .town),
        place("glushkovo", "Glushkovo", .town),
        place("russkoye-porechnoye", "Russkoye Porechnoye", .village, aliases: ["Russkoje Poretschnoje"]),
        place("kursk-npp", "Kursk Nuclear Power Plant", .facility, aliases: ["Kursk nuclear power plant"]),
    ])

    static func draft(_ text: String, published: String? = "2024-08-14") throws -> ArticleDraft {
        try ArticleDrafter(gazetteer: gazetteer).draft(
            text: text, file: "test.txt", published: published.flatMap(CalendarDay.init))
    }

    /// The places found, as (text, id) pairs, "" for unresolved.
    static func places(_ text: String) throws -> [String] {
        try draft(text).places.map { "\($0.text)=\($0.placeID ?? "")" }
    }
}
