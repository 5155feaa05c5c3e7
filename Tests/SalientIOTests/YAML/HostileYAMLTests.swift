import Foundation
import SalientCore
import SalientTestSupport
import Testing

@testable import SalientIO

/// Files made to exhaust the reader, and messages made to mislead a terminal: each is refused
/// with one short line naming the file, the line and the field.
@Suite struct HostileYAMLTests {
    /// `levels` anchors, each a list of `fanOut` aliases of the one before: fanOut^levels values.
    static func bombAnchors(levels: Int, fanOut: Int, json: Bool) -> [String] {
        let quote = json ? "\"" : ""
        var lines = [
            "\(quote)l0\(quote): &l0 [" + Array(repeating: "\(quote)x\(quote)", count: fanOut).joined(separator: ", ")
                + "]"
        ]
        for level in 1..<levels {
            lines.append(
                "\(quote)l\(level)\(quote): &l\(level) ["
                    + Array(repeating: "*l\(level - 1)", count: fanOut).joined(separator: ", ") + "]")
        }
        return lines
    }

    /// Where a bomb is set off: as a block key, a flow key, a key inside a key, and a value.
    static let detonations: [(name: String, text: @Sendable (String) -> String)] = [
        ("block key", { "? *\($0)\n: boom\n" }),
        ("flow key", { "flow: {*\($0): boom}\n" }),
        ("key of a key", { "? {inner: *\($0)}\n: boom\n" }),
        ("value", { "value: *\($0)\n" }),
    ]

