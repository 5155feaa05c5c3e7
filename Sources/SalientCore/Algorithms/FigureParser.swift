/// A figure as the news prints it, read into a value, a unit and a hedge.
public struct ClaimedFigure: Hashable, Sendable {
    public var value: ClaimValue
    /// Nil when no unit follows the number ("more than 100").
    public var unit: ClaimUnit?
    public var hedge: Hedge
    /// The word after the figure when it is not a unit ("children" in "about 5,000 children"),
    /// "" when nothing follows. A caller that needs a unit decides whether it is an unknown one.
    public var followingWord: String

    public init(value: ClaimValue, unit: ClaimUnit?, hedge: Hedge, followingWord: String = "") {
        self.value = value
        self.unit = unit
        self.hedge = hedge
        self.followingWord = followingWord
    }
}

public enum FigureParseError: Error, Hashable, Sendable, CustomStringConvertible {
    case noNumber(String)

    public var description: String {
        switch self {
        case .noNumber(let text): return "no number in '\(text)'"
        }
    }
}

/// Reads figures as written in the news: "at least 800 square kilometres", "up to 18 miles
/// (30km)", "1km-2km", "from one to two kilometres", "about six miles", "more than 100,000",
/// "almost 200,000". A parenthesised second rendering ("(310 square miles)") is left out: the
/// figure printed first is the one the source gave.
///
/// Hedge words: about, around, approximately, roughly, some, circa, ~ → about; at least, no
/// fewer/less than → at least; more than, over, above, upwards of, in excess of → more than;
/// up to, as many/much as, at most, no more than, almost, nearly, under, less/fewer than →
/// up to (a maximum); just, exactly, only, another, a further → exact. Two numbers joined by
/// a dash, "to" or "and" (after "between") make a range.
public enum FigureParser {
    public static func parse(_ text: String) throws(FigureParseError) -> ClaimedFigure {
        var words = tokens(of: text)
        var hedge: Hedge?
        var rangeIntroduced = false
        if let (phrase, meaning) = Self.hedgePhrases.first(where: { words.starts(with: $0.0) }) {
            words.removeFirst(phrase.count)
            switch meaning {
            case .some(let h): hedge = h
            case .none: rangeIntroduced = true
            }
        }
        guard let (first, afterFirst) = number(in: words, at: 0) else { throw .noNumber(text) }
        var index = afterFirst
        var unit: ClaimUnit?
        if let (u, next) = self.unit(in: words, at: index) {
            unit = u
            index = next
        }
        var value = ClaimValue.single(first)
        if index < words.count,
            ["–", "to", "and"].contains(words[index]) || (rangeIntroduced && words[index] == "and"),
            let (second, next) = number(in: words, at: index + 1), second >= first
        {
            value = .range(low: first, high: second)
            index = next
            if let (u, next) = self.unit(in: words, at: index) {
                unit = u
                index = next
            }
        }
        let following = index < words.count && unit == nil ? words[index] : ""
        let resolvedHedge: Hedge
        if case .range = value { resolvedHedge = hedge ?? .range } else { resolvedHedge = hedge ?? .exact }
        return ClaimedFigure(value: value, unit: unit, hedge: resolvedHedge, followingWord: following)
    }

    /// Lowercased words, a parenthesised aside dropped, numbers split from glued units ("35km")
    /// and dashes between figures made words of their own ("1km-2km" → 1 km – 2 km).
    static func tokens(of text: String) -> [String] {
        var cut = text.lowercased()
        if let paren = cut.firstIndex(of: "(") { cut = String(cut[..<paren]) }
        var spaced = ""
        var previous: Character = " "
        for character in cut {
            switch character {
            case "–", "—", "−": spaced += " – "
            case "-" where previous.isNumber || previous.isLetter: spaced += " – "
            case "~": spaced += " about "
            case "≈": spaced += " about "
            case "≥": spaced += " at least "
            case "≤": spaced += " up to "
            case ">": spaced += " more than "
            case "<": spaced += " up to "
            default:
                if character.isLetter, previous.isNumber { spaced += " " }
                spaced.append(character)
            }
            previous = character
        }
        return spaced.split(whereSeparator: \.isWhitespace).map { word in
            var w = String(word)
            // Sentence punctuation, never a thousands comma or a decimal point inside a number.
            while let last = w.last, ",;:!?.".contains(last) { w.removeLast() }
            return w
        }.filter { !$0.isEmpty }
    }

