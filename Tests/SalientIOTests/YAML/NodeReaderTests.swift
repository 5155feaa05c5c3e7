import Foundation
import Testing

@testable import SalientIO

@Suite struct NodeReaderTests {
    /// A field of nothing but blanks is refused as empty; the check must blank exactly what
    /// Foundation's whitespace trimming removes, for every Unicode scalar.
    @Test func blankMeansWhatTrimmingWhitespaceEmpties() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let text = String(scalar)
            if Fields.isBlank(text) != text.trimmingCharacters(in: .whitespaces).isEmpty { disagreements.append(value) }
        }
        #expect(disagreements.isEmpty)
        for text in ["", " ", "\t \u{00A0}\u{3000}", " Sudzha ", "\n", " \r\n"] {
            #expect(
                Fields.isBlank(text) == text.trimmingCharacters(in: .whitespaces).isEmpty, "\(text.debugDescription)")
        }
    }

    /// The check of ids against control characters, with its printable-ASCII shortcut, says
    /// what Unicode's general category says, for every scalar, alone and after ASCII text.
    @Test func controlCharactersAreFoundAsUnicodeDefinesThem() {
        var disagreements: [UInt32] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let expected = scalar.properties.generalCategory == .control || value == 0x2028 || value == 0x2029
            for text in [String(scalar), "Sudzha-" + String(scalar)]
            where NodeReader.holdsControlCharacter(text) != expected {
                disagreements.append(value)
            }
        }
        #expect(disagreements.isEmpty)
        #expect(!NodeReader.holdsControlCharacter("plain ASCII id ~"))
        #expect(NodeReader.holdsControlCharacter("tab\there"))
    }
}
