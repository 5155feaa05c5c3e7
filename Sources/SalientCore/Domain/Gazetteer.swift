import Foundation

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

/// How a name reached the place it found: what a plausibility check needs to know.
public enum MatchRoute: Int, Comparable, Hashable, Sendable {
    /// The id, the name or the local name as written (case, diacritics, spacing and Cyrillic
    /// transliteration aside).
    case direct
    /// Only through an alias, or through the levelling of romanisation systems.
    case aliasOrLevelling

    public static func < (a: MatchRoute, b: MatchRoute) -> Bool { a.rawValue < b.rawValue }
}

/// A namesake the context could not rule out, with what a reader needs to choose.
public struct Candidate: Hashable, Sendable {
    public var place: Place
    /// Geodesic distance from the territory, metres (0 inside it); nil without a territory
    /// or for a place that has no point.
    public var distanceMeters: Double?
}

/// The answer to a lookup made in a timeline's context.
public enum Resolution: Hashable, Sendable {
    case found(Place, route: MatchRoute)
    /// Still ambiguous after the context: every candidate left, inside or nearest the
    /// territory first.
    case ambiguous([Candidate])
    /// Places answer to the name, but none in the parent named.
    case notInParent(parent: String, candidates: [Place])
    case notFound(suggestions: [String])
}

/// Named places with geometry and provenance, looked up by any spelling of their names.
public struct Gazetteer: Sendable {
    public let places: [Place]
    private let indexByID: [String: Int]
    /// Folded key → (place index, how strong the match is: 1 id or name, 2 alias). A folded id
    /// ranks with names: an importer's slug ("ivanovka") must not make one namesake win.
    private let index: [String: [(place: Int, strength: Int)]]

    public init(places: [Place]) throws(GazetteerConflict) {
        guard !places.isEmpty else { throw .empty }
        var byID: [String: Int] = [:]
        byID.reserveCapacity(places.count)
        for i in places.indices {
            if let first = byID.updateValue(i, forKey: places[i].id) {
                throw .duplicateID(places[i].id, first: first, second: i)
            }
        }
        let keys = Self.foldedNames(of: places)
        var index: [String: [(place: Int, strength: Int)]] = [:]
        index.reserveCapacity(places.count * 2)
        for (i, named) in keys.enumerated() {
            for (key, strength) in named {
                index[key, default: []].append((i, strength))
            }
        }
        self.places = places
        self.indexByID = byID
        self.index = index
    }

    /// Each place's folded names with the strength of their match (1 id or name, 2 alias),
    /// each key once at its strongest and none empty. Folding is most of a large gazetteer's
    /// loading and each place folds alone, so the places are folded in parallel chunks.
    private static func foldedNames(of places: [Place]) -> [[(key: String, strength: Int)]] {
        places.chunkedConcurrentMap(chunk: 4096) { foldedNames(of: $0) }
    }

    private static func foldedNames(of place: Place) -> [(key: String, strength: Int)] {
        var named: [(key: String, strength: Int)] = []
        var seen: [String] = []
        for (name, strength) in [(place.id, 1), (place.name, 1), (place.localName, 1)] + place.aliases.map({ ($0, 2) })
        {
            // Aliases often repeat the name or each other; each spelling is folded once.
            guard !seen.contains(name) else { continue }
            seen.append(name)
            let key = NameFolding.key(name)
            guard !key.isEmpty else { continue }
            if let at = named.firstIndex(where: { $0.key == key }) {
                named[at].strength = min(named[at].strength, strength)
            } else {
                named.append((key, strength))
            }
        }
        return named
    }

    public func place(id: String) -> Place? {
        indexByID[id].map { places[$0] }
    }

    /// The place's position in `places`.
    public func index(ofPlace id: String) -> Int? {
        indexByID[id]
    }

    /// The places a folded key (`NameFolding.key`) names, with the strength of each match (1 id
    /// or name, 2 alias): for callers trying many spans of text, which `match`'s suggestions
    /// would make slow.
    public func places(forKey key: String) -> [(place: Place, strength: Int)] {
        (index[key] ?? []).map { (places[$0.place], $0.strength) }
    }

    /// Finds the place a name refers to, trying in turn the name as written, without English
    /// possessives, and as "X region / oblast / district" naming a region or district.
    public func match(_ query: String) -> PlaceMatch {
        if let exact = indexByID[query] { return .found(places[exact]) }
        let words = NameFolding.words(of: query)
        var attempts = [words]
        let possessiveless = words.map {
            $0.hasSuffix("s") && query.contains(where: { "'’".contains($0) }) ? String($0.dropLast()) : $0
        }
        if possessiveless != words { attempts.append(possessiveless) }
        for attempt in attempts {
            if let found = best(index[attempt.joined()] ?? []) { return found }
            if let last = attempt.last, attempt.count > 1, let kinds = Self.kindWords[last] {
                let stem = attempt.dropLast().joined()
                let hits = places.indices.filter { i in
                    kinds.contains(places[i].kind)
                        && places[i].allNames.contains { name in
                            let w = NameFolding.words(of: name)
                            return (Self.kindWords[w.last ?? ""] != nil ? w.dropLast() : w[...]).joined() == stem
                        }
                }
                if let found = best(hits.map { ($0, 1) }) { return found }
            }
        }
        return .notFound(suggestions: suggestions(for: words.joined()))
    }

