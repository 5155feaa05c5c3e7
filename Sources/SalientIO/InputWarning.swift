/// Input that reads but looks wrong (a place far outside the territory, coordinates that look
/// swapped, a source published before what it reports): where it is, and why it looks wrong.
/// Readers collect warnings as values; the command line prints them, or refuses them under
/// `--strict` as the errors they then are.
public struct InputWarning: CustomStringConvertible, Equatable, Sendable {
    /// The same place and words an error would have.
    public var asError: InputError

    public init(_ message: String, file: String, line: Int? = nil, field: String? = nil, hint: String? = nil) {
        asError = InputError(message, file: file, line: line, field: field, hint: hint)
    }

    /// One line, escaped as errors are.
    public var description: String { asError.description }
}
