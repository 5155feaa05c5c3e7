/// Pronounceable, unique place names with a Cyrillic local form that Salient's name folding
/// transliterates back to the same key, so every name resolves to exactly one place.
struct NameMaker {
    private static let consonants: [(String, String)] = [
        ("b", "б"), ("v", "в"), ("g", "г"), ("d", "д"), ("z", "з"), ("k", "к"), ("l", "л"),
        ("m", "м"), ("n", "н"), ("p", "п"), ("r", "р"), ("s", "с"), ("t", "т"), ("f", "ф"),
    ]
    private static let vowels: [(String, String)] = [("a", "а"), ("o", "о"), ("u", "у"), ("i", "и")]
    /// Three consonant-vowel syllables: 56³ = 175,616 stems.
    static let capacity = 175_616

    private let multiplier: Int
    private let offset: Int

    init(rng: inout SplitMix64) {
        // A bijection on 0..<capacity: an affine map whose multiplier is prime to 2 and 7.
        var m = 1 + 2 * rng.index(Self.capacity / 2)
        while m % 7 == 0 { m += 2 }
        multiplier = m
        offset = rng.index(Self.capacity)
    }

    /// The stem of the `index`th name, in Latin and Cyrillic.
    func stem(_ index: Int) -> (latin: String, cyrillic: String) {
        precondition(index < Self.capacity, "at most \(Self.capacity) distinct names")
        var code = (index * multiplier + offset) % Self.capacity
        var latin = ""
        var cyrillic = ""
        for _ in 0..<3 {
            let syllable = code % 56
            code /= 56
            let (c, v) = (Self.consonants[syllable / 4], Self.vowels[syllable % 4])
            latin += c.0 + v.0
            cyrillic += c.1 + v.1
        }
        return (latin, cyrillic)
    }
}

extension String {
    var capitalizedFirst: String {
        prefix(1).uppercased() + dropFirst()
    }
}
