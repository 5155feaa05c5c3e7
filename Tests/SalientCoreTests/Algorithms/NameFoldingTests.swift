import SalientTestSupport
import Testing

@testable import SalientCore

@Suite struct NameFoldingTests {
    @Test(arguments: [
        ("Russkoye Porechnoye", "Русское Поречное"),
        ("Porech'ye", "Porechye"),
        ("Poretschnoje", "Porechnoye"),
        ("Belgorod", "Бєлгород"),
        ("Sudzha", "СУДЖА"),
        ("Malaya  Loknya", "malaya-loknya"),
        ("Lgov", "Ľgov"),
    ])
    func spellingsMeet(_ a: String, _ b: String) {
        #expect(NameFolding.key(a) == NameFolding.key(b))
    }

    @Test func wordsAreSplitAtSeparators() {
        #expect(NameFolding.words(of: "Kursk NPP-2 (unit 1)") == ["kursk", "npp", "2", "unit", "1"])
        #expect(NameFolding.words(of: "  ") == [])
    }

    /// The ASCII fast path must split exactly as the Unicode path does: every pair of
    /// printable ASCII characters, each between letters and alone.
    @Test func asciiPathAgreesWithUnicodePath() {
        let printable = (32...126).map { String(UnicodeScalar(UInt8($0))) }
        for a in printable {
            for b in printable {
                for text in [a + b, "x" + a + b + "y", a + "ab" + b] {
                    #expect(NameFolding.asciiWords(text) == NameFolding.unicodeWords(text), "\(text)")
                }
            }
        }
    }

    /// The byte-level levelling of ASCII words must give what Foundation's replacements give:
    /// every word of up to five letters over the letters the rules look at (tsch, sch, j
    /// before a vowel, ye, the -iy endings), overlaps and repeats included.
    @Test func asciiLevellingAgreesWithFoundation() {
        let letters = Array("tschjyeaio").map(String.init)
        var words = letters
        var last = letters
        for _ in 2...5 {
            last = last.flatMap { word in letters.map { word + $0 } }
            words += last
        }
        var disagreements: [String] = []
        for word in words where NameFolding.levelASCIIRomanisation(word) != NameFolding.levelRomanisation(word) {
            disagreements.append(word)
        }
        #expect(words.count == 111_110)
        #expect(disagreements.count == 0, "for instance \(disagreements.prefix(10))")
        #expect(NameFolding.levelASCIIRomanisation("tschetschjoiy") == "chechyoy")
    }

    /// The byte path of `key` and `words(of:)` (ASCII and the Cyrillic of the tables) must fold
    /// every name as Unicode's lowercasing and the general path do: 20,000 generated names over
    /// capitals and small letters of both blocks, letters the tables lack (ђ, ґ), Latin with
    /// diacritics, apostrophes, digits and separators.
    @Test func bytePathAgreesWithUnicodePath() {
        let alphabet = Array(
            "AZaz09 -'`^.(),ABCJSYjsyetchiАБВЁЄІЇЎЯабвгджзийёєіїўяьъщЀЏѐџђґĽľžŽšéÉ’ʼ\u{0301}")
        var generator = SeededGenerator(seed: 11)
        var viaBytes = 0
        for _ in 0..<20_000 {
            let length = Int(generator.next() % 12)
            let name = String((0..<length).map { _ in alphabet[Int(generator.next() % UInt64(alphabet.count))] })
            if NameFolding.asciiTransliteration(name) != nil { viaBytes += 1 }
            let general = NameFolding.unicodeFoldedWords(of: name)
            #expect(NameFolding.words(of: name) == general, "\(name)")
            #expect(NameFolding.key(name) == general.joined(), "\(name)")
        }
        // Both paths are exercised: neither share is small.
        #expect(viaBytes > 2_000 && viaBytes < 18_000, "\(viaBytes) of 20,000 took the byte path")
    }
}
