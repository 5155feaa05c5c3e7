/// Sources by id, gathered once per run: layers look them up for every event on every day,
/// and a scan of the timeline each time would make a long run quadratic.
public struct SourceIndex: Sendable {
    private let byID: [String: Source]
    /// The sources' URLs alone, the only field the control layers look up on every day.
    private let urlByID: [String: String]

    public init(_ timeline: Timeline) {
        byID = Dictionary(timeline.sources.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        urlByID = byID.compactMapValues { $0.url.isEmpty ? nil : $0.url }
    }

    public func source(id: String) -> Source? {
        byID[id]
    }

    /// The source's URL; nil when the source is unknown or has none.
    public func url(id: String) -> String? {
        urlByID[id]
    }
}