    @Test(arguments: [(9, 10), (10, 9), (40, 2), (6, 30)])
    func aliasBombsAreRefusedBeforeTheyAreComposed(levels: Int, fanOut: Int) throws {
        for detonation in Self.detonations {
            let text =
                Self.bombAnchors(levels: levels, fanOut: fanOut, json: false).joined(separator: "\n") + "\n"
                + detonation.text("l\(levels - 1)")
            let error = try #require(throws: InputError.self, "\(detonation.name)") {
                _ = try NodeReader(file: "bomb.yaml").root(of: text)
            }
            #expect(error.message == "the file expands to more values than its size allows", "\(detonation.name)")
            #expect(error.line != nil && error.field != nil, "\(detonation.name)")
        }
    }

    /// GeoJSON is read by the YAML parser, so a .geojson can hold anchors: the gazetteer reader
    /// meets the same refusal.
    @Test func aliasBombKeyInAGazetteerFileIsRefused() throws {
        let anchors = Self.bombAnchors(levels: 10, fanOut: 9, json: true).joined(separator: ",\n")
        let text = "{\"type\": \"FeatureCollection\",\n\(anchors),\n? *l9\n: \"boom\",\n\"features\": []}\n"
        let error = try #require(throws: InputError.self) {
            _ = try GazetteerReader.parse(text: text, file: "places.geojson")
        }
        #expect(
            error.description == "the file expands to more values than its size allows (places.geojson:7, field l5[0]) "
                + "— YAML aliases that repeat large parts (an alias bomb) are refused")
    }

    /// Anchors that repeat little stay readable: the walk counts, it does not forbid.
    @Test func modestAliasesStillRead() throws {
        let text = "base: &base {a: 1, b: 2}\nitems: [*base, *base, *base]\n? *base\n: keyed\n"
        let root = try NodeReader(file: "ok.yaml").root(of: text)
        #expect(root.mapping?.count == 3)
    }

    /// Yams's message for a duplicate key quotes the whole file; ours is one line with the key's field.
    @Test func duplicateKeyInALargeFileIsOneLine() throws {
        var text = "events:\n"
        for index in 0..<20_000 { text += "  - {id: e\(index), summary: one more event}\n" }
        text += "  - id: last\n    summary: first\n    summary: second\n"
        let error = try #require(throws: InputError.self) { _ = try NodeReader(file: "big.yaml").root(of: text) }
        #expect(
            error.description == "duplicate key 'summary' (big.yaml:20004, field events[20000].summary) "
                + "— first written on line 20003; a key may appear once in a mapping")
    }

    @Test func rawControlCharacterNamesItsLineAndField() throws {
        let text = "salient: 1\nevents:\n  - id: a\n    summary: bad \u{7} bell\n"
        let error = try #require(throws: InputError.self) { _ = try NodeReader(file: "t.yaml").root(of: text) }
        #expect(
            error.description == "the control character U+0007 is not allowed in YAML or JSON text "
                + "(t.yaml:4, field events[0].summary) — remove it, or write it as an escape such as \\t inside double quotes"
        )
    }

    /// Whatever a value holds, a message stays one line: a newline cannot forge a second
    /// `error:` line, and a terminal escape is shown, not obeyed.
    @Test func messagesEscapeControlCharacters() {
        let error = InputError(
            "unknown place 'Bravo\nerror: forged\u{1B}[31m\u{202E}'", file: "t\u{7}.yaml", line: 3,
            field: "events[0].place\r", hint: "did you mean\tBravo?")
        #expect(
            error.description == "unknown place 'Bravo\\nerror: forged\\u{1B}[31m\\u{202E}' (t\\u{7}.yaml:3, "
                + "field events[0].place\\r) — did you mean\\tBravo?")
        #expect(!error.description.unicodeScalars.contains { $0.properties.generalCategory == .control })
    }

    @Test func hugePartsOfAMessageAreCut() {
        let error = InputError("unknown time zone '\(String(repeating: "x", count: 5_000))'", file: "t.yaml", line: 1)
        let expected =
            "unknown time zone '" + String(repeating: "x", count: InputError.partLimit - 19)
            + "… (4020 more characters) (t.yaml:1)"
        #expect(error.description == expected)
    }

    /// A day in year 0000 does not exist (1 BC is followed by AD 1).
    @Test func yearZeroIsNotADay() throws {
        let root = try NodeReader(file: "t.yaml").root(of: "date: 0000-03-01\n")
        let fields = try NodeReader(file: "t.yaml").mapping(root, field: nil)
        let error = try #require(throws: InputError.self) { _ = try fields.day("date") }
        #expect(
            error.description
                == "'0000-03-01' is not a date (t.yaml:1, field date) — write a day that exists as YYYY-MM-DD")
        #expect(
            try fields.reader.day(NodeReader(file: "t.yaml").root(of: "0001-01-01"), field: "d")
                == CalendarDay("0001-01-01"))
    }

    @Test(arguments: ["9999999999999", "0", "-1", "64.5", "lots", "", "99999999999999999999999"])
    func maximumInputSettingOutOfRangeIsRefused(setting: String) throws {
        guard case .failure(let error) = Limits.parseFileBytes(setting) else {
            Issue.record("\(setting) was accepted")
            return
        }
        #expect(
            error.description
                == "SALIENT_MAX_INPUT_MB is '\(setting)', not a whole number of mebibytes from 1 to 1048576 "
                + "— unset it for the default of 64, or set it to e.g. 256")
    }

    @Test func maximumInputSettingWithinRangeIsRead() throws {
        #expect(try Limits.parseFileBytes(nil).get() == 64 << 20)
        #expect(try Limits.parseFileBytes("1").get() == 1 << 20)
        #expect(try Limits.parseFileBytes("1048576").get() == 1 << 40)
    }
}

/// "did you mean": bounded distances give the same suggestions as full ones, at a cost that
/// does not grow with a huge misspelling.
@Suite struct SuggestionTests {
    @Test func boundedDistanceAgreesWithTheFullOne() {
        var generator = SeededGenerator(seed: 13)
        let alphabet = Array("abcdeé")
        for _ in 0..<3_000 {
            let a = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let b = (0..<Int.random(in: 0...12, using: &generator)).map { _ in
                alphabet.randomElement(using: &generator)!
            }
            let full = NameFolding.editDistance(String(a), String(b))
            for limit in 0...8 {
                let bounded = NameFolding.editDistance(a, b, limit: limit)
                #expect(bounded == (full <= limit ? full : nil), "\(String(a)) \(String(b)) limit \(limit)")
            }
        }
    }

    @Test func closestWordsStillFound() {
        #expect(closest("vilage", among: ["city", "town", "village", "facility"]) == ["village"])
        #expect(closest("x", among: ["city", "town"]).isEmpty)
        #expect(closest(String(repeating: "village", count: 1_000_000), among: ["city", "town", "village"]).isEmpty)
    }
}
