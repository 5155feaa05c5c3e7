import SalientCore

/// The control layers' properties as laid-out JSON members, day after day: a tier's lists
/// (settlements, events, sources, their URLs, the events not drawn) are joined and quoted
/// again only when they change, which on a long run is a few days in a hundred. The members
/// are those of `ExportLayers.controlProperties`, in its order.
public final class ControlMembers {
    private struct Kept {
        var settlementIDs: [String]
        var eventIDs: [String]
        var sourceIDs: [String]
        var unmapped: [UnmappedEvent]
        var members: [(key: String, text: String)]
    }

    private let timeline: Timeline
    private let sources: SourceIndex
    private var kept: [ControlTier: Kept] = [:]

    public init(_ timeline: Timeline, sources: SourceIndex) {
        self.timeline = timeline
        self.sources = sources
    }

    /// Each tier's members, in the order of `estimate.tiers`.
    public func members(of estimate: ControlEstimate) -> [[(key: String, text: String)]] {
        func laidOut(_ properties: [(String, JSONValue)]) -> [(key: String, text: String)] {
            properties.map { (key: $0.0, text: FeatureLayout.member($0)) }
        }
        let tail = laidOut(ExportLayers.controlTail(timeline, estimate: estimate))
        return estimate.tiers.map { area in
            let lists: [(key: String, text: String)]
            if let kept = kept[area.tier], kept.settlementIDs == area.settlementIDs, kept.eventIDs == area.eventIDs,
                kept.sourceIDs == area.sourceIDs, kept.unmapped == estimate.unmapped
            {
                lists = kept.members
            } else {
                lists = laidOut(
                    ExportLayers.controlLists(
                        area, unmapped: ExportLayers.unmappedText(estimate), sources: sources))
                kept[area.tier] = Kept(
                    settlementIDs: area.settlementIDs, eventIDs: area.eventIDs, sourceIDs: area.sourceIDs,
                    unmapped: estimate.unmapped, members: lists)
            }
            return laidOut(ExportLayers.controlHead(area, estimate: estimate)) + lists + tail
        }
    }
}
