import SalientCore

/// One event taken from a data set, with the sources it cites (declared with it).
public struct ImportedRecord: Hashable, Sendable {
    public var event: Event
    public var sources: [Source]

    /// A timeline id from a data set's record id: lower case, every other character a '-'.
    static func eventID(prefix: String, recordID: String) -> String {
        let safe = recordID.lowercased().unicodeScalars.map { scalar -> String in
            ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "." || scalar == "_"
                ? String(scalar) : "-"
        }
        return prefix + "-" + safe.joined()
    }

    /// Sources named in one field separated by semicolons (ACLED's `source`, UCDP's `source_article`),
    /// each declared once per event: the data sets do not say when each outlet published.
    static func sources(
        named field: String, eventID: String, date: EventDate, fallback: String,
        note: String
    ) -> [Source] {
        var outlets: [String] = []
        for part in field.split(separator: ";") {
            let outlet = part.trimmingCharacters(in: .whitespaces)
            if !outlet.isEmpty, !outlets.contains(outlet) { outlets.append(outlet) }
        }
        if outlets.isEmpty { outlets = [fallback] }
        return outlets.enumerated().map { index, outlet in
            Source(
                id: "\(eventID)-src\(index + 1)", outlet: outlet, published: date, file: "", url: "",
                description: "", note: note)
        }
    }
}
