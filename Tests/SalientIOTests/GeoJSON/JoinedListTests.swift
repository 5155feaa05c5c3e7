import SalientTestSupport
import Testing

@testable import SalientIO

@Suite struct JoinedListTests {
    /// Ids whose pieces need escaping, are empty, or are left out, so that a piece copied from
    /// the day before has to keep its escapes and a list's separators fall where `joined` puts them.
    static let pool: [String] = (0..<60).map { "id-" + ($0 < 10 ? "0" : "") + String($0) }

    static func piece(_ id: String) -> String? {
        let n = Int(id.dropFirst(3))!
        switch n % 6 {
        case 0: return nil
        case 1: return ""
        case 2: return "say \"\(n)\"\\\n\t\u{1}"
        case 3: return "Суджа \(n)"
        default: return "https://example.org/\(n)"
        }
    }

    /// Over 2,000 generated days (lists that gain and lose ids, stay the same, empty out, and,
    /// one day in five, come in another order), the list kept from day to day is the list
    /// joined and quoted afresh.
    @Test func everyDayMatchesTheListJoinedAfresh() {
        var generator = SeededGenerator(seed: 18)
        var list = JoinedList(key: "say \"ids\"")
        var members = Set<String>()
        var asked = 0
        for day in 0..<2_000 {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0: members = []
            case 1: break
            default:
                for _ in 0..<Int.random(in: 1...6, using: &generator) {
                    let id = Self.pool.randomElement(using: &generator)!
                    if members.contains(id) { members.remove(id) } else { members.insert(id) }
                }
            }
            var ids = members.sorted()
            if Int.random(in: 0..<5, using: &generator) == 0 { ids.shuffle(using: &generator) }
            list.update(to: ids) {
                asked += 1
                return Self.piece($0)
            }
            let expected = JSONValue.object([
                ("say \"ids\"", .string(ids.compactMap(Self.piece).joined(separator: "; ")))
            ]).serialized
            #expect("{" + list.member + "}" == expected, "day \(day): \(ids)")
        }
        // The pieces of kept ids are copied, not asked for again: far fewer asks than ids laid out.
        #expect(asked < 20_000, "asked \(asked) times")
    }

    @Test func sayWhetherTheListChanged() {
        var list = JoinedList(key: "ids")
        #expect(!list.update(to: []) { $0 })
        #expect(list.member == #""ids": """#)
        #expect(list.update(to: ["a", "b"]) { $0 })
        #expect(!list.update(to: ["a", "b"]) { $0 })
        #expect(list.update(to: ["b"]) { $0 })
        #expect(list.member == #""ids": "b""#)
    }
}
