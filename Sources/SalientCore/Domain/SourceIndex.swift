/// Sources by id, gathered once per run: layers look them up for every event on every day,
/// and a scan of the timeline each time would make a long run quadratic.
public struct SourceIndex: Sendable {
    private let byID: [String: Source]

    public init(_ timeline: Timeline) {
        byID = Dictionary(timeline.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    public func source(id: String) -> Source? {
        byID[id]
    }
}