    /// A number at `index`: digits with thousands commas ("1,000", "0.6"), or a number word,
    /// optionally scaled by "thousand" or "million". Returns the value and the next index.
    static func number(in words: [String], at index: Int) -> (Double, Int)? {
        guard index < words.count else { return nil }
        var value: Double
        let word = words[index]
        if let digits = plainDecimal(word) {
            value = digits
        } else if let spelt = numberWords[word] {
            value = spelt
        } else {
            return nil
        }
        var next = index + 1
        if next < words.count, let scale = scales[words[next]] {
            value *= scale
            next += 1
        }
        return value.isFinite ? (value, next) : nil
    }

    /// Digits with thousands commas and at most one decimal point, as the news prints them.
    /// Exponents ("2e3"), hex and "inf" are not figures, and one too large for a Double is none.
    private static func plainDecimal(_ word: String) -> Double? {
        let digits = word.replacingOccurrences(of: ",", with: "")
        guard word.first?.isASCII == true, word.first?.isNumber == true,
            digits.allSatisfy({ $0 == "." || ($0.isASCII && $0.isNumber) }),
            digits.filter({ $0 == "." }).count <= 1,
            let value = Double(digits), value.isFinite
        else { return nil }
        return value
    }

    /// The longest run of up to three words at `index` that names a unit.
    static func unit(in words: [String], at index: Int) -> (ClaimUnit, Int)? {
        for length in stride(from: 3, through: 1, by: -1) where index + length <= words.count {
            let phrase = words[index..<(index + length)].joined(separator: " ")
            if let unit = ClaimUnit(parsing: phrase) { return (unit, index + length) }
        }
        return nil
    }

    /// Phrase → hedge; nil for "from" and "between", which only introduce a range.
    /// Longer phrases come first so that "no more than" wins over "more than".
    private static let hedgePhrases: [([String], Hedge?)] = {
        let table: [(String, Hedge?)] = [
            ("no fewer than", .atLeast), ("no less than", .atLeast), ("not less than", .atLeast),
            ("at least", .atLeast),
            ("no more than", .upTo), ("not more than", .upTo), ("as many as", .upTo), ("as much as", .upTo),
            ("up to", .upTo), ("at most", .upTo), ("less than", .upTo), ("fewer than", .upTo), ("almost", .upTo),
            ("nearly", .upTo), ("under", .upTo),
            ("more than", .moreThan), ("greater than", .moreThan), ("upwards of", .moreThan),
            ("in excess of", .moreThan),
            ("over", .moreThan), ("above", .moreThan),
            ("approximately", .about), ("approx", .about), ("about", .about), ("around", .about), ("roughly", .about),
            ("some", .about), ("circa", .about), ("c", .about), ("an estimated", .about), ("estimated", .about),
            ("a further", .exact), ("another", .exact), ("just", .exact), ("exactly", .exact), ("precisely", .exact),
            ("only", .exact),
            ("from", nil), ("between", nil),
        ]
        return table.map { (phrase, hedge) in (phrase.split(separator: " ").map(String.init), hedge) }
            .sorted { $0.0.count > $1.0.count }
    }()

    private static let numberWords: [String: Double] = [
        "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
        "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16,
        "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
        "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
    ]

    private static let scales: [String: Double] = ["hundred": 100, "thousand": 1_000, "million": 1_000_000]
}
