import Foundation
import SalientCore

/// `salient gazetteer import geonames`: GeoNames dump rows as gazetteer places.
public enum GeoNamesImport {
    public struct Inputs: Sendable {
        public var dumps: [String]
        public var alternateNames: [String] = []
        public var admin1Codes: String?
        public var admin2Codes: String?
        public var filter = GeoNamesFilter()
        /// ISO 639 codes whose names become aliases (`ru`, `uk`, `en`).
        public var languages: [String] = []

        public init(dumps: [String]) { self.dumps = dumps }
    }

    /// The language of a country's `name_local`, for the countries whose names come in Cyrillic.
    static let localLanguage = ["RU": "ru", "UA": "uk", "BY": "be", "KZ": "kk", "BG": "bg", "RS": "sr", "MK": "mk"]

    public static let licence = "CC BY 4.0"

    /// Reads the inputs and merges them into the folder's `places.geojson`.
    public static func run(_ inputs: Inputs, into folder: String) throws -> GazetteerImportSummary {
        let dumpRecords = try GeoNamesDump.records(in: inputs.dumps, filter: inputs.filter)
        let ids = Set(dumpRecords.map(\.geonameID))
        let countries = Set(dumpRecords.map(\.countryCode))
        let wantedLanguages = Set(inputs.languages).union(countries.compactMap { localLanguage[$0] })
        let names = try GeoNamesAlternateNames.read(inputs.alternateNames, geonameIDs: ids, languages: wantedLanguages)
        let admin1 = try inputs.admin1Codes.map(GeoNamesAdminCodes.read) ?? [:]
        let admin2 = try inputs.admin2Codes.map(GeoNamesAdminCodes.read) ?? [:]
        let known = try GazetteerImport.existingFiles(in: folder).flatMap(\.places).map(\.0)
        // Indexing the gazetteer's names is only worth it when there are divisions to look up.
        let parents = ParentResolver(existing: admin1.isEmpty && admin2.isEmpty ? [] : known)
        var records = dumpRecords.map { record in
            let parent = parentID(record, admin1: admin1, admin2: admin2, parents: parents)
            let place = self.place(
                record, names: names[record.geonameID] ?? [], haveNameFile: !inputs.alternateNames.isEmpty,
                languages: Set(inputs.languages), parent: parent)
            let proposal = ImportedPlace(
                place: place, slug: slug(record), sourceKey: String(record.geonameID),
                knowsLocalName: place.localName != record.name)
            return ImportRecord(proposal: proposal, file: record.file, line: record.line, field: "geonameid")
        }
        // Where the division codes name no parent, the gazetteer's own outlines may hold the point.
        if records.contains(where: { $0.proposal.place.parent.isEmpty }), known.contains(where: { $0.point == nil }) {
            try OSMGeoJSONImport.assignParents(
                &records, areas: known.map { ($0.id, $0) }, keepingGiven: true)
        }
        return try GazetteerImport.merge(into: folder, targets: [("places.geojson", records)])
    }

    static func slug(_ record: GeoNamesRecord) -> String {
        let fromASCII = GazetteerMerge.slug(record.asciiName)
        let slug = fromASCII.isEmpty ? GazetteerMerge.slug(record.name) : fromASCII
        return slug.isEmpty ? "geonames-\(record.geonameID)" : slug
    }

    static func place(
        _ record: GeoNamesRecord, names: [GeoNamesAlternateNames.Name], haveNameFile: Bool,
        languages: Set<String>, parent: String
    ) -> Place {
        let kind =
            GeoNamesKinds.kind(
                featureClass: record.featureClass, featureCode: record.featureCode,
                population: record.population) ?? .village
        let local = localLanguage[record.countryCode].flatMap { language in
            let inLanguage = names.filter { $0.language == language && !$0.isHistoric }
            return (inLanguage.first { $0.isPreferred } ?? inLanguage.first)?.text
        }
        var aliases: Set<String> = record.asciiName.isEmpty || record.asciiName == record.name ? [] : [record.asciiName]
        if haveNameFile {
            aliases.formUnion(names.filter { languages.contains($0.language) }.map(\.text))
        } else {
            // Without language tags, keep the dump's own alternate names that a timeline could use:
            // Latin or Cyrillic spellings, not codes (IATA, ICAO) or other scripts' romanisations.
            aliases.formUnion(record.alternateNames.filter(isUsableAlias))
        }
        let provenance = Provenance(
            source: "GeoNames dump (record modified \(record.modificationDate))",
            sourceID: "geonames:\(record.geonameID)", sourceURL: "https://www.geonames.org/\(record.geonameID)",
            licence: licence, uncertaintyMeters: GeoNamesKinds.uncertaintyMeters(kind), note: "")
        return Place(
            id: "", name: record.name, localName: local ?? record.name,
            aliases: aliases.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }, kind: kind, parent: parent,
            country: record.countryCode, geometry: .point(record.position), provenance: provenance)
    }

    static func isUsableAlias(_ name: String) -> Bool {
        guard name.count <= 60, name.contains(where: \.isLetter) else { return false }
        if name.count <= 4, name == name.uppercased() { return false }
        let scalars = name.unicodeScalars
        let latin = scalars.contains {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || (0xC0...0x24F).contains($0.value)
        }
        let cyrillic = scalars.contains { (0x400...0x4FF).contains($0.value) }
        let allowed = scalars.allSatisfy { s in
            s.properties.isAlphabetic
                ? (s.value < 0x250 || (0x400...0x4FF).contains(s.value)) : " -'’.()".unicodeScalars.contains(s)
        }
        return allowed && latin != cyrillic
    }

    /// The district (admin2) when its codes were given and it is known, else the region (admin1).
    static func parentID(
        _ record: GeoNamesRecord, admin1: [String: GeoNamesAdminCodes.Division],
        admin2: [String: GeoNamesAdminCodes.Division], parents: ParentResolver
    ) -> String {
        let region = "\(record.countryCode).\(record.admin1Code)"
        if !record.admin2Code.isEmpty, let district = admin2["\(region).\(record.admin2Code)"] {
            return parents.id(for: district, kind: .district, country: record.countryCode)
        }
        if let division = admin1[region] {
            return parents.id(for: division, kind: .region, country: record.countryCode)
        }
        return ""
    }
}

/// Finds the gazetteer's id for a GeoNames region or district: the place imported from its
/// own record, else the region or district of that country that answers to its name (as
/// `Kursk Oblast` or `Kursk region`), else a slug of its name.
struct ParentResolver {
    let gazetteer: Gazetteer?
    let bySource: [String: String]

    init(existing: [Place]) {
        gazetteer = try? Gazetteer(places: existing)
        bySource = Dictionary(existing.map { ($0.provenance.sourceID, $0.id) }, uniquingKeysWith: { first, _ in first })
    }

    func id(for division: GeoNamesAdminCodes.Division, kind: PlaceKind, country: String) -> String {
        if !division.geonameID.isEmpty, let id = bySource["geonames:\(division.geonameID)"] { return id }
        let word = kind == .region ? "region" : "district"
        for query in [division.name, division.asciiName, "\(division.asciiName) \(word)"] where !query.isEmpty {
            if case .found(let place) = gazetteer?.match(query), place.kind == kind, place.country == country {
                return place.id
            }
        }
        return GazetteerMerge.slug(division.asciiName.isEmpty ? division.name : division.asciiName)
    }
}
