/// Why a set of places cannot form a gazetteer: indexes into the list given.
public enum GazetteerConflict: Error, Hashable, Sendable {
    case duplicateID(String, first: Int, second: Int)
    case empty
}

/// The answer to a name lookup.
public enum PlaceMatch: Hashable, Sendable {
    case found(Place)
    /// Several places answer to the name equally well; the timeline must use an id.
    case ambiguous([Place])
    /// Nothing answers; the nearest names, best first.
    case notFound(suggestions: [String])
}

/// Named places with geometry and provenance, looked up by any spelling of their names.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let indexByID: [String: Int]
    /// Folded key → (place index, how strong the match is: 0 id, 1 name, 2 alias).
    private let index: [String: [(place: Int, strength: Int)]]

    public init(places: [Place]) throws(GazetteerConflict) {
        guard !places.isEmpty else { throw .empty }
        var byID: [String: Int] = [:]
        var index: [String: [(place: Int, strength: Int)]] = [:]
        for (i, place) in places.enumerated() {
            if let first = byID[place.id] { throw .duplicateID(place.id, first: first, second: i) }
            byID[place.id] = i
            let named: [(String, Int)] = [(place.id, 0), (place.name, 1), (place.localName, 1)] + place.aliases.map { ($0, 2) }
            for (name, strength) in named {
                let key = NameFolding.key(name)
                guard !key.isEmpty else { continue }
                if let at = index[key, default: []].firstIndex(where: { $0.place == i }) {
                    index[key]![at].strength = min(index[key]![at].strength, strength)
                } else {
                    index[key, default: []].append((i, strength))
                }
            }
        }
        self.places = places
        self.indexByID = byID
        self.index = index
    }

    public func place(id: String) -> Place? {
        indexByID[id].map { places[$0] }
    }

    /// Finds the place a name refers to, trying in turn the name as written, without English
    /// possessives, and as "X region / oblast / district" naming a region or district.
    public func match(_ query: String) -> PlaceMatch {
        if let exact = indexByID[query] { return .found(places[exact]) }
        let words = NameFolding.words(of: query)
        var attempts = [words]
        let possessiveless = words.map { $0.hasSuffix("s") && query.contains(where: { "'’".contains($0) }) ? String($0.dropLast()) : $0 }
        if possessiveless != words { attempts.append(possessiveless) }
        for attempt in attempts {
            if let found = best(index[attempt.joined()] ?? []) { return found }
            if let last = attempt.last, attempt.count > 1, let kinds = Self.kindWords[last] {
                let stem = attempt.dropLast().joined()
                let hits = places.indices.filter { i in
                    kinds.contains(places[i].kind) && places[i].allNames.contains { name in
                        let w = NameFolding.words(of: name)
                        return (Self.kindWords[w.last ?? ""] != nil ? w.dropLast() : w[...]).joined() == stem
                    }
                }
                if let found = best(hits.map { ($0, 1) }) { return found }
            }
        }
        return .notFound(suggestions: suggestions(for: words.joined()))
    }

    private func best(_ hits: [(place: Int, strength: Int)]) -> PlaceMatch? {
        guard let strongest = hits.map(\.strength).min() else { return nil }
        let top = hits.filter { $0.strength == strongest }.map(\.place).sorted()
        return top.count == 1 ? .found(places[top[0]]) : .ambiguous(top.map { places[$0] })
    }

    private static let kindWords: [String: Set<PlaceKind>] = [
        "region": [.region], "oblast": [.region], "province": [.region], "obl": [.region],
        "district": [.district], "raion": [.district], "rayon": [.district],
    ]

    /// Up to three place names whose spellings are closest to the key. The distance is
    /// bounded and keys whose length alone rules them out are skipped, so a long unknown name
    /// costs about as much as a short one.
    private func suggestions(for key: String) -> [String] {
        guard !key.isEmpty else { return [] }
        let characters = Array(key)
        let limit = max(2, characters.count / 3)
        var bestByPlace: [Int: Int] = [:]
        for (candidate, hits) in index {
            // utf8.count bounds the character count from above: a cheap first test.
            guard candidate.utf8.count >= characters.count - limit,
                  let distance = NameFolding.editDistance(characters, Array(candidate), limit: limit) else { continue }
            for hit in hits where distance < bestByPlace[hit.place, default: .max] {
                bestByPlace[hit.place] = distance
            }
        }
        return bestByPlace.sorted { ($0.value, places[$0.key].name, $0.key) < ($1.value, places[$1.key].name, $1.key) }
            .prefix(3).map { places[$0.key].name }
    }
}
