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
        var layout = Layout(bytes: opening, reserving: escaped.count + 64, ids: newIDs.count)
        var kept = 0
        for id in newIDs {
            while kept < ids.count, ids[kept] < id { kept += 1 }
            if kept < ids.count, ids[kept] == id {
                layout.keep(pieces[kept], from: escaped)
                kept += 1
            } else if let text = piece(id) {
                layout.add(text, from: escaped)
            } else {
                layout.pieces.append(nil)
            }
        }
        layout.flush(from: escaped)
        layout.bytes.append(UInt8(ascii: "\""))
        ids = newIDs
        pieces = layout.pieces
        escaped = layout.bytes
        member = String(decoding: escaped, as: UTF8.self)
        return true
    }

    /// A list being laid out from the last one's bytes. A struct, not captured variables, so
    /// that its accesses are checked when compiled, not at run time.
    private struct Layout {
        var bytes: [UInt8]
        var pieces: [Range<Int>?] = []
        private var first = true
        /// Kept pieces that lie back to back in the old bytes, copied as one run; until then
        /// `pieces[runFrom...]` hold their old ranges.
        private var run: Range<Int>?
        private var runFrom = 0

        init(bytes: [UInt8], reserving capacity: Int, ids: Int) {
            self.bytes = bytes
            self.bytes.reserveCapacity(capacity)
            pieces.reserveCapacity(ids)
        }

        mutating func keep(_ range: Range<Int>?, from old: [UInt8]) {
            if let range {
                if let pending = run, range.lowerBound == pending.upperBound + JoinedList.separator.count {
                    run = pending.lowerBound..<range.upperBound
                } else {
                    flush(from: old)
                    (run, runFrom) = (range, pieces.count)
                }
            }
            pieces.append(range)
        }

        mutating func add(_ text: String, from old: [UInt8]) {
            flush(from: old)
            separate()
            let start = bytes.count
            JoinedList.appendEscaped(text, to: &bytes)
            pieces.append(start..<bytes.count)
        }

        mutating func flush(from old: [UInt8]) {
            guard let copied = run else { return }
            separate()
            let shift = bytes.count - copied.lowerBound
            bytes.append(contentsOf: old[copied])
            for index in runFrom..<pieces.count {
                if let range = pieces[index] { pieces[index] = (range.lowerBound + shift)..<(range.upperBound + shift) }
            }
            run = nil
        }

        /// Appends the separator unless nothing is joined yet.
        private mutating func separate() {
            if !first { bytes.append(contentsOf: JoinedList.separator) }
            first = false
        }
    }

    private static let separator: [UInt8] = [UInt8(ascii: ";"), UInt8(ascii: " ")]

    /// Appends `text` JSON-escaped as `JSONValue.quote` escapes it, without the quotes.
    private static func appendEscaped(_ text: String, to joined: inout [UInt8]) {
        var quoted = ""
        JSONValue.quote(text, into: &quoted)
        let bytes = quoted.utf8
        joined.append(contentsOf: bytes[bytes.index(after: bytes.startIndex)..<bytes.index(before: bytes.endIndex)])
    }
}
