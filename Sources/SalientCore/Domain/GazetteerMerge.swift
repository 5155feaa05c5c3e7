import Foundation

/// A place an import proposes, before the merge gives it an id.
public struct ImportedPlace: Hashable, Sendable {
    /// The place as the source describes it; its `id` is ignored, and `provenance.sourceID`
    /// (`geonames:486816`, `osm:node/123`) is what matches it to a place imported before.
    public var place: Place
    /// The id it gets when nothing else has it: a slug of its name.
    public var slug: String
    /// The last resort that tells namesakes apart: the record's own id in its source (`486816`, `node-123`).
    public var sourceKey: String
    /// False when `place.localName` only repeats the name for want of a better one (a dump read
    /// without its alternate names): an update then keeps the local name the place had.
    public var knowsLocalName: Bool

    public init(place: Place, slug: String, sourceKey: String, knowsLocalName: Bool = true) {
        self.place = place
        self.slug = slug
        self.sourceKey = sourceKey
        self.knowsLocalName = knowsLocalName
    }
}

/// Why an import cannot be merged; indexes point into the lists given to `GazetteerMerge.merge`.
public enum GazetteerMergeConflict: Error, Hashable, Sendable {
    /// Two incoming records carry one source id but describe different places.
    case sourceGivenTwice(sourceID: String, first: Int, second: Int)
    /// Two places already in the file carry the same source id, so neither can be updated safely.
    case sourceHeldTwice(sourceID: String, first: Int, second: Int)
    /// Every id the rules allow for this record is held by another place.
    case idTaken(id: String, incoming: Int)
}

/// What a merge wrote and what it changed.
public struct GazetteerMergeResult: Hashable, Sendable {
    /// The file's places after the merge, in id order (bytewise, as the gazetteer files are sorted).
    public var places: [Place]
    public var added: Int
    public var updated: Int
    /// Places of the file left as they were: hand-made ones, imported ones the source did not
    /// change, and imported ones this import did not include.
    public var kept: Int
    /// Incoming records already present in another file of the gazetteer, left there untouched.
    public var elsewhere: Int
}

