import SalientCore

/// The YAML lines of a draft: sources, events and claims in the timeline's format, each event
/// and claim marked `review: draft`, and the record of each article under `draft:`, with the
/// offsets of every place, date and claim found. Summaries are built from the extracted
/// fields; no sentence of an article is copied.
public enum DraftYAML {
    public static func source(_ draft: ArticleDraft, id: String, indent: String) -> [String] {
        let inner = indent + "  "
        return [
            "\(indent)- id: \(YAMLEmitter.quoted(id))",
            "\(inner)outlet: \(YAMLEmitter.quoted("unknown outlet (drafted from \(draft.file))"))",
            "\(inner)published: \(draft.publication.day!)",
            "\(inner)file: \(YAMLEmitter.quoted(draft.file))",
            "\(inner)note: \(YAMLEmitter.quoted("publication date from the \(draft.publication.origin.rawValue)"))",
        ]
    }

    public static func event(_ event: DraftedEvent, placeName: String, indent: String) -> [String] {
        let inner = indent + "  "
        let summary =
            "\(event.actor): \(event.kind.rawValue) at \(placeName), as drafted from "
            + "\(event.sourceIDs.joined(separator: ", ")); to be written by the reviewer"
        return [
            "\(indent)- id: \(YAMLEmitter.quoted(event.id))",
            "\(inner)review: draft",
            "\(inner)external_id: \(YAMLEmitter.quoted(event.externalID))",
            "\(inner)date: \(YAMLEmitter.date(event.date))",
            "\(inner)date_note: \(YAMLEmitter.quoted(event.dateNote))",
            "\(inner)kind: \(event.kind.rawValue)",
            "\(inner)place: \(YAMLEmitter.quoted(event.placeID))",
            "\(inner)actor: \(YAMLEmitter.quoted(event.actor))",
            "\(inner)summary: \(YAMLEmitter.quoted(summary))",
            "\(inner)sources: [\(event.sourceIDs.map(YAMLEmitter.quoted).joined(separator: ", "))]",
        ]
    }

    public static func claim(_ claim: DraftedClaim, indent: String) -> [String] {
        let inner = indent + "  "
        let value: String
        switch claim.figure.value {
        case .single(let v): value = formatNumber(v)
        case .range(let low, let high): value = "[\(formatNumber(low)), \(formatNumber(high))]"
        }
        var lines = [
            "\(indent)- id: \(YAMLEmitter.quoted(claim.id))",
            "\(inner)review: draft",
        ]
        if !claim.eventID.isEmpty { lines.append("\(inner)event: \(YAMLEmitter.quoted(claim.eventID))") }
        lines += [
            "\(inner)claimant: \(YAMLEmitter.quoted(claim.claimant))",
            "\(inner)stated: \(claim.stated)",
            "\(inner)as_of: \(claim.asOf)",
            "\(inner)date_note: \(YAMLEmitter.quoted(claim.dateNote))",
            "\(inner)quantity: \(claim.quantity.rawValue)",
            "\(inner)definition: \(claim.definition.rawValue)",
            "\(inner)value: \(value)",
            "\(inner)unit: \(YAMLEmitter.quoted(claim.figure.unit!.rawValue))",
            "\(inner)hedge: \(claim.figure.hedge.rawValue)",
            "\(inner)as_written: \(YAMLEmitter.quoted(claim.asWritten))",
            "\(inner)place: \(YAMLEmitter.quoted(claim.placeID))",
            "\(inner)to: \(YAMLEmitter.quoted(claim.to))",
            "\(inner)sources: [\(claim.sourceIDs.map(YAMLEmitter.quoted).joined(separator: ", "))]",
        ]
        return lines
    }

    /// The record of one article: what was found where, for a reviewer's tool to highlight.
    public static func record(_ draft: ArticleDraft, sourceID: String?, claimIDs: [String], indent: String) -> [String]
    {
        let inner = indent + "  "
        let item = inner + "  "
        var lines = [
            "\(indent)- file: \(YAMLEmitter.quoted(draft.file))",
            "\(inner)source: \(YAMLEmitter.quoted(sourceID ?? ""))",
            "\(inner)published: \(draft.publication.day.map(\.description) ?? "unknown")",
            "\(inner)published_from: \(YAMLEmitter.quoted(draft.publication.origin.rawValue))",
            "\(inner)places:" + (draft.places.isEmpty ? " []" : ""),
        ]
        for p in draft.places {
            lines.append(
                "\(item)- {start: \(p.start), end: \(p.end), text: \(YAMLEmitter.quoted(p.text)), "
                    + "place: \(YAMLEmitter.quoted(p.placeID ?? "")), "
                    + (p.candidates.isEmpty
                        ? "" : "candidates: [\(p.candidates.map(YAMLEmitter.quoted).joined(separator: ", "))], ")
                    + "rule: \(YAMLEmitter.quoted(p.rule))}")
        }
        lines.append("\(inner)dates:" + (draft.dates.isEmpty ? " []" : ""))
        for d in draft.dates {
            lines.append(
                "\(item)- {start: \(d.start), end: \(d.end), text: \(YAMLEmitter.quoted(d.text)), "
                    + "date: \(d.date.map(YAMLEmitter.date) ?? "unknown"), date_note: \(YAMLEmitter.quoted(d.rule))}")
        }
        lines.append("\(inner)claims:" + (draft.claims.isEmpty ? " []" : ""))
        for (c, id) in zip(draft.claims, claimIDs) {
            let value: String
            switch c.figure.value {
            case .single(let v): value = formatNumber(v)
            case .range(let low, let high): value = "[\(formatNumber(low)), \(formatNumber(high))]"
            }
            lines.append(
                "\(item)- {start: \(c.start), end: \(c.end), text: \(YAMLEmitter.quoted(c.text)), value: \(value), "
                    + "unit: \(YAMLEmitter.quoted(c.figure.unit?.rawValue ?? "")), hedge: \(c.figure.hedge.rawValue), "
                    + "claim: \(YAMLEmitter.quoted(id))}")
        }
        return lines
    }
}
