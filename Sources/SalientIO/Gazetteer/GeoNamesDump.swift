import Foundation
import SalientCore

/// One row of a GeoNames dump (`allCountries.txt`, `RU.txt`, `cities500.txt`): the 19 columns
/// of the GeoNames readme, with the line it came from.
public struct GeoNamesRecord: Hashable, Sendable {
    public static let columns = [
        "geonameid", "name", "asciiname", "alternatenames", "latitude", "longitude", "feature class",
        "feature code", "country code", "cc2", "admin1 code", "admin2 code", "admin3 code", "admin4 code",
        "population", "elevation", "dem", "timezone", "modification date",
    ]

    public var geonameID: Int
    public var name: String
    public var asciiName: String
    public var alternateNames: [String]
    public var position: LonLat
    public var featureClass: String
    public var featureCode: String
    public var countryCode: String
    public var admin1Code: String
    public var admin2Code: String
    public var population: Int
    public var modificationDate: String
    public var file: String
    public var line: Int
}

/// The filters of `salient gazetteer import geonames`; an empty set lets everything through.
public struct GeoNamesFilter: Sendable {
    public var countries: Set<String> = []
    /// `41` (any country's admin1 41) or `RU.41`.
    public var admin1: Set<String> = []
    public var featureClasses: Set<String> = ["P"]
    /// West, south, east, north in degrees; west > east crosses the antimeridian.
    public var bbox: (west: Double, south: Double, east: Double, north: Double)?
    public var minPopulation = 0

    public init() {}

    func admits(_ record: GeoNamesRecord) -> Bool {
        guard featureClasses.contains(record.featureClass), record.population >= minPopulation else { return false }
        if !countries.isEmpty, !countries.contains(record.countryCode) { return false }
        if !admin1.isEmpty, !admin1.contains(record.admin1Code),
            !admin1.contains("\(record.countryCode).\(record.admin1Code)")
        {
            return false
        }
        if let box = bbox {
            let p = record.position
            guard (box.south...box.north).contains(p.lat) else { return false }
            let inLongitude =
                box.west <= box.east ? (box.west...box.east).contains(p.lon) : p.lon >= box.west || p.lon <= box.east
            guard inLongitude else { return false }
        }
        return !GeoNamesKinds.notPlaces.contains(record.featureCode)
    }
}

/// How GeoNames feature codes become Salient kinds (README, "Importing a gazetteer").
public enum GeoNamesKinds {
    /// Seats of government: a city from 100,000 people, a town below.
    static let seats: Set<String> = ["PPLC", "PPLA", "PPLA2"]
    /// Populated-place codes that name no settlement of their own: a section of a city, a
    /// historical place, a former capital.
    static let notPlaces: Set<String> = ["PPLX", "PPLH", "PPLCH"]

    public static func kind(featureClass: String, featureCode: String, population: Int) -> PlaceKind? {
        switch featureClass {
        case "S": return .facility
        case "P" where seats.contains(featureCode): return population >= 100_000 ? .city : .town
        case "P": return population >= 100_000 ? .city : population >= 5_000 ? .town : .village
        default: return nil
        }
    }

    /// The bundled gazetteer's settlement-size allowances, which are not measured errors.
    public static func uncertaintyMeters(_ kind: PlaceKind) -> Double {
        switch kind {
        case .city: return 3_000
        case .town: return 1_500
        default: return 1_000
        }
    }
}

enum GeoNamesDump {
    /// Every record of the files that the filter admits; every line is checked, admitted or not.
    static func records(in paths: [String], filter: GeoNamesFilter) throws -> [GeoNamesRecord] {
        var records: [GeoNamesRecord] = []
        for path in paths {
            try TabSeparatedLines.forEach(in: path) { bytes, line, file in
                guard !bytes.isEmpty else { return }
                let record = try parse(bytes, file: file, line: line)
                if filter.admits(record) { records.append(record) }
            }
        }
        return records
    }