/// The rules that merge an import into one gazetteer file, as pure values:
/// - a place whose `source_id` matches an incoming record's is rebuilt from the record but keeps
///   its id (ids are stable), and its parent and local name when the import knows none; it counts as updated
///   only when that changes any field, so a second run of the same import changes nothing;
/// - places without a matching `source_id` (hand-made ones among them) are never touched;
/// - a new place gets its slug, or when another place has that slug or another incoming record
///   shares it, `slug-parent`, or when that is also shared, `slug-sourceKey`.
public enum GazetteerMerge {
    /// - Parameters:
    ///   - existing: the places of the file the import writes.
    ///   - idsElsewhere: ids held by the gazetteer's other files, which no new place may take.
    ///   - sourceIDsElsewhere: source ids of the other files' places; such records are left alone.
    public static func merge(
        existing: [Place], idsElsewhere: Set<String>, sourceIDsElsewhere: Set<String>,
        incoming: [ImportedPlace]
    ) throws(GazetteerMergeConflict) -> GazetteerMergeResult {
        // A district's label point or a facility may borrow a town's record (belovsky-district
        // carries Belaya's geonames id, kursk-npp Kurchatov's): a record only ever matches
        // places of its own kind group.
        func key(_ place: Place) -> String { "\(place.provenance.sourceID) \(group(place.kind))" }
        let incomingKeys = Set(incoming.map { key($0.place) })
        var existingBySource: [String: Int] = [:]
        for (i, place) in existing.enumerated() where !place.provenance.sourceID.isEmpty {
            // Two holders are only a problem when an import would have to choose between them.
            if let first = existingBySource[key(place)], incomingKeys.contains(key(place)) {
                throw .sourceHeldTwice(sourceID: place.provenance.sourceID, first: first, second: i)
            }
            existingBySource[key(place)] = existingBySource[key(place)] ?? i
        }

        var incomingBySource: [String: Int] = [:]
        var records: [Int] = []
        for (i, record) in incoming.enumerated() {
            let sourceID = record.place.provenance.sourceID
            if let first = incomingBySource[sourceID] {
                // The same record in two dumps (RU.txt and allCountries.txt) is harmless; two versions are not.
                guard incoming[first] == record else {
                    throw .sourceGivenTwice(sourceID: sourceID, first: first, second: i)
                }
                continue
            }
            incomingBySource[sourceID] = i
            records.append(i)
        }

        var places = existing
        var updated = 0
        var elsewhere = 0
        var fresh: [Int] = []
        for i in records {
            let record = incoming[i]
            if let at = existingBySource[key(record.place)] {
                var rebuilt = record.place
                rebuilt.id = existing[at].id
                if rebuilt.parent.isEmpty { rebuilt.parent = existing[at].parent }
                if !record.knowsLocalName { rebuilt.localName = existing[at].localName }
                if rebuilt != existing[at] {
                    places[at] = rebuilt
                    updated += 1
                }
            } else if sourceIDsElsewhere.contains(record.place.provenance.sourceID) {
                elsewhere += 1
            } else {
                fresh.append(i)
            }
        }

        var taken = idsElsewhere.union(existing.map(\.id))
        for (i, id) in try newIDs(for: fresh, of: incoming, taken: taken) {
            var place = incoming[i].place
            place.id = id
            taken.insert(id)
            places.append(place)
        }
        places.sort { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        return GazetteerMergeResult(
            places: places, added: fresh.count, updated: updated,
            kept: existing.count - updated, elsewhere: elsewhere)
    }

    /// A settlement stays one as its population moves it between city, town and village;
    /// facilities, areas (and their label points) and borders are each their own group.
    static func group(_ kind: PlaceKind) -> String {
        switch kind {
        case .city, .town, .village: return "settlement"
        case .facility: return "facility"
        case .district, .region: return "area"
        case .border: return "border"
        }
    }

    /// Ids for new records, decided stage by stage over all of them at once, so that the result
    /// does not depend on the order of the rows: a candidate is used only when no other record
    /// of the same stage wants it and no existing place has it.
    private static func newIDs(
        for fresh: [Int], of incoming: [ImportedPlace],
        taken: Set<String>
    ) throws(GazetteerMergeConflict) -> [(Int, String)] {
        let stages: [(ImportedPlace) -> String?] = [
            { $0.slug },
            { $0.place.parent.isEmpty || $0.place.parent == $0.slug ? nil : "\($0.slug)-\($0.place.parent)" },
            { "\($0.slug)-\($0.sourceKey)" },
        ]
        var assigned: [(Int, String)] = []
        var taken = taken
        var pending = fresh
        for (stage, candidate) in stages.enumerated() {
            var wanted: [String: [Int]] = [:]
            for i in pending {
                if let id = candidate(incoming[i]) { wanted[id, default: []].append(i) }
            }
            var next: [Int] = []
            for i in pending {
                guard let id = candidate(incoming[i]), wanted[id]!.count == 1, !taken.contains(id) else {
                    if stage == stages.count - 1 { throw .idTaken(id: candidate(incoming[i]) ?? "", incoming: i) }
                    next.append(i)
                    continue
                }
                assigned.append((i, id))
            }
            // Ids given at this stage are taken before the next stage looks.
            for (_, id) in assigned { taken.insert(id) }
            pending = next
        }
        return assigned
    }

    /// A lowercase ASCII id made of a name's words: diacritics dropped, Cyrillic transliterated
    /// (BGN/PCGN, simplified), apostrophes removed, other characters joining words with `-`.
    /// `L’gov` → `lgov`, `Sudža` → `sudza`, `Русское Поречное` → `russkoye-porechnoye`.
    public static func slug(_ name: String) -> String {
        var latin = ""
        let scalars = Array(name.lowercased().precomposedStringWithCanonicalMapping.unicodeScalars)
        for (i, scalar) in scalars.enumerated() {
            if "'’ʼ`ʹ‘ʺ\"".unicodeScalars.contains(scalar) { continue }
            if let roman = cyrillic[scalar] {
                // BGN/PCGN: е is ye at the start of a word and after a vowel or a sign (Русское → russkoye).
                let iotated =
                    i == 0 || !scalars[i - 1].properties.isAlphabetic || vowelsAndSigns.contains(scalars[i - 1])
                latin += iotated && scalar == "е" ? "ye" : roman
                continue
            }
            // Latin letters with diacritics decompose into an ASCII letter and marks, which are dropped.
            var wrote = false
            for part in String(scalar).decomposedStringWithCompatibilityMapping.unicodeScalars {
                if part.isASCII, part.properties.isAlphabetic || ("0"..."9").contains(part) {
                    latin.unicodeScalars.append(part)
                    wrote = true
                } else if part.properties.generalCategory == .nonspacingMark {
                    wrote = true
                }
            }
            if scalar == "ß" { latin += "ss" } else if !wrote { latin += "-" }
        }
        return latin.split(separator: "-").joined(separator: "-")
    }

    private static let vowelsAndSigns = Set("аеёиоуыэюяйъьєії".unicodeScalars)

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ж": "zh", "з": "z", "и": "i", "к": "k",
        "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f",
        "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e",
        "ю": "yu", "я": "ya", "є": "ye", "і": "i", "ї": "yi", "й": "y", "ё": "yo", "ґ": "g", "ў": "w",
    ]
}