    /// Resolves a name as a timeline writes it: `Name (Parent)` or a `parent` given apart name
    /// the region or district the place lies in (at any depth of the gazetteer's `parent`
    /// chain); among namesakes left, the one inside the territory wins, or, when none is inside,
    /// the one within `reachMeters` of it, when only one is.
    public func resolve(
        _ written: String, parent: String? = nil, territory: Territory? = nil,
        reachMeters: Double = 50_000
    ) throws -> Resolution {
        var name = written
        var parentName = parent?.isEmpty == false ? parent : nil
        if parentName == nil, indexByID[written] == nil, index[NameFolding.key(written)] == nil,
            let split = Self.splitParent(written)
        {
            (name, parentName) = split
        }
        var candidates: [Int]
        switch match(name) {
        case .notFound(let suggestions): return .notFound(suggestions: suggestions)
        case .found(let place): candidates = [indexByID[place.id]!]
        case .ambiguous(let places): candidates = places.map { indexByID[$0.id]! }
        }
        if let parentName {
            let parentIDs = parentPlaces(named: parentName)
            let parentKey = Self.levelKey(parentName)
            let inParent = candidates.filter { ancestors(of: $0, within: parentIDs, key: parentKey) }
            guard !inParent.isEmpty else {
                return .notInParent(parent: parentName, candidates: candidates.map { places[$0] })
            }
            candidates = inParent
        }
        if candidates.count > 1, let territory {
            var measured: [(place: Int, meters: Double?)] = []
            for i in candidates {
                guard let point = places[i].point else {
                    measured.append((i, nil))
                    continue
                }
                // Far namesakes (most of hundreds) are ranked by a cheap bound, measured only when listed.
                let near = try territory.contains(point) || territory.mayBeWithin(reachMeters, of: point)
                measured.append((i, near ? try territory.distanceMeters(from: point) : nil))
            }
            let inside = measured.filter { $0.meters == 0 }
            let within = measured.filter { ($0.meters ?? .infinity) <= reachMeters }
            if inside.count == 1 || (inside.isEmpty && within.count == 1) {
                candidates = [(inside.first ?? within[0]).place]
            } else {
                return .ambiguous(try rankedCandidates(measured, territory: territory))
            }
        }
        guard candidates.count == 1 else {
            return .ambiguous(candidates.map { Candidate(place: places[$0], distanceMeters: nil) })
        }
        let place = places[candidates[0]]
        return .found(place, route: self.route(of: name, to: place))
    }

    /// `Ivanovka (Sudzhansky district)` as the name and the parent, or nil.
    static func splitParent(_ written: String) -> (name: String, parent: String)? {
        let trimmed = written.trimmingCharacters(in: .whitespaces)
        guard trimmed.hasSuffix(")"), let open = trimmed.lastIndex(of: "(") else { return nil }
        let name = trimmed[..<open].trimmingCharacters(in: .whitespaces)
        let parent = trimmed[trimmed.index(after: open)..<trimmed.index(before: trimmed.endIndex)]
            .trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty, !parent.isEmpty else { return nil }
        return (name, parent)
    }

    /// Whether the name reached the place through its id, name or local name as written, or
    /// only through an alias or the levelling of romanisations (Poretschnoje for Porechnoye).
    public func route(of name: String, to place: Place) -> MatchRoute {
        if name == place.id { return .direct }
        let written = NameFolding.literalKey(Self.withoutKindWord(name))
        let own = [place.id, place.name, place.localName].filter { !$0.isEmpty }
        let direct = own.contains { NameFolding.literalKey(Self.withoutKindWord($0)) == written }
        return direct ? .direct : .aliasOrLevelling
    }

    private static func withoutKindWord(_ name: String) -> String {
        let words = name.split(whereSeparator: { $0 == " " || $0 == "-" })
        guard words.count > 1, let last = words.last, kindWords[NameFolding.key(String(last))] != nil else {
            return name
        }
        return words.dropLast().joined(separator: " ")
    }

    /// A parent as folded for comparison with the `parent` field, kind words ("district") aside.
    private static func levelKey(_ name: String) -> String {
        NameFolding.key(withoutKindWord(name))
    }

    /// The regions and districts a parent name can refer to (all of them, when it is ambiguous).
    private func parentPlaces(named name: String) -> Set<String> {
        switch match(name) {
        case .found(let place): return [place.id]
        case .ambiguous(let found): return Set(found.map(\.id))
        case .notFound: return []
        }
    }

    /// Whether the parent is on the place's chain of `parent` fields, by id or by name.
    private func ancestors(of place: Int, within parentIDs: Set<String>, key: String) -> Bool {
        var current = places[place].parent
        var steps = 0
        while !current.isEmpty, steps < 32 {
            if parentIDs.contains(current) || Self.levelKey(current) == key { return true }
            guard let next = indexByID[current] else { return false }
            current = places[next].parent
            steps += 1
        }
        return false
    }

    /// Candidates by distance from the territory, inside first, then by id; those beyond the
    /// cheap bound are measured here, as a reader needs their distances to choose.
    private func rankedCandidates(
        _ measured: [(place: Int, meters: Double?)],
        territory: Territory
    ) throws -> [Candidate] {
        var ranked: [Candidate] = []
        for (i, meters) in measured {
            let place = places[i]
            var distance = meters
            if distance == nil, let point = place.point { distance = try territory.distanceMeters(from: point) }
            ranked.append(Candidate(place: place, distanceMeters: distance))
        }
        return ranked.sorted {
            ($0.distanceMeters ?? .infinity, $0.place.id) < ($1.distanceMeters ?? .infinity, $1.place.id)
        }
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
                let distance = NameFolding.editDistance(characters, Array(candidate), limit: limit)
            else { continue }
            for hit in hits where distance < bestByPlace[hit.place, default: .max] {
                bestByPlace[hit.place] = distance
            }
        }
        return bestByPlace.sorted { ($0.value, places[$0.key].name, $0.key) < ($1.value, places[$1.key].name, $1.key) }
            .prefix(3).map { places[$0.key].name }
    }
}
