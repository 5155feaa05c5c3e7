import Foundation
import Testing

@testable import SalientIO

@Suite struct YAMLComposerTests {
    private func value(_ node: YAMLNode?, _ key: String) -> YAMLNode? {
        node?.mapping?.first(where: { $0.scalarKey == key })?.value
    }

    @Test func everyValueKeepsTheLineItStartsOn() throws {
        let text = "a: 1\nb:\n  - x\n  - {c: 2}\n\nd: |\n  block\n"
        let root = try #require(try YAMLComposer.root(of: text))
        #expect(root.line == 1)
        #expect(value(root, "a")?.line == 1)
        let list = try #require(value(root, "b")?.sequence)
        #expect(list.map(\.line) == [3, 4])
        #expect(value(list[1], "c")?.line == 4)
        #expect(value(root, "d")?.string == "block\n")
        #expect(root.mapping?.map(\.key.line) == [1, 2, 6])
    }

    @Test func flowStyleIsTheStartEventsNotTheEnds() throws {
        let root = try #require(try YAMLComposer.root(of: "a: []\nb:\n  - 1\nc: {x: 1}\n"))
        #expect(value(root, "a")?.isFlow == true)
        #expect(value(root, "b")?.isFlow == false)
        #expect(value(root, "c")?.isFlow == true)
    }

    @Test func nullIsAPlainNullFormOrAPlainValueTaggedNull() throws {
        let text = "a:\nb: ~\nc: null\nd: NULL\ne: 'null'\nf: \"\"\ng: !!null x\nh: !!str ~\ni: nil\n"
        let root = try #require(try YAMLComposer.root(of: text))
        let nulls = root.mapping?.filter(\.value.isNull).compactMap(\.scalarKey)
        #expect(nulls == ["a", "b", "c", "d", "g"])
        #expect(value(root, "e")?.scalar?.isPlain == false)
        #expect(value(root, "i")?.scalar?.isPlain == true)
    }

    @Test func anAliasStandsForItsAnchorsValue() throws {
        let root = try #require(try YAMLComposer.root(of: "a: &x [1, 2]\nb: *x\n"))
        #expect(value(root, "b")?.sequence?.compactMap(\.string) == ["1", "2"])
        #expect(throws: YAMLSyntaxError.malformed("malformed YAML: found undefined alias", line: 2)) {
            try YAMLComposer.root(of: "a: 1\nb: *nowhere\n")
        }
    }

    /// Short mappings are searched and long ones hashed: both must find the second writing.
    @Test(arguments: [2, 15, 16, 17, 40])
    func aKeyWrittenTwiceIsRefusedOnItsSecondLine(keys: Int) {
        let lines = (0..<keys).map { "k\($0): \($0)" } + ["k\(keys / 2): again"]
        #expect(throws: YAMLSyntaxError.duplicateKey("k\(keys / 2)", line: keys + 1)) {
            try YAMLComposer.root(of: lines.joined(separator: "\n") + "\n")
        }
    }

    @Test func aQuotedAndAPlainKeyOfTheSameTextAreTheSameKey() {
        #expect(throws: YAMLSyntaxError.duplicateKey("id", line: 2)) { try YAMLComposer.root(of: "id: 1\n'id': 2\n") }
    }

    @Test func aFileHoldsOneDocument() throws {
        #expect(try YAMLComposer.root(of: "") == nil)
        #expect(try YAMLComposer.root(of: "# only a comment\n") == nil)
        #expect(
            throws: YAMLSyntaxError.malformed(
                "malformed YAML: a second document starts here; a file holds a single document", line: 2)
        ) { try YAMLComposer.root(of: "a: 1\n---\nb: 2\n") }
    }

    @Test func libyamlsComplaintKeepsItsWordsAndLine() {
        #expect(
            throws: YAMLSyntaxError.malformed(
                "malformed YAML: mapping values are not allowed in this context", line: 3)
        ) { try YAMLComposer.root(of: "a: 1\nb: 2\n c: 3\n") }
        #expect(
            throws: YAMLSyntaxError.malformed(
                "malformed YAML: did not find expected ',' or ']' while parsing a flow sequence started on line 1",
                line: 2)
        ) { try YAMLComposer.root(of: "a: [1, 2\nb: 3\n") }
        #expect(throws: YAMLSyntaxError.reader(problem: "control characters are not allowed")) {
            try YAMLComposer.root(of: "a: \u{1}\n")
        }
    }

    @Test func aScalarMayHoldNulAndAnyUnicode() throws {
        let root = try #require(try YAMLComposer.root(of: "a: \"x\\0y\"\nb: Суджа\n"))
        #expect(value(root, "a")?.string == "x\u{0}y")
        #expect(value(root, "b")?.string == "Суджа")
    }
}
