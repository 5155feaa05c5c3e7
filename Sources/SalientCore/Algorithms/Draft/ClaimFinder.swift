/// A numeric claim found in an article: the figure as `FigureParser` reads it, what it
/// measures, who made it, the place it refers to, and the day it holds for.
public struct ClaimMention: Hashable, Sendable {
    public var start: Int
    public var end: Int
    /// The figure as printed, with a parenthesised second rendering ("(310 square miles)").
    public var text: String
    public var figure: ClaimedFigure
    public var quantity: ClaimQuantity
    public var definition: ClaimDefinition
    /// The speaker of the sentence as written, or "" when it names none.
    public var claimant: String
    /// The place the sentence ties the figure to, nearest first.
    public var placeID: String?
    /// `border` or `fighting` for distances measured to them, else "".
    public var to: String
    /// Nil when the publication date is unknown and the sentence dates nothing.
    public var asOf: CalendarDay?
    public var asOfRule: String
    public var sentence: Int
}

/// Finds figures with a unit the checker measures (areas, distances, settlements, people),
/// hedges read as `FigureParser` reads them, two renderings of one figure kept as one claim.
/// A count of people may name them after an adjective ("100 Russian prisoners", "120,000
/// Russians"), or not at all after a count of people in the same sentence ("about 11,000 people
/// fled, with about 1,000 in shelters"). Numbers in dates, model names (Su-34, T-72), money,
/// per cent and counts of things the checker cannot measure (drones, strikes) are not claims.
public enum ClaimFinder {
    static let peopleNouns: Set<String> = [
        "people", "persons", "residents", "civilians", "soldiers", "troops", "prisoners", "children", "refugees",
        "evacuees", "servicemen", "inhabitants", "russians", "ukrainians", "pows", "men", "women", "families",
    ]
    private static let skippable: Set<String> = [
        "more", "civilian", "local", "enemy", "foreign", "military", "armed", "russian", "ukrainian", "of",
    ]
    private static let advanceWords: Set<String> = [
        "advanced", "advance", "advancing", "advances", "moving", "moved", "gained", "gain", "gains", "taken",
        "pushed", "progressed", "further",
    ]

    private static let ellipticFollowers: Set<String> = [
        "more", "were", "was", "are", "is", "had", "have", "remain", "still", "others", "of", "in", "at", "from",
        "who", "left", "fled", "told", "said", "being",
    ]

    /// Whether a word is a unit the checker knows or a noun counting people.
    static func isUnitWord(_ word: String) -> Bool {
        ClaimUnit(parsing: word) != nil || peopleNouns.contains(word)
    }

    public static func find(
        in article: ArticleText, places: [PlaceMention], dates: [DateMention], speakers: [Int: Speaker],
        publication: CalendarDay?
    ) -> [ClaimMention] {
        var inDates = Set<Int>()
        for d in dates { inDates.formUnion(d.tokens) }
        var claims: [ClaimMention] = []
        for (sentenceIndex, range) in article.sentences.enumerated() {
            var hasPeople = false
            var i = range.lowerBound
            while i < range.upperBound {
                guard let found = claim(at: i, range, article, inDates: inDates, afterPeople: hasPeople) else {
                    i += 1
                    continue
                }
                var (mention, next) = found
                mention.sentence = sentenceIndex
                if mention.figure.unit == .people { hasPeople = true }
                complete(&mention, range: range, article, places, dates, speakers[sentenceIndex], publication)
                claims.append(mention)
                i = next
            }
        }
        return claims
    }

    private static func claim(
        at i: Int, _ range: Range<Int>, _ article: ArticleText, inDates: Set<Int>, afterPeople: Bool
    ) -> (ClaimMention, Int)? {
        let t = article.tokens
        guard !inDates.contains(i) else { return nil }
        let isDigits = t[i].kind == .number
        guard isDigits || (t[i].kind == .word && FigureParser.number(in: [t[i].lower], at: 0) != nil) else {
            return nil
        }
        if i > range.lowerBound {
            let before = t[i - 1]
            // Su-34, T-72, 1+1, AU$10, 03:00: names and money, not figures.
            if t[i].gapBefore.isEmpty, ["-", "+", "$", "€", "£", ":"].contains(before.text) { return nil }
            if t[i].gapBefore.isEmpty, before.kind == .word, isDigits { return nil }
        }
        if i + 1 < range.upperBound, t[i + 1].gapBefore.isEmpty, ["+", "%", ":", "/"].contains(t[i + 1].text) {
            return nil
        }
        let windowEnd = min(range.upperBound, i + 9)
        func parse(_ s: Int, _ e: Int) -> ClaimedFigure? {
            guard e > s else { return nil }
            return try? FigureParser.parse(article.text(t[s].start, t[e - 1].end))
        }
        // The hedge, when one of up to three words before the number makes one with it.
        var start = i
        var full: ClaimedFigure?
        for back in stride(from: 3, through: 0, by: -1) where i - back >= range.lowerBound {
            let s = i - back
            guard (s..<i).allSatisfy({ t[$0].kind == .word }), let figure = parse(s, windowEnd) else { continue }
            start = s
            full = figure
            break
        }
        guard var figure = full else { return nil }
        var end = i + 1
        func same(_ a: ClaimedFigure?) -> Bool {
            a.map { $0.value == figure.value && $0.unit == figure.unit && $0.hedge == figure.hedge } ?? false
        }
        while end < windowEnd, !same(parse(start, end)) { end += 1 }
        // "1km-2km": the unit repeated after the second number is part of the figure.
        while end < windowEnd, figure.unit != nil, ClaimUnit(parsing: t[end].lower) == figure.unit { end += 1 }
        if figure.unit == nil {
            // Parsed on the shortest span the unit is gone; read what follows instead.
            var k = end
            var skipped = 0
            while k < range.upperBound, t[k].kind == .word {
                if peopleNouns.contains(t[k].lower) || (k > end && ClaimUnit(parsing: t[k].lower) != nil) {
                    // "100 Russian prisoners", "23 more settlements".
                    figure.unit = peopleNouns.contains(t[k].lower) ? .people : ClaimUnit(parsing: t[k].lower)
                    end = k + 1
                    break
                }
                guard skipped < 1, t[k].isCapitalised || skippable.contains(t[k].lower) else { break }
                skipped += 1
                k += 1
            }
            // A bare count after a count of people counts people when no noun follows it
            // ("with about 1,000 staying"), not when one does ("in 24 hours").
            if figure.unit == nil, afterPeople, isDigits,
                end >= range.upperBound || t[end].kind != .word
                    || Self.ellipticFollowers.contains(t[end].lower) || t[end].lower.hasSuffix("ing")
                    || t[end].lower.hasSuffix("ed")
            {
                figure.unit = .people
            }
        }
        guard figure.unit != nil else { return nil }
        if case .range = figure.value, figure.hedge == .exact { figure.hedge = .range }
        var textEnd = end
        // "(310 square miles)": the same figure in another unit, part of this claim.
        if end < range.upperBound, t[end].text == "(", end + 1 < range.upperBound, t[end + 1].kind == .number,
            let close = (end..<range.upperBound).first(where: { t[$0].text == ")" })
        {
            textEnd = close + 1
        }
        let mention = ClaimMention(
            start: t[start].start, end: t[textEnd - 1].end, text: article.text(t[start].start, t[textEnd - 1].end),
            figure: figure, quantity: .people, definition: .other, claimant: "", placeID: nil, to: "", asOf: nil,
            asOfRule: "", sentence: 0)
        return (mention, textEnd)
    }

