/// A "; "-joined list of ids laid out as a JSON member (`"key": "a; b"`), kept from one day to the
/// next: a list that changed by a few ids is laid out again by copying the pieces of the ids it
/// kept and making pieces only for the ids that are new. On a long run a tier's lists change on
/// almost every day, and each holds thousands of ids (Benchmarks/README.md).
struct JoinedList {
    private var ids: [String] = []
    /// Each id's piece in `escaped`; nil for an id whose piece is left out.
    private var pieces: [Range<Int>?] = []
    /// The member's key and the string's opening quote, then the pieces that are not left out,
    /// JSON-escaped, joined by "; ", then the closing quote.
    private var escaped: [UInt8]
    private let opening: [UInt8]
    /// The member, `FeatureLayout.member(key, text:)` of the list as a JSON string: copied as
    /// it is into each day's feature, not through another string.
    private(set) var member: String

    init(key: String) {
        opening = Array(FeatureLayout.member(key, text: "\"").utf8)
        escaped = opening + [UInt8(ascii: "\"")]
        member = String(decoding: escaped, as: UTF8.self)
    }

    /// Lays out `newIDs`. `piece` gives an id's text, nil to leave the id out; it is asked only
    /// of ids not listed before, so it must depend on the id alone. The walk that finds the
    /// kept ids expects both lists ascending, as the estimator gives them; lists in another
    /// order are laid out right all the same, reusing fewer pieces. Returns whether the list changed.
    @discardableResult
    mutating func update(to newIDs: [String], piece: (String) -> String?) -> Bool {
        if newIDs == ids { return false }
        var newEscaped = opening
        newEscaped.reserveCapacity(escaped.count + 64)
        var newPieces: [Range<Int>?] = []
        newPieces.reserveCapacity(newIDs.count)
        var first = true
        let (oldIDs, oldPieces) = (ids, pieces)
        escaped.withUnsafeBufferPointer { old in
            // Kept pieces that lie back to back in the old bytes are copied as one run; until
            // then `newPieces[runFrom...]` hold their old ranges.
            var run: Range<Int>?
            var runFrom = 0
            func flush() {
                guard let copied = run else { return }
                Self.separate(&newEscaped, first: &first)
                let shift = newEscaped.count - copied.lowerBound
                newEscaped.append(contentsOf: UnsafeBufferPointer(rebasing: old[copied]))
                for index in runFrom..<newPieces.count {
                    if let range = newPieces[index] {
                        newPieces[index] = (range.lowerBound + shift)..<(range.upperBound + shift)
                    }
                }
                run = nil
            }
            var kept = 0
            for id in newIDs {
                while kept < oldIDs.count, oldIDs[kept] < id { kept += 1 }
                if kept < oldIDs.count, oldIDs[kept] == id {
                    if let range = oldPieces[kept] {
                        if let pending = run, range.lowerBound == pending.upperBound + Self.separator.count {
                            run = pending.lowerBound..<range.upperBound
                        } else {
                            flush()
                            (run, runFrom) = (range, newPieces.count)
                        }
                    }
                    newPieces.append(oldPieces[kept])
                    kept += 1
                } else if let text = piece(id) {
                    flush()
                    Self.separate(&newEscaped, first: &first)
                    let start = newEscaped.count
                    Self.appendEscaped(text, to: &newEscaped)
                    newPieces.append(start..<newEscaped.count)
                } else {
                    newPieces.append(nil)
                }
            }
            flush()
        }
        newEscaped.append(UInt8(ascii: "\""))
        ids = newIDs
        pieces = newPieces
        escaped = newEscaped
        member = String(decoding: escaped, as: UTF8.self)
        return true
    }

    private static let separator: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: " ")]

    /// Appends the separator unless nothing is joined yet.
    private static func separate(_ joined: inout [UInt8], first: inout Bool) {
        if !first { joined.append(contentsOf: separator) }
        first = false
    }

    /// Appends `text` JSON-escaped as `JSONValue.quote` escapes it, without the quotes.
    private static func appendEscaped(_ text: String, to joined: inout [UInt8]) {
        var quoted = ""
        JSONValue.quote(text, into: &quoted)
        let bytes = quoted.utf8
        joined.append(contentsOf: bytes[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)])
    }
}
