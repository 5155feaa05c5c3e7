/// Sources by id and the sources behind each event, gathered once per run: layers look them
/// up for every event on every day, and a scan of the timeline each time would make a long
/// run quadratic.
public struct SourceIndex: Sendable {
    private let byID: [String: Source]
    private let byEvent: [String: [String]]

    public init(_ timeline: Timeline) {
        byID = Dictionary(timeline.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        byEvent = Dictionary(timeline.events.map { ($0.id, $0.sourceIDs) }, uniquingKeysWith: { first, _ in first })
    }

    public func source(id: String) -> Source? {
        byID[id]
    }

    /// The distinct sources the given events cite, sorted by id.
    public func sourceIDs(behind eventIDs: [String]) -> [String] {
        var seen: Set<String> = []
        for id in eventIDs {
            for source in byEvent[id] ?? [] { seen.insert(source) }
        }
        return seen.sorted()
    }
}