    static func parse(_ bytes: ArraySlice<UInt8>, file: String, line: Int) throws -> GeoNamesRecord {
        let c = try TabSeparatedLines.columns(of: bytes, names: GeoNamesRecord.columns, file: file, line: line)
        func fail(_ column: Int, _ message: String, hint: String? = nil) -> InputError {
            InputError(message, file: file, line: line, field: GeoNamesRecord.columns[column], hint: hint)
        }
        guard let id = Int(c[0]), id > 0 else { throw fail(0, "expected a positive whole number, found '\(c[0])'") }
        guard !c[1].isEmpty else { throw fail(1, "the name is empty") }
        guard let lat = Double(c[4]), lat.isFinite else { throw fail(4, "expected a number, found '\(c[4])'") }
        guard let lon = Double(c[5]), lon.isFinite else { throw fail(5, "expected a number, found '\(c[5])'") }
        guard (-90...90).contains(lat) else {
            throw fail(
                4, "latitude \(c[4]) is out of range [-90, 90]", hint: "the dump gives latitude before longitude")
        }
        guard (-180...180).contains(lon) else { throw fail(5, "longitude \(c[5]) is out of range [-180, 180]") }
        let population: Int
        if c[14].isEmpty {
            population = 0
        } else if let n = Int(c[14]), n >= 0 {
            population = n
        } else {
            throw fail(14, "expected a whole number of people, found '\(c[14])'")
        }
        return GeoNamesRecord(
            geonameID: id, name: c[1], asciiName: c[2],
            alternateNames: c[3].isEmpty ? [] : c[3].split(separator: ",").map(String.init),
            position: LonLat(lon: lon, lat: lat), featureClass: c[6], featureCode: c[7], countryCode: c[8],
            admin1Code: c[10], admin2Code: c[11], population: population, modificationDate: c[18], file: file,
            line: line)
    }
}

/// `alternateNamesV2.txt` (10 columns) or the older `alternateNames.txt` (8): names by language.
enum GeoNamesAlternateNames {
    struct Name: Hashable {
        var text: String
        var language: String
        var isPreferred: Bool
        var isHistoric: Bool
    }

    static let columns = [
        "alternateNameId", "geonameid", "isolanguage", "alternate name", "isPreferredName",
        "isShortName", "isColloquial", "isHistoric", "from", "to",
    ]

    /// The names, in file order, of the places wanted, in the languages wanted.
    static func read(_ paths: [String], geonameIDs: Set<Int>, languages: Set<String>) throws -> [Int: [Name]] {
        var names: [Int: [Name]] = [:]
        for path in paths {
            try TabSeparatedLines.forEach(in: path) { bytes, line, file in
                guard !bytes.isEmpty else { return }
                let c = try TabSeparatedLines.columns(
                    of: bytes, names: columns, accepting: [8, 10], file: file, line: line)
                guard let id = Int(c[1]) else {
                    throw InputError(
                        "expected a whole number, found '\(c[1])'", file: file, line: line, field: "geonameid")
                }
                guard geonameIDs.contains(id), languages.contains(c[2]), !c[3].isEmpty else { return }
                names[id, default: []].append(
                    Name(text: c[3], language: c[2], isPreferred: c[4] == "1", isHistoric: c[7] == "1"))
            }
        }
        return names
    }
}

/// `admin1CodesASCII.txt` (`RU.41`) and `admin2Codes.txt` (`RU.41.1234`): the names of the
/// regions and districts that records name by code.
enum GeoNamesAdminCodes {
    struct Division: Hashable {
        var name: String
        var asciiName: String
        var geonameID: String
    }

    static func read(_ path: String) throws -> [String: Division] {
        var divisions: [String: Division] = [:]
        try TabSeparatedLines.forEach(in: path) { bytes, line, file in
            guard !bytes.isEmpty else { return }
            let c = try TabSeparatedLines.columns(
                of: bytes, names: ["code", "name", "asciiname", "geonameid"],
                file: file, line: line)
            divisions[c[0]] = Division(name: c[1], asciiName: c[2], geonameID: c[3])
        }
        return divisions
    }
}
