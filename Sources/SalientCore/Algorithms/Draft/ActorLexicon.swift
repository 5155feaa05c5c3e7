/// Words that name a side rather than a place: state names, demonyms, and the capitals and
/// institutions news writes for a government ("Kyiv says", "the Kremlin"). Such a word is
/// an event's actor; it is never a place mention, however the gazetteer spells its places.
public enum ActorLexicon {
    private static let sides: [String: String] = [
        "ukraine": "Ukraine", "ukrainian": "Ukraine", "ukrainians": "Ukraine", "kyiv": "Ukraine", "kiev": "Ukraine",
        "russia": "Russia", "russian": "Russia", "russians": "Russia", "moscow": "Russia", "kremlin": "Russia",
        "belarus": "Belarus", "belarusian": "Belarus",
    ]

    /// The side a word names ("Ukrainian" → Ukraine), or nil.
    public static func actor(_ word: String) -> String? {
        sides[word.lowercased()]
    }

    /// The first side named in the tokens, or nil.
    public static func firstActor(in range: Range<Int>, of article: ArticleText) -> String? {
        for i in range where article.tokens[i].kind == .word {
            if let side = actor(article.tokens[i].text) { return side }
        }
        return nil
    }
}
