import SalientCore

/// The control layers' properties as laid-out JSON members, day after day: a tier's lists
/// (settlements, events, sources, their URLs, the events not drawn) are laid out again only
/// when they change, and then only the ids new to a list are quoted (`JoinedList`). The
/// members are those of `ExportLayers.controlProperties`, in its order.
public final class ControlMembers {
    /// One tier's lists as laid out on the last day it was asked for.
    private struct Kept {
        var settlements = JoinedList(key: "settlements")
        var events = JoinedList(key: "events")
        var sources = JoinedList(key: "sources")
        var sourceURLs = JoinedList(key: "source_urls")
        /// nil until the tier is first laid out, so that its first day lays its members out.
        var unmapped: [UnmappedEvent]? = nil
        var members: [(key: String, text: String)] = []
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
            laidOut(ExportLayers.controlHead(area, estimate: estimate)) + lists(of: area, estimate: estimate) + tail
        }
    }

    /// The members of `ExportLayers.controlLists`, laid out again only where a list changed.
    private func lists(of area: ControlArea, estimate: ControlEstimate) -> [(key: String, text: String)] {
        var tier = kept[area.tier, default: Kept()]
        kept[area.tier] = nil  // lets the lists below be changed in place, not copied
        defer { kept[area.tier] = tier }
        // Not `||`: every list is brought up to date, changed or not.
        let changed = [
            tier.settlements.update(to: area.settlementIDs) { $0 },
            tier.events.update(to: area.eventIDs) { $0 },
            tier.sources.update(to: area.sourceIDs) { $0 },
            tier.sourceURLs.update(to: area.sourceIDs, piece: sources.url(id:)),
        ]
        if changed.contains(true) || tier.unmapped != estimate.unmapped {
            tier.unmapped = estimate.unmapped
            func member(_ key: String, _ json: String) -> (key: String, text: String) {
                (key: key, text: FeatureLayout.member(key, text: json))
            }
            tier.members = [
                member("settlement_count", String(area.settlementIDs.count)),
                (key: "settlements", text: tier.settlements.member),
                member("event_count", String(area.eventIDs.count)),
                (key: "events", text: tier.events.member),
                (key: "sources", text: tier.sources.member),
                (key: "source_urls", text: tier.sourceURLs.member),
                member("unmapped_events", JSONValue.string(ExportLayers.unmappedText(estimate)).serialized),
            ]
        }
        return tier.members
    }
}
