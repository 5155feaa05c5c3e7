/// A place named in an article, with the gazetteer place it resolves to.
public struct PlaceMention: Hashable, Sendable {
    public var start: Int
    public var end: Int
    public var text: String
    /// The gazetteer id, or nil when the gazetteer has no such place or several equally.
    public var placeID: String?
    /// The namesakes left when the name is ambiguous.
    public var candidates: [String]
    /// How the name was resolved, for the reviewer.
    public var rule: String
    public var tokens: Range<Int>
}

/// Finds place names by looking every run of up to six words that starts with a capital up in
/// the gazetteer's folded index (so aliases, Cyrillic, transliterations and "X district" forms
/// match as `salient places` matches them), longest run first. It leaves out:
/// - people: a word after a title ("President", "Mr", "commander") or after a given name that
///   is not a place ("Oleksandr Syrskyi"), and every other mention of that surname;
/// - sides: state names, demonyms and capitals used for a government (`ActorLexicon`), and any
///   name followed by a verb of saying ("Kursk said");
/// - common words: a one-word name at the start of a sentence that the text also writes in
///   lower case ("Smile", "Sad").
/// A bare name that is both a settlement and a region ("Kursk", "Belgorod") is the region, as
/// war reports use it, unless written "the city of Kursk" or "Kursk city". Names followed by
/// "region", "district" or "oblast" that the gazetteer lacks are reported unresolved, and so is
/// a dateline's place ("KYIV:").
public struct PlaceMentionFinder: Sendable {
    let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
    }

    static let titles: Set<String> = [
        "president", "mr", "mrs", "ms", "dr", "general", "gen", "minister", "commander", "spokesman", "spokeswoman",
        "spokesperson", "governor", "mayor", "colonel", "col", "lieutenant", "lt", "sergeant", "chancellor",
        "secretary", "director", "chief", "envoy", "ambassador", "adviser", "advisor", "leader", "premier", "pm",
        "senator", "blogger", "correspondent", "analyst",
    ]
    static let kindWords: [String: PlaceKind] = [
        "region": .region, "regions": .region, "oblast": .region, "oblasts": .region, "province": .region,
        "district": .district, "districts": .district, "raion": .district, "rayon": .district,
    ]
    /// Words that start sentences and phrases, never a given name ("In Kursk", "Since Sudzha").
    static let functionWords: Set<String> = [
        "in", "at", "on", "from", "the", "a", "an", "after", "before", "since", "when", "while", "but", "and", "as",
        "for", "with", "near", "outside", "by", "of", "to", "into", "over", "under", "across", "around", "meanwhile",
        "later", "then", "if", "although", "though", "during", "despite", "residents", "officials", "troops",
    ]
    static let directions: Set<String> = [
        "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "outskirts",
    ]
    /// Words before a name that make it a place: locative prepositions, verbs of taking ground,
    /// and settlement nouns ("the villages of").
    static let cues: Set<String> = [
        "near", "outside", "around", "towards", "toward", "into", "in", "at", "from", "entered", "reached", "captured",
        "retook", "seized", "liberated",
    ]
    static let settlementNouns: Set<String> = [
        "village", "villages", "town", "towns", "city", "settlement", "settlements", "hamlet", "hamlets",
    ]
    /// States, continents and alliances: not the sub-national places the draft looks for.
    static let worldNames: Set<String> = [
        "europe", "asia", "africa", "america", "australia", "nato", "eu", "us", "usa", "uk", "britain", "china",
        "germany", "france", "poland", "moldova", "georgia", "japan", "korea", "india", "iran", "turkey", "canada",
        "west", "telegram",
    ]
    private static let regionSuffixes = ["oblast", "region"]
    private static let districtSuffixes = ["district", "raion", "rayon"]

    /// `territory`, when given (a timeline's estimate territory), tells namesakes apart: the one
    /// inside it is meant, as the timeline reader decides.
    public func find(
        in article: ArticleText, publication: Publication, speakers: [Int: Speaker] = [:], territory: Territory? = nil
    ) -> [PlaceMention] {
        let t = article.tokens
        let lowerWords = Set(t.filter { $0.kind == .word && !$0.isCapitalised }.map(\.lower))
        let people = personKeys(article, speakers: speakers, lowerWords: lowerWords)
        var mentions: [PlaceMention] = []
        var i = 0
        while i < t.count {
            if let dateline = publication.datelinePlace, t[i].start == dateline.start {
                var e = i
                while e < t.count, t[e].end <= dateline.end { e += 1 }
                mentions.append(
                    resolved(i..<e, article, bare: false, kind: nil) ?? unresolved(i..<e, article, "a dateline"))
                i = e
                continue
            }
            guard t[i].kind == .word, t[i].isCapitalised, t[i].start >= publication.bodyStart,
                ActorLexicon.actor(t[i].text) == nil
            else {
                i += 1
                continue
            }
            guard let found = longestName(at: i, article) else {
                if !lowerWords.contains(t[i].lower), let e = unresolvedRegion(at: i, article) {
                    mentions.append(
                        unresolved(i..<e, article, "a name before a region or district word not in the gazetteer"))
                    i = e
                } else if let e = unresolvedByCue(
                    at: i, article, after: mentions.last, people: people, lowerWords: lowerWords)
                {
                    mentions.append(unresolved(i..<e, article, "a name after a word that introduces a place"))
                    i = e
                } else {
                    i += 1
                }
                continue
            }
            let range = found.tokens
            let words = range.filter { t[$0].kind == .word }
            let isPerson =
                words.allSatisfy { people.contains(NameFolding.key(t[$0].text)) }
                || (range.lowerBound > 0 && Self.titles.contains(t[range.lowerBound - 1].lower))
            // "Kursk said": a side speaking. Not "the governor of Kursk region said", where the name qualifies.
            let qualifies =
                Self.kindWords[t[range.upperBound - 1].lower] != nil
                || (range.lowerBound > 0 && ["of", "in", "from", "s", "near"].contains(t[range.lowerBound - 1].lower))
            let saysNext =
                !qualifies
                && (nextWord(after: range.upperBound, article).map { SpeakerFinder.verbs.contains($0) } ?? false)
            let commonWord =
                words.count == 1 && article.startsSentence(i) && lowerWords.contains(t[i].lower)
            // "Vladimir Putin": a one-word name before a capitalised word that is no place, no
            // side and no title ("Belgorod Governor") is a given name.
            let next = range.upperBound < t.count ? t[range.upperBound] : nil
            let givenName =
                words.count == 1
                && next.map {
                    $0.kind == .word && $0.isCapitalised && $0.gapBefore == " " && Self.kindWords[$0.lower] == nil
                        && !Self.titles.contains($0.lower) && ActorLexicon.actor($0.text) == nil
                        && gazetteer.places(forKey: NameFolding.key($0.text)).isEmpty
                } == true
            if isPerson || saysNext || commonWord || givenName {
                i = range.upperBound
                continue
            }
            mentions.append(found)
            i = range.upperBound
        }
        return settlementsByCompany(mentions, article).map { inTerritory($0, territory) }
    }

    /// An ambiguous mention with exactly one namesake inside the territory is that namesake.
    private func inTerritory(_ mention: PlaceMention, _ territory: Territory?) -> PlaceMention {
        guard let territory, mention.placeID == nil, mention.candidates.count > 1 else { return mention }
        let inside = mention.candidates.filter { id in
            guard let point = gazetteer.place(id: id)?.point else { return false }
            return (try? territory.contains(point)) ?? false
        }
        guard inside.count == 1 else { return mention }
        var result = mention
        result.placeID = inside[0]
        result.candidates = []
        result.rule = "namesakes told apart by the timeline's territory: the one inside it"
        return result
    }

    /// "shelters in Kursk and Zheleznogorsk": a bare name read as its region is the settlement
    /// when it is listed with a settlement.
    private func settlementsByCompany(_ mentions: [PlaceMention], _ article: ArticleText) -> [PlaceMention] {
        let t = article.tokens
        var result = mentions
        func isSettlement(_ m: PlaceMention) -> Bool {
            m.placeID.flatMap { gazetteer.place(id: $0) }?.kind.isSettlement ?? false
        }
        func listed(_ a: PlaceMention, _ b: PlaceMention) -> Bool {
            let between = (a.tokens.upperBound..<b.tokens.lowerBound).map { t[$0].lower }
            return between == ["and"] || between == [","] || between == ["or"]
        }
        for i in result.indices where result[i].rule == Self.regionRule {
            let neighbours = [i > 0 ? i - 1 : nil, i + 1 < result.count ? i + 1 : nil].compactMap { $0 }
            guard
                neighbours.contains(where: {
                    isSettlement(result[$0]) && ($0 < i ? listed(result[$0], result[i]) : listed(result[i], result[$0]))
                })
            else { continue }
            let key = NameFolding.key(result[i].text)
            let settlements = gazetteer.places(forKey: key).filter { $0.place.kind.isSettlement }
            guard settlements.count == 1 else { continue }
            result[i].placeID = settlements[0].place.id
            result[i].rule = "a bare name listed with a settlement: the settlement"
        }
        return result
    }

    static let regionRule = "a bare name that is also a region's: the region, as war reports use it"

    /// The longest run of words at `i` that the gazetteer knows.
    private func longestName(at i: Int, _ article: ArticleText) -> PlaceMention? {
        let t = article.tokens
        var ends: [Int] = []
        var e = i + 1
        ends.append(e)
        var words = 1
        // Words join through spaces, hyphens and apostrophes, within one sentence.
        let sentence = article.sentence(of: i)
        while e < sentence.upperBound, words < 6 {
            let gapOK = t[e].gapBefore == " " || t[e].gapBefore.isEmpty
            guard gapOK else { break }
            if t[e].kind == .word {
                words += 1
                e += 1
                ends.append(e)
            } else if ["-", "'", "’"].contains(t[e].text), e + 1 < sentence.upperBound, t[e + 1].kind == .word,
                t[e + 1].gapBefore.isEmpty, t[e].gapBefore.isEmpty
            {
                // "Russia's" is a possessive, not part of a name: stop before it.
                if t[e].text != "-", t[e + 1].lower == "s" { break }
                e += 1
            } else {
                break
            }
        }
        for end in ends.reversed() {
            let last = t[end - 1]
            let kind = Self.kindWords[last.lower]
            if let found = resolved(i..<end, article, bare: kind == nil, kind: kind) {
                return found
            }
            // "Glushkovo district" where the gazetteer has only the town: the district is meant,
            // and it is not there; the town would be a wrong answer.
            if kind != nil, end - i > 1, resolved(i..<(end - 1), article, bare: false, kind: nil) != nil {
                return unresolved(i..<end, article, "the \(kind!.rawValue) of a known name, which the gazetteer lacks")
            }
        }
        return nil
    }

    /// The mention for tokens `range` when the gazetteer knows the name.
    private func resolved(_ range: Range<Int>, _ article: ArticleText, bare: Bool, kind: PlaceKind?) -> PlaceMention? {
        let t = article.tokens
        let text = article.text(t[range.lowerBound].start, t[range.upperBound - 1].end)
        let key = NameFolding.key(text)
        guard !key.isEmpty else { return nil }
        var hits = gazetteer.places(forKey: key)
        var rule = "the gazetteer's name or alias"
        if let kind, range.count > 1 {
            let stem = NameFolding.key(article.text(t[range.lowerBound].start, t[range.upperBound - 2].end))
            let suffixes = kind == .region ? Self.regionSuffixes : Self.districtSuffixes
            let kindHits = ([stem] + suffixes.map { stem + $0 }).flatMap { gazetteer.places(forKey: $0) }
                .filter { $0.place.kind == kind }
            if hits.filter({ $0.place.kind == kind }).isEmpty, !kindHits.isEmpty {
                hits = kindHits
                rule = "the \(kind.rawValue) of that name"
            } else {
                hits = hits.filter { $0.place.kind == kind }
            }
        }
        guard !hits.isEmpty else { return nil }
        if bare, hits.allSatisfy({ $0.place.kind.isSettlement }) {
            let before =
                range.lowerBound >= 2 ? "\(t[range.lowerBound - 2].lower) \(t[range.lowerBound - 1].lower)" : ""
            let after = (range.upperBound..<min(t.count, range.upperBound + 4)).map { t[$0].lower }.joined(
                separator: " ")
            // "the city of Kursk", "Kursk city", "north of Sumy" (a point), "Belgorod, the regional capital".
            let direction = before.split(separator: " ").first.map { Self.directions.contains(String($0)) } ?? false
            let saysSettlement =
                ["city of", "town of", "village of"].contains(before) || after.hasPrefix("city")
                || after.hasPrefix("town") || (direction && before.hasSuffix(" of"))
                || after.hasPrefix(", the regional capital") || after.hasPrefix(", the capital")
                || after.hasPrefix(", the city") || after.hasPrefix(", a city") || after.hasPrefix(", a town")
            let regions = Self.regionSuffixes.flatMap { gazetteer.places(forKey: key + $0) }.filter {
                $0.place.kind == .region
            }
            if !saysSettlement, !regions.isEmpty {
                hits = regions
                rule = Self.regionRule
            }
        }
        let strongest = hits.map(\.strength).min()!
        var ids: [String] = []
        for hit in hits where hit.strength == strongest && !ids.contains(hit.place.id) { ids.append(hit.place.id) }
        ids.sort()
        return PlaceMention(
            start: t[range.lowerBound].start, end: t[range.upperBound - 1].end, text: text,
            placeID: ids.count == 1 ? ids[0] : nil, candidates: ids.count == 1 ? [] : ids,
            rule: ids.count == 1 ? rule : "ambiguous: several gazetteer places have this name", tokens: range)
    }

    private func unresolved(_ range: Range<Int>, _ article: ArticleText, _ why: String) -> PlaceMention {
        let t = article.tokens
        let text = article.text(t[range.lowerBound].start, t[range.upperBound - 1].end)
        return PlaceMention(
            start: t[range.lowerBound].start, end: t[range.upperBound - 1].end, text: text, placeID: nil,
            candidates: [], rule: "not in the gazetteer: \(why)", tokens: range)
    }

    /// One to three capitalised words then a region or district word ("Donetsk region"): its end.
    private func unresolvedRegion(at i: Int, _ article: ArticleText) -> Int? {
        let t = article.tokens
        var e = i
        while e < t.count, e - i < 3, t[e].kind == .word, t[e].isCapitalised, ActorLexicon.actor(t[e].text) == nil,
            e == i || t[e].gapBefore == " "
        {
            e += 1
        }
        guard e > i, e < t.count, t[e].gapBefore == " ", Self.kindWords[t[e].lower] != nil,
            !Self.titles.contains(t[i].lower)
        else { return nil }
        return e + 1
    }

    /// A name the gazetteer lacks after "near", "in", "entered", "the villages of" (or listed
    /// after such a place with "and" or a comma): its end. Capitalised words the text also
    /// writes in lower case, sides, people, months, weekdays and states are not names of places.
    private func unresolvedByCue(
        at i: Int, _ article: ArticleText, after previous: PlaceMention?, people: Set<String>, lowerWords: Set<String>
    ) -> Int? {
        let t = article.tokens
        guard i >= 1, !article.startsSentence(i) else { return nil }
        let before = t[i - 1].lower
        let cued =
            Self.cues.contains(before) || (before == "of" && i >= 2 && Self.settlementNouns.contains(t[i - 2].lower))
            || ((before == "and" || before == ",") && previous?.tokens.upperBound == i - 1)
        guard cued else { return nil }
        func isName(_ k: Int) -> Bool {
            let w = t[k]
            return w.kind == .word && w.isCapitalised && !lowerWords.contains(w.lower)
                && ActorLexicon.actor(w.text) == nil && DateResolver.month(w.lower) == nil
                && !["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"].contains(w.lower)
                && !Self.titles.contains(w.lower) && !people.contains(NameFolding.key(w.text))
                && !Self.worldNames.contains(w.lower) && !(w.text.count <= 4 && w.text == w.text.uppercased())
        }
        guard isName(i) else { return nil }
        var e = i + 1
        var words = 1
        while e < t.count, words < 3 {
            if t[e].gapBefore == " ", isName(e) {
                e += 1
            } else if t[e].text == "-", t[e].gapBefore.isEmpty, e + 1 < t.count, t[e + 1].gapBefore.isEmpty,
                isName(e + 1)
            {
                e += 2
            } else {
                break
            }
            words += 1
        }
        return e
    }

    private func nextWord(after index: Int, _ article: ArticleText) -> String? {
        let k = index
        let t = article.tokens
        guard k < t.count, t[k].kind == .word else { return nil }
        if ["has", "had", "have"].contains(t[k].lower), k + 1 < t.count { return t[k + 1].lower }
        return t[k].lower
    }

    /// Folded surnames of the people the article names: after a title, or after a given name
    /// that is itself no place; and every speaker named with more than one capitalised word.
    private func personKeys(_ article: ArticleText, speakers: [Int: Speaker], lowerWords: Set<String>) -> Set<String> {
        let t = article.tokens
        var keys: Set<String> = []
        func isPlace(_ k: Int) -> Bool { !gazetteer.places(forKey: NameFolding.key(t[k].text)).isEmpty }
        for k in t.indices.dropLast() where t[k].kind == .word && t[k + 1].kind == .word && t[k + 1].isCapitalised {
            guard t[k + 1].gapBefore == " " else { continue }
            if Self.titles.contains(t[k].lower) {
                var j = k + 1
                while j < t.count, t[j].kind == .word, t[j].isCapitalised, j == k + 1 || t[j].gapBefore == " " {
                    keys.insert(NameFolding.key(t[j].text))
                    j += 1
                }
            } else if t[k].isCapitalised, !isPlace(k), ActorLexicon.actor(t[k].text) == nil,
                !(article.startsSentence(k) && lowerWords.contains(t[k].lower)),
                !Self.functionWords.contains(t[k].lower),
                Self.kindWords[t[k + 1].lower] == nil, !Self.titles.contains(t[k + 1].lower),
                gazetteer.places(forKey: NameFolding.key(t[k].text + " " + t[k + 1].text)).isEmpty,
                k + 2 >= t.count || t[k + 2].kind != .word || !t[k + 2].isCapitalised || t[k + 2].gapBefore != " "
            {
                keys.insert(NameFolding.key(t[k + 1].text))
            }
        }
        for speaker in speakers.values
        where speaker.name.split(separator: " ").filter({ $0.first?.isUppercase == true }).count > 1 {
            keys.insert(speaker.key)
        }
        return keys
    }
}
