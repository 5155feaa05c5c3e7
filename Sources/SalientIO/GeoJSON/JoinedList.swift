/// A "; "-joined list of ids laid out as the inside of a JSON string, kept from one day to the
/// next: a list that changed by a few ids is laid out again by copying the pieces of the ids it
/// kept and making pieces only for the ids that are new. On a long run a tier's lists change on
/// almost every day, and each holds thousands of ids (Benchmarks/README.md).
struct JoinedList {
    private var ids: [String] = []
    /// Each id's piece in `escaped`; nil for an id whose piece is left out.
    private var pieces: [Range<Int>?] = []
    /// The pieces that are not left out, JSON-escaped, joined by "; ", without the quotes.
    private var escaped: [UInt8] = []
    /// The list as a JSON string, quotes included.
    private(set) var json = "\"\""

    /// Lays out `newIDs`. `piece` gives an id's text, nil to leave the id out; it is asked only
    /// of ids not listed before, so it must depend on the id alone. The walk that finds the
    /// kept ids expects both lists ascending, as the estimator gives them; lists in another
    /// order are laid out right all the same, reusing fewer pieces. Returns whether the list changed.
    @discardableResult
    mutating func update(to newIDs: [String], piece: (String) -> String?) -> Bool {
        if newIDs == ids { return false }
        var newEscaped: [UInt8] = []
        newEscaped.reserveCapacity(escaped.count + 64)
        var newPieces: [Range<Int>?] = []
        newPieces.reserveCapacity(newIDs.count)
        var first = true
        let (oldIDs, oldPieces) = (ids, pieces)
        escaped.withUnsafeBufferPointer { old in
            var kept = 0
            for id in newIDs {
                while kept < oldIDs.count, oldIDs[kept] < id { kept += 1 }
                if kept < oldIDs.count, oldIDs[kept] == id {
                    if let range = oldPieces[kept] {
                        let keptPiece = UnsafeBufferPointer(rebasing: old[range])
                        newPieces.append(Self.join(keptPiece, to: &newEscaped, first: &first))
                    } else {
                        newPieces.append(nil)
                    }
                    kept += 1
                } else if let text = piece(id) {
                    let bytes = Self.escaped(text)
                    newPieces.append(bytes.withUnsafeBufferPointer { Self.join($0, to: &newEscaped, first: &first) })
                } else {
                    newPieces.append(nil)
                }
            }
        }
        ids = newIDs
        pieces = newPieces
        escaped = newEscaped
        json = "\"" + String(decoding: escaped, as: UTF8.self) + "\""
        return true
    }

    /// Appends a piece to the joined bytes, after a separator unless it is the first; returns its range.
    private static func join(_ piece: UnsafeBufferPointer<UInt8>, to joined: inout [UInt8], first: inout Bool)
        -> Range<Int>
    {
        if !first { joined.append(contentsOf: [UInt8(ascii: ";"), UInt8(ascii: " ")]) }
        first = false
        let start = joined.count
        joined.append(contentsOf: piece)
        return start..<joined.count
    }

    /// `text` JSON-escaped as `JSONValue.quote` escapes it, without the quotes.
    private static func escaped(_ text: String) -> [UInt8] {
        var quoted = ""
        JSONValue.quote(text, into: &quoted)
        return Array(quoted.utf8.dropFirst().dropLast())
    }
}
