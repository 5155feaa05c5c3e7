import SalientCore

/// The timeline fields of place states (PlaceStates.swift): how a `control` event says its
/// place changed hands, and how long states last without a report.
enum PlaceStatesReader {
    /// The estimate keys this reader reads.
    static let estimateKeys = ["stale_after_days", "held_expires_days"]

    /// `stale_after_days` and `held_expires_days`, each nil when not given.
    static func ageing(_ fields: Fields) throws -> (staleAfterDays: Int?, heldExpiresDays: Int?) {
        (try days(fields, "stale_after_days"), try days(fields, "held_expires_days"))
    }

    /// A whole number of days, at least 1 and at most a century, or nil when not given.
    private static func days(_ fields: Fields, _ key: String) throws -> Int? {
        guard fields.node(key) != nil else { return nil }
        let value = try fields.number(key)
        let limit = EstimateBounds.ageDays
        guard value >= 1, value <= Double(limit), value == value.rounded() else {
            throw InputError(
                "\(key) is \(formatNumber(value)), not a whole number of days from 1 to \(limit)",
                file: fields.reader.file, line: fields.line(of: key), field: fields.name(key),
                hint: "leave it out to keep states until a report changes them")
        }
        return Int(value)
    }

    /// An event's `change:`, read only on `control` events; `taken` when not given.
    static func change(_ fields: Fields, kind: EventKind) throws -> ControlChange {
        guard fields.node("change") != nil else { return .taken }
        guard kind == .control else {
            throw InputError(
                "change is read only on control events, not on \(kind.rawValue)", file: fields.reader.file,
                line: fields.line(of: "change"), field: fields.name("change"),
                hint: "remove it, or make the event kind: control")
        }
        return try fields.choice("change", as: ControlChange.self)
    }

    /// Refuses the first `retaken` report, in the order reports enter the estimate, whose actor
    /// already holds the place on that day. `lines` gives the line and field name of each
    /// retaken event's `change`.
    static func refuseRetakesByHolder(
        _ timeline: Timeline, file: String, lines: [String: (line: Int?, field: String)]
    ) throws {
        guard !lines.isEmpty, let (conflict, report) = timeline.firstRetakeByHolder() else { return }
        let place = report.event.placeID ?? "the point of \(report.event.id)"
        let at = lines[conflict.eventID]
        throw InputError(
            "'\(conflict.eventID)' says \(conflict.actor) retook \(place), which \(conflict.actor) already holds "
                + "(reported by '\(conflict.heldByEventID)' on \(conflict.heldOn))",
            file: file, line: at?.line, field: at?.field,
            hint: "a place is retaken from another actor; write change: taken for a report that it still holds")
    }
}
