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

    public var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let field { location += ", field \(field)" }
        return "\(message) (\(location))" + (hint.map { " — \($0)" } ?? "")
    }
}

/// "did you mean A?" / "did you mean A or B?" from the closest candidates, or nil.
func didYouMean(_ candidates: [String]) -> String? {
    switch candidates.count {
    case 0: return nil
    case 1: return "did you mean \(candidates[0])?"
    default: return "did you mean \(candidates.dropLast().joined(separator: ", ")) or \(candidates.last!)?"
    }
}

/// The allowed words closest to a misspelt one, for enum values and field names.
func closest(_ word: String, among allowed: [String]) -> [String] {
    let scored = allowed.map { ($0, NameFolding.editDistance(word.lowercased(), $0.lowercased())) }
    let limit = max(2, word.count / 3)
    return scored.filter { $0.1 <= limit }.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.prefix(2).map(\.0)
}
