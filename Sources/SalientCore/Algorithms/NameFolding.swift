import Foundation

/// Folds a place name to a key under which spellings of the same name meet: case,
/// diacritics, hyphens, apostrophes and spacing are dropped, Cyrillic is transliterated
/// (BGN/PCGN-like), and the usual differences between romanisation systems are levelled
/// (ja/ya, -iy/-y/-ij, -ye/-e, ž/zh, German tsch/sch). Spellings no rule can reach (Suja for Sudzha) belong
/// in the gazetteer as aliases.
public enum NameFolding {
    public static func key(_ name: String) -> String {
        guard let latin = asciiTransliteration(name) else { return words(of: name).joined() }
        var key: [UInt8] = []
        key.reserveCapacity(latin.count)
        forEachASCIIWord(latin) { word in
            levelASCIIRomanisation(&word)
            key.append(contentsOf: word)
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// The name lowercased and transliterated, as bytes, when every scalar is ASCII or a
    /// Cyrillic letter of the tables; nil for anything else, which takes the Unicode path.
    /// The same bytes as `transliterated(_:)` gives, without building strings per letter: a
    /// gazetteer of 200,000 places folds every name and alias on loading.
    static func asciiTransliteration(_ name: String) -> [UInt8]? {
        var latin: [UInt8] = []
        latin.reserveCapacity(name.utf8.count)
        for scalar in name.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                let byte = UInt8(value)
                latin.append(byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z") ? byte + 32 : byte)
                continue
            }
            // Cyrillic capitals lowercase by a fixed offset in these two blocks (Unicode's
            // UnicodeData.txt): А–Я to а–я, Ѐ–Џ to ѐ–џ.
            let lower: UInt32
            switch value {
            case 0x410...0x42F: lower = value + 0x20
            case 0x400...0x40F: lower = value + 0x50
            case 0x430...0x45F: lower = value
            default: return nil
            }
            guard let replacement = cyrillicBytes[Int(lower - 0x430)] else { return nil }
            latin.append(contentsOf: replacement)
        }
        return latin
    }

    /// `cyrillic`'s replacements by scalar from U+0430 to U+045F; nil where it has none.
    private static let cyrillicBytes: [[UInt8]?] = (0x430...0x45F).map { value in
        cyrillic[Unicode.Scalar(UInt32(value))!].map { Array($0.utf8) }
    }

    /// The key without the levelling of romanisation systems: the name as written, save case,
    /// diacritics, spacing and Cyrillic transliteration. Two names with one key but different
    /// literal keys met only through levelling (Poretschnoje and Porechnoye).
    public static func literalKey(_ name: String) -> String {
        let latin = transliterated(name)
        return (latin.utf8.allSatisfy { $0 < 0x80 } ? asciiWords(latin) : unicodeWords(latin)).joined()
    }

    private static func transliterated(_ name: String) -> String {
        var latin = ""
        for scalar in name.lowercased().unicodeScalars {
            if !scalar.isASCII, let replacement = cyrillic[scalar] ?? caronLatin[scalar] {
                latin += replacement
            } else {
                latin.unicodeScalars.append(scalar)
            }
        }
        return latin
    }

    /// The folded words of a name, before they are joined into a key.
    public static func words(of name: String) -> [String] {
        if let latin = asciiTransliteration(name) {
            var words: [String] = []
            forEachASCIIWord(latin) { word in
                levelASCIIRomanisation(&word)
                words.append(String(decoding: word, as: UTF8.self))
            }
            return words
        }
        return unicodeFoldedWords(of: name)
    }

    /// `words(of:)` through Unicode's own lowercasing and Character properties, for any text:
    /// what the byte path must agree with.
    static func unicodeFoldedWords(of name: String) -> [String] {
        var latin = ""
        for scalar in name.lowercased().unicodeScalars {
            // No ASCII letter is transliterated; skipping the tables spares a hash per letter.
            if !scalar.isASCII, let replacement = cyrillic[scalar] ?? caronLatin[scalar] {
                latin += replacement
            } else {
                latin.unicodeScalars.append(scalar)
            }
        }
        if latin.utf8.allSatisfy({ $0 < 0x80 }) {
            return asciiWords(latin).map(levelASCIIRomanisation)
        }
        return unicodeWords(latin).map { word in
            word.utf8.allSatisfy { $0 < 0x80 } ? levelASCIIRomanisation(word) : levelRomanisation(word)
        }
    }

    /// `unicodeWords` for text that is all ASCII, as most names are once Cyrillic is
    /// transliterated, on bytes: every name and alias is folded on loading (Benchmarks/README.md,
    /// "Code written for speed"). ASCII has no decomposition; its only diacritics, ^ and `, are
    /// dropped as the Unicode path drops them.
    static func asciiWords(_ latin: String) -> [String] {
        var words: [String] = []
        forEachASCIIWord(Array(latin.utf8)) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// Calls `body` with each word of ASCII text in turn, in a buffer it may change.
    private static func forEachASCIIWord<Bytes: Sequence<UInt8>>(_ latin: Bytes, _ body: (inout [UInt8]) -> Void) {
        var current: [UInt8] = []
        for byte in latin {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"):
                current.append(byte)
            case UInt8(ascii: "'"), UInt8(ascii: "`"), UInt8(ascii: "^"):
                continue
            default:
                if !current.isEmpty {
                    body(&current)
                    current.removeAll(keepingCapacity: true)
                }
            }
        }
        if !current.isEmpty { body(&current) }
    }

    /// Splits text into words of letters and digits, after compatibility decomposition with
    /// the diacritics taken out; apostrophes join, anything else separates.
    static func unicodeWords(_ latin: String) -> [String] {
        let stripped = latin.decomposedStringWithCompatibilityMapping.unicodeScalars
            .filter { !$0.properties.isDiacritic && $0.properties.generalCategory != .nonspacingMark }
        let apostrophes: Set<Character> = ["'", "’", "ʼ", "‘", "`", "´", "ʹ"]
        var words: [String] = []
        var current = ""
        for character in String(String.UnicodeScalarView(stripped)) {
            if character.isLetter || character.isNumber {
                current.append(character)
            } else if apostrophes.contains(character) {
                continue  // "Porech'ye" and "Porechye" are one word
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    static func levelRomanisation(_ word: String) -> String {
        // German romanisation: tsch = ch, sch = sh (Poretschnoje, Kurschatow).
        // Each rule only when its letter is there: Foundation's search is slow, and a gazetteer
        // of 50,000 places folds every name and alias.
        var w = word
        if w.utf8.contains(UInt8(ascii: "s")) {
            w = w.replacingOccurrences(of: "tsch", with: "ch").replacingOccurrences(of: "sch", with: "sh")
        }
        if w.utf8.contains(UInt8(ascii: "j")) {
            for vowel in ["a", "e", "o", "u", "i"] { w = w.replacingOccurrences(of: "j" + vowel, with: "y" + vowel) }
        }
        if w.utf8.contains(UInt8(ascii: "y")) { w = w.replacingOccurrences(of: "ye", with: "e") }
        for ending in ["iy", "ij", "ii", "yi", "yy"] where w.hasSuffix(ending) && w.count > 3 {
            w = String(w.dropLast(2)) + "y"
            break
        }
        return w
    }

    /// `levelRomanisation` for a word that is all ASCII, the same rules in the same order on
    /// bytes, in place, for the same reason as `asciiWords`.
    static func levelASCIIRomanisation(_ word: String) -> String {
        var w = Array(word.utf8)
        levelASCIIRomanisation(&w)
        return String(decoding: w, as: UTF8.self)
    }

    private static func levelASCIIRomanisation(_ w: inout [UInt8]) {
        let s = UInt8(ascii: "s")
        let j = UInt8(ascii: "j")
        let y = UInt8(ascii: "y")
        let i = UInt8(ascii: "i")
        // Every rule needs an s, a j or a y, but for the -ii ending, which needs a final i.
        guard w.contains(where: { $0 == s || $0 == j || $0 == y }) || w.last == i else { return }
        if w.contains(s) {
            replaceAll(tsch, with: ch, in: &w)
            replaceAll(sch, with: sh, in: &w)
        }
        // j before a vowel becomes y: turning a j into a y never changes what follows it, so
        // one pass does what one replacement per vowel does.
        for index in w.indices.dropLast() where w[index] == j && vowels.contains(w[index + 1]) {
            w[index] = y
        }
        replaceAll(ye, with: e, in: &w)
        if w.count > 3, endings.contains(where: { w[w.count - 2] == $0.0 && w[w.count - 1] == $0.1 }) {
            w.removeLast(2)
            w.append(y)
        }
    }

    private static let tsch = Array("tsch".utf8), ch = Array("ch".utf8), sch = Array("sch".utf8), sh = Array("sh".utf8)
    private static let ye = Array("ye".utf8), e = Array("e".utf8), vowels = Array("aeoui".utf8)
    private static let endings: [(UInt8, UInt8)] = ["iy", "ij", "ii", "yi", "yy"].map {
        ($0.utf8.first!, $0.utf8.last!)
    }

    /// Replaces every occurrence of `pattern`, found left to right without overlapping, as
    /// Foundation's `replacingOccurrences(of:with:)` does. The replacement is never longer
    /// than the pattern, so the bytes are moved down in place.
    private static func replaceAll(_ pattern: [UInt8], with replacement: [UInt8], in bytes: inout [UInt8]) {
        var read = 0
        var write = 0
        while read < bytes.count {
            if read + pattern.count <= bytes.count, bytes[read..<read + pattern.count].elementsEqual(pattern) {
                for byte in replacement {
                    bytes[write] = byte
                    write += 1
                }
                read += pattern.count
            } else {
                bytes[write] = bytes[read]
                write += 1
                read += 1
            }
        }
        bytes.removeLast(bytes.count - write)
    }

    private static let caronLatin: [Unicode.Scalar: String] = [
        "ž": "zh", "ż": "zh", "š": "sh", "č": "ch", "ć": "ch", "ł": "l",
    ]

    private static let cyrillic: [Unicode.Scalar: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
        "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
        "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
        // Ukrainian and Belarusian letters
        "і": "i", "ї": "yi", "є": "ye", "ґ": "g", "ў": "u",
    ]

    /// Levenshtein distance between two keys, for "did you mean" suggestions.
    public static func editDistance(_ a: String, _ b: String) -> Int {
        editDistance(Array(a), Array(b), limit: .max)!
    }

    /// Levenshtein distance when it is at most `limit`, else nil. Only the band of cells
    /// within `limit` of the diagonal can hold such a distance, and a row whose every cell
    /// exceeds it ends the search, so a huge misspelt name against a short one costs
    /// O(limit) instead of the product of their lengths.
    public static func editDistance<C: Equatable>(_ a: [C], _ b: [C], limit: Int) -> Int? {
        guard abs(a.count - b.count) <= limit else { return nil }
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        let outside = limit == .max ? Int.max : limit + 1
        var previous = (0...b.count).map { $0 <= limit ? $0 : outside }
        var current = [Int](repeating: outside, count: b.count + 1)
        for i in 1...a.count {
            let low = max(1, i - limit)
            let high = limit >= b.count ? b.count : min(b.count, i + limit)
            current[0] = i <= limit ? i : outside
            if low > 1 { current[low - 1] = outside }
            var rowMinimum = current[0]
            if low <= high {
                for j in low...high {
                    let substitution =
                        previous[j - 1] == outside ? outside : previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
                    let deletion = previous[j] == outside ? outside : previous[j] + 1
                    let insertion = current[j - 1] == outside ? outside : current[j - 1] + 1
                    let cell = Swift.min(substitution, deletion, insertion)
                    current[j] = cell > limit ? outside : cell
                    rowMinimum = Swift.min(rowMinimum, current[j])
                }
            }
            if high < b.count { current[high + 1] = outside }
            if rowMinimum > limit { return nil }
            swap(&previous, &current)
        }
        return previous[b.count] <= limit ? previous[b.count] : nil
    }
}
