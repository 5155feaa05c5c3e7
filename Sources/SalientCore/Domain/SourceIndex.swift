/// Sources by id and the sources behind each event, gathered once per run: layers look them
/// up for every event on every day, and a scan of the timeline each time would make a long
/// run quadratic.
public struct SourceIndex: Sendable {
    private let byID: [String: Source]
    /// Every source id cited by an event, sorted; events refer to them by position, so the
    /// sources behind a day's thousands of events are gathered without hashing or sorting text.
    private let citedIDs: [String]
    private let byEvent: [String: [Int]]

    public init(_ timeline: Timeline) {
        byID = Dictionary(timeline.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        citedIDs = Array(Set(timeline.events.flatMap(\.sourceIDs))).sorted()
        let position = Dictionary(uniqueKeysWithValues: citedIDs.enumerated().map { ($1, $0) })
        byEvent = Dictionary(timeline.events.map { ($0.id, $0.sourceIDs.map { position[$0]! }) },
                             uniquingKeysWith: { first, _ in first })
    }

    public func source(id: String) -> Source? {
        byID[id]
    }

    /// The distinct sources the given events cite, sorted by id.
    public func sourceIDs(behind eventIDs: [String]) -> [String] {
        var cited = [Bool](repeating: false, count: citedIDs.count)
        for id in eventIDs {
            for position in byEvent[id] ?? [] { cited[position] = true }
        }
        return cited.indices.filter { cited[$0] }.map { citedIDs[$0] }
    }
}
