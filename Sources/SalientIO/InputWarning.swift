/// Input that reads but looks wrong (a place far outside the territory, coordinates that look
/// swapped, a source published before what it reports): where it is, and why it looks wrong.
/// Readers collect warnings as values; the command line prints them, or refuses them under
/// `--strict` as the errors they then are.
public struct InputWarning: CustomStringConvertible, Equatable, Sendable {
    public var message: String
    public var file: String
    public var line: Int?
    public var field: String?
    public var hint: String?

    public init(_ message: String, file: String, line: Int? = nil, field: String? = nil, hint: String? = nil) {
        self.message = message
        self.file = file
        self.line = line
        self.field = field
        self.hint = hint
    }

    /// The warning as bad input, for `--strict`.
    public var asError: InputError {
        InputError(message, file: file, line: line, field: field, hint: hint)
    }

    /// One line, escaped as errors are.
    public var description: String { asError.description }
}
