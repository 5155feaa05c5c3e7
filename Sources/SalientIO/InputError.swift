import SalientCore

/// Bad input: what is wrong, where (file, line, field), and, when we can tell, how to fix it.
/// The command line turns it into exit code 2.
public struct InputError: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var file: String
    public var line: Int?
    public var field: String?
    /// A suggestion such as "did you mean Sudzha?".
    public var hint: String?

    public init(_ message: String, file: String, line: Int? = nil, field: String? = nil, hint: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint
    }

    /// One line, whatever the input held: control characters (a newline that would forge a
    /// second `error:` line, a terminal escape) are written as escapes, and each part is cut
    /// to `partLimit` characters, so a huge value quoted from the input stays a short message.
    /// An empty `file` is a setting, not a file, and has no location.
    public var description: String {
        var location = Self.printable(file)
        if let line { location += ":\(line)" }
        if let field { location += ", field \(Self.printable(field))" }
        let text = Self.printable(message) + (location.isEmpty ? "" : " (\(location))")
        return text + (hint.map { " — \(Self.printable($0))" } ?? "")
    }

    /// Characters of one part of a message (the message, the file, the field, the hint).
    public static let partLimit = 1_000

    /// `text` with every control character escaped (`\n`, `\t`, `\r`, else `\u{1B}`), as are
    /// the Unicode line and paragraph separators and the bidirectional overrides that would
    /// reorder what a terminal shows; cut to `partLimit` characters with the number cut said.
    public static func printable(_ text: String) -> String {
        var result = ""
        var count = 0
        var scalars = text.unicodeScalars.makeIterator()
        while let scalar = scalars.next() {
            guard count < partLimit else {
                var rest = 1
                while scalars.next() != nil { rest += 1 }
                return result + "… (\(rest) more characters)"
            }
            count += 1
            switch scalar {
            case "\n": result += "\\n"
            case "\t": result += "\\t"
            case "\r": result += "\\r"
            case _ where needsEscape(scalar):
                result += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F...0x9F, 0x2028, 0x2029, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

/// "did you mean A?" / "did you mean A or B?" from the closest candidates, or nil.
public func didYouMean(_ candidates: [String]) -> String? {
    switch candidates.count {
    case 0: return nil
    case 1: return "did you mean \(candidates[0])?"
    default: return "did you mean \(candidates.dropLast().joined(separator: ", ")) or \(candidates.last!)?"
    }
}

/// The allowed words closest to a misspelt one, for enum values and field names.
/// The distance is bounded (words longer or shorter by more than the limit are never
/// compared), so a huge misspelt word costs little.
public func closest(_ word: String, among allowed: [String]) -> [String] {
    let lowered = Array(word.lowercased())
    let limit = max(2, lowered.count / 3)
    let scored = allowed.compactMap { candidate in
        NameFolding.editDistance(lowered, Array(candidate.lowercased()), limit: limit).map { (candidate, $0) }
    }
    return scored.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(2).map(\.0)
}
