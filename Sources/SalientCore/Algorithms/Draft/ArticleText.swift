/// An article as Unicode code points, cut once into words and sentences. Every offset the
/// draft reports is an index into `scalars`, so it counts code points from the file's start.
public struct ArticleText: Sendable {
    public enum TokenKind: Sendable, Equatable {
        /// Letters, possibly with digits ("Su", "km", "Суджа").
        case word
        /// Digits with thousands commas or a decimal point inside ("1,000", "0.6").
        case number
        /// Any other single code point that is not white space.
        case mark
    }

    public struct Token: Sendable, Equatable {
        public var kind: TokenKind
        public var start: Int
        public var end: Int
        public var text: String
        /// The text in lower case, for comparing with word lists.
        public var lower: String
        /// White space (or nothing) between the previous token and this one: "" when glued.
        public var gapBefore: String

        public var isCapitalised: Bool { text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false }
    }

    public let scalars: [Unicode.Scalar]
    public let tokens: [Token]
    /// Token index ranges, one per sentence; a line break always ends a sentence.
    public let sentences: [Range<Int>]

    public init(_ text: String, from start: Int = 0) {
        scalars = Array(text.unicodeScalars)
        tokens = Self.tokenise(scalars, from: start)
        sentences = Self.split(tokens, scalars)
    }

    /// The text between two offsets.
    public func text(_ start: Int, _ end: Int) -> String {
        var result = String.UnicodeScalarView()
        result.append(contentsOf: scalars[max(0, start)..<min(end, scalars.count)])
        return String(result)
    }

    /// The sentence holding a token.
    public func sentence(of token: Int) -> Range<Int> {
        var low = 0
        var high = sentences.count - 1
        while low <= high {
            let middle = (low + high) / 2
            if sentences[middle].upperBound <= token {
                low = middle + 1
            } else if sentences[middle].lowerBound > token {
                high = middle - 1
            } else {
                return sentences[middle]
            }
        }
        return token..<(token + 1)
    }

    /// Whether the token is the first word of its sentence, quotes and brackets aside.
    public func startsSentence(_ index: Int) -> Bool {
        let range = sentence(of: index)
        var i = range.lowerBound
        while i < index, tokens[i].kind == .mark { i += 1 }
        return i == index
    }

    private static func tokenise(_ scalars: [Unicode.Scalar], from start: Int) -> [Token] {
        var tokens: [Token] = []
        var i = start
        var gapStart = start
        func isLetter(_ s: Unicode.Scalar) -> Bool { s.properties.isAlphabetic }
        func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }
        while i < scalars.count {
            let s = scalars[i]
            if s.properties.isWhitespace {
                i += 1
                continue
            }
            let begin = i
            let kind: TokenKind
            if isDigit(s) {
                kind = .number
                i += 1
                while i < scalars.count {
                    if isDigit(scalars[i]) {
                        i += 1
                    } else if scalars[i] == "," || scalars[i] == ".", i + 1 < scalars.count, isDigit(scalars[i + 1]) {
                        i += 2
                    } else {
                        break
                    }
                }
            } else if isLetter(s) || s.properties.generalCategory == .nonspacingMark {
                kind = .word
                i += 1
                while i < scalars.count,
                    isLetter(scalars[i]) || isDigit(scalars[i])
                        || scalars[i].properties.generalCategory == .nonspacingMark
                {
                    // A word stops before digits that begin a figure ("km2" stays whole, "Su34" too).
                    i += 1
                }
            } else {
                kind = .mark
                i += 1
            }
            var gap = String.UnicodeScalarView()
            gap.append(contentsOf: scalars[gapStart..<begin])
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[begin..<i])
            let text = String(view)
            tokens.append(
                Token(kind: kind, start: begin, end: i, text: text, lower: text.lowercased(), gapBefore: String(gap)))
            gapStart = i
        }
        return tokens
    }

    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "gen", "lt", "col", "st", "sgt", "maj", "capt", "prof", "no", "vs", "approx", "sq",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "u", "s",
    ]

    private static func split(_ tokens: [Token], _ scalars: [Unicode.Scalar]) -> [Range<Int>] {
        var sentences: [Range<Int>] = []
        var start = 0
        for (i, token) in tokens.enumerated() {
            let next = i + 1 < tokens.count ? tokens[i + 1] : nil
            var ends = false
            if let next, next.gapBefore.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
                ends = true
            } else if token.kind == .mark, ".!?".contains(token.text) {
                let previous = i > 0 ? tokens[i - 1] : nil
                let isAbbreviation =
                    token.text == "." && previous.map { $0.kind == .word && abbreviations.contains($0.lower) } == true
                // A sentence ends at a stop followed by space, or by a closing quote then space.
                let followedBySpace = next.map { !$0.gapBefore.isEmpty || "”’\"')".contains($0.text) } ?? true
                ends = !isAbbreviation && followedBySpace
                if ends, let next, "”’\"')".contains(next.text), next.gapBefore.isEmpty { ends = false }
            } else if token.kind == .mark, "”\"".contains(token.text), i > 0, ".!?".contains(tokens[i - 1].text) {
                ends = next.map { !$0.gapBefore.isEmpty } ?? true
            }
            if ends || next == nil {
                sentences.append(start..<(i + 1))
                start = i + 1
            }
        }
        return sentences
    }
}