    private static func complete(
        _ m: inout ClaimMention, range: Range<Int>, _ article: ArticleText, _ places: [PlaceMention],
        _ dates: [DateMention], _ speaker: Speaker?, _ publication: CalendarDay?
    ) {
        let t = article.tokens
        let sentenceStart = t[range.lowerBound].start
        let sentenceEnd = t[range.upperBound - 1].end
        let words = Set(range.filter { t[$0].kind == .word }.map { t[$0].lower })
        let afterIndex = range.first { t[$0].start >= m.end } ?? range.upperBound
        let following = (afterIndex..<min(range.upperBound, afterIndex + 4)).map { t[$0].lower }.joined(separator: " ")
        let inSentence = places.filter { $0.start >= sentenceStart && $0.end <= sentenceEnd && $0.placeID != nil }
        let before = inSentence.last { $0.end <= m.start }
        m.claimant = speaker?.name ?? ""
        switch m.figure.unit! {
        case .squareKilometers, .squareMiles:
            m.quantity = .area
            m.definition =
                !words.isDisjoint(with: ["control", "controls", "controlled", "held", "holds"])
                ? .controlled
                : !words.isDisjoint(with: ["advanced", "advance"]) ? .advancedOver : .controlledPlusContested
        case .settlements:
            m.quantity = .settlements
            m.definition = .settlementsControlled
        case .people:
            m.quantity = .people
            m.definition =
                words.contains(where: { $0.hasPrefix("evacuat") })
                ? .evacuated : !words.isDisjoint(with: ["fled", "flee", "fleeing"]) ? .fled : .other
        case .kilometers, .miles, .meters:
            if following.hasPrefix("from the border") || following.hasPrefix("from the frontier") {
                m.quantity = .distance
                m.definition = .distanceToBorder
                m.to = "border"
            } else if following.hasPrefix("from the fighting") || following.hasPrefix("from the front") {
                m.quantity = .distance
                m.definition = .distanceToFighting
                m.to = "fighting"
            } else if !words.isDisjoint(with: advanceWords) || words.contains("day"), !following.hasPrefix("inside"),
                !following.hasPrefix("into")
            {
                m.quantity = .advance
                m.definition = .advancePerDay
            } else {
                m.quantity = .depth
                m.definition = .depth
                m.to = "border"
            }
            if m.quantity == .distance {
                m.placeID = before?.placeID
                // A distance needs a place; without one the figure is read as a depth from the border.
                if m.placeID == nil {
                    m.quantity = .depth
                    m.definition = .depth
                    m.to = "border"
                }
            }
        }
        if m.placeID == nil, m.quantity != .depth {
            m.placeID = (before ?? inSentence.first)?.placeID
        }
        let sentenceDates = dates.filter { $0.start >= sentenceStart && $0.end <= sentenceEnd && $0.date != nil }
        // A month or a year in the sentence dates something else ("the deepest since 2022").
        let days = sentenceDates.filter {
            $0.date!.end.ordinal - $0.date!.start.ordinal <= 1 || $0.rule.contains("since")
        }
        if let asOf = sentenceDates.first(where: \.isAsOf) {
            m.asOf = asOf.date!.end
            m.asOfRule = "as of \(asOf.text): \(asOf.rule)"
        } else if let dated = days.last {
            m.asOf = min(dated.date!.end, publication ?? dated.date!.end)
            m.asOfRule = "dated in the sentence (\(dated.text)): \(dated.rule)"
        } else if let publication {
            m.asOf = publication
            m.asOfRule = "no date in the sentence: the publication day"
        } else {
            m.asOfRule = "unresolved: no date in the sentence and the publication date is unknown"
        }
    }
}
