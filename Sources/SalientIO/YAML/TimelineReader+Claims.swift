import Foundation
import SalientCore

/// Reading claims: the figure, its unit and hedge, and the sources it cites.
extension TimelineReader.Context {
    func claim(_ fields: Fields) throws -> Claim {
        try fields.rejectUnknown(allowed: [
            "id", "event", "claimant", "stated", "as_of", "date_note", "quantity",
            "definition", "value", "unit", "hedge", "as_written", "place", "to", "sources",
        ])
        var lines: [String: Int] = [:]
        for key in ["id", "as_of", "unit", "place", "to"] where fields.node(key) != nil {
            lines[key] = fields.line(of: key)
        }
        log.claimLines.append(lines)
        let eventID = try fields.optionalString("event")
        if !eventID.isEmpty, !eventIDs.contains(eventID) {
            throw InputError(
                "unknown event '\(eventID)'", file: file, line: fields.line(of: "event"),
                field: fields.name("event"),
                hint: didYouMean(closest(eventID, among: eventIDs.sorted())))
        }
        let stated = try fields.day("stated")
        let asOf = try fields.day("as_of")
        guard asOf <= stated else {
            throw InputError(
                "the figure is said to hold on \(asOf), after it was stated on \(stated)", file: file,
                line: fields.line(of: "as_of"), field: fields.name("as_of"))
        }
        let unitText = try fields.nonEmptyString("unit")
        guard let unit = ClaimUnit(parsing: unitText) else {
            let allowed = ClaimUnit.allCases.map(\.rawValue)
            throw InputError(
                "unknown unit '\(unitText)'", file: file, line: fields.line(of: "unit"), field: fields.name("unit"),
                hint: "use one of \(allowed.joined(separator: ", "))")
        }
        let placeText = try fields.optionalString("place")
        let placeID = placeText.isEmpty ? "" : try resolve(placeText, fields: fields, key: "place", kinds: nil)
        let toText = try fields.optionalString("to")
        let to =
            ["", "border", "fighting"].contains(toText)
            ? toText : try resolve(toText, fields: fields, key: "to", kinds: nil)
        return Claim(
            id: try fields.nonEmptyString("id"), eventID: eventID, claimant: try fields.nonEmptyString("claimant"),
            stated: stated, asOf: asOf, dateNote: try fields.optionalString("date_note"),
            quantity: try fields.choice("quantity", as: ClaimQuantity.self),
            definition: try fields.choice("definition", as: ClaimDefinition.self),
            value: try value(fields), unit: unit, hedge: try fields.choice("hedge", as: Hedge.self),
            asWritten: try fields.optionalString("as_written"), placeID: placeID, to: to,
            sourceIDs: try sources(fields))
    }

    func value(_ fields: Fields) throws -> ClaimValue {
        let node = try fields.required("value")
        guard let items = node.sequence else {
            let v = try reader.number(node, field: fields.name("value"))
            guard v >= 0 else {
                throw InputError(
                    "a claimed value cannot be negative", file: file, line: node.line,
                    field: fields.name("value"))
            }
            return .single(v)
        }
        let numbers = try items.map { try reader.number($0, field: fields.name("value")) }
        guard numbers.count == 2, numbers[0] >= 0, numbers[0] <= numbers[1] else {
            throw InputError(
                "a range is written [low, high] with 0 ≤ low ≤ high", file: file, line: node.line,
                field: fields.name("value"))
        }
        return .range(low: numbers[0], high: numbers[1])
    }

    func sources(_ fields: Fields) throws -> [String] {
        let ids = try fields.stringList("sources")
        guard !ids.isEmpty else {
            throw InputError(
                "at least one source is required", file: file, line: fields.line(of: "sources"),
                field: fields.name("sources"))
        }
        for id in ids where !sourceIDs.contains(id) {
            throw InputError(
                "unknown source '\(id)'", file: file, line: fields.line(of: "sources"),
                field: fields.name("sources"),
                hint: didYouMean(closest(id, among: sourceIDs.sorted())) ?? "declare it under sources:")
        }
        return ids
    }

    /// The id of the place a name refers to, or an error naming the nearest names.
}
