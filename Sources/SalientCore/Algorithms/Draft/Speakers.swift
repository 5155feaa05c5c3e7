/// Who speaks in a sentence: the subject of a verb of saying ("Syrskyi said", "its defence
/// ministry said", "said Zelensky"). A pronoun ("he said") is the last speaker named before.
public struct Speaker: Hashable, Sendable {
    /// As written, titles included ("Interior Minister Igor Klymenko").
    public var name: String
    /// The folded surname, or the folded words when no word is capitalised: what ties "Mr
    /// Zelensky" to "Volodymyr Zelensky" and "Zelenskiy".
    public var key: String
    /// The token of the verb of saying.
    public var verb: Int
}

public enum SpeakerFinder {
    public static let verbs: Set<String> = [
        "said", "says", "say", "told", "tells", "wrote", "writes", "added", "adds", "claimed", "claims", "claim",
        "reported", "reports", "announced", "announces", "warned", "warns", "stated", "states", "insisted",
    ]

    private static let pronouns: Set<String> = ["he", "she", "they", "it", "we"]
    private static let stops: Set<String> = [
        "that", "which", "who", "and", "but", "as", "while", "when", "after", "before", "because", "if", "than", "also",
        "later", "earlier", "has", "have", "had", "is", "was", "were", "are", "been", "not",
    ]

    /// The speaker of each sentence that has one, by sentence index.
    public static func speakers(in article: ArticleText) -> [Int: Speaker] {
        var result: [Int: Speaker] = [:]
        var last: Speaker?
        for (index, range) in article.sentences.enumerated() {
            guard var speaker = speaker(in: range, of: article) else { continue }
            if pronouns.contains(speaker.key) {
                guard let last else { continue }
                speaker = Speaker(name: last.name, key: last.key, verb: speaker.verb)
            }
            result[index] = speaker
            last = speaker
        }
        return result
    }

    static func speaker(in range: Range<Int>, of article: ArticleText) -> Speaker? {
        let tokens = article.tokens
        for v in range where tokens[v].kind == .word && verbs.contains(tokens[v].lower) {
            // Before the verb: a run of words, stopping at punctuation other than a hyphen or
            // a possessive apostrophe, at a function word, or after six words.
            var words: [Int] = []
            var i = v - 1
            while i >= range.lowerBound, words.count < 6 {
                let token = tokens[i]
                if token.kind == .word {
                    if stops.contains(token.lower) { break }
                    if token.lower == "s", i > range.lowerBound, "'’".contains(tokens[i - 1].text) {
                        i -= 2
                        continue
                    }
                    words.insert(i, at: 0)
                } else if token.text != "-" {
                    break
                }
                i -= 1
            }
            if !words.isEmpty { return make(words, verb: v, article) }
            // After the verb: "said Zelensky", ", said foreign ministry spokesman Georgiy Tykhy".
            var after: [Int] = []
            var j = v + 1
            while j < range.upperBound, tokens[j].kind == .word, after.count < 6 {
                if !tokens[j].isCapitalised, after.contains(where: { tokens[$0].isCapitalised }) { break }
                after.append(j)
                j += 1
            }
            if after.contains(where: { tokens[$0].isCapitalised }) { return make(after, verb: v, article) }
        }
        return nil
    }

    private static func make(_ words: [Int], verb: Int, _ article: ArticleText) -> Speaker {
        let tokens = article.tokens
        var trimmed = words
        while let first = trimmed.first, ["the", "a", "an"].contains(tokens[first].lower), trimmed.count > 1 {
            trimmed.removeFirst()
        }
        let name = article.text(tokens[trimmed.first!].start, tokens[trimmed.last!].end)
        let capitalised = trimmed.filter { tokens[$0].isCapitalised }
        let key =
            capitalised.last.map { NameFolding.key(tokens[$0].text) }
            ?? NameFolding.key(trimmed.map { tokens[$0].lower }.joined(separator: " "))
        return Speaker(name: name, key: key, verb: verb)
    }
}
