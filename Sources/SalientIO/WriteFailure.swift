import Foundation

/// A write that failed for a reason outside the user's input: the disk is full, a quota is
/// reached, the device reports an I/O error. The command line turns it into exit code 1; the
/// previous outputs are left as they were.
public struct WriteFailure: Error, CustomStringConvertible, Equatable, Sendable {
    public var message: String
    /// The file or folder being written.
    public var path: String

    public init(_ message: String, path: String) {
        self.message = message
        self.path = path
    }

    public var description: String { "\(message) (\(path))" }

    /// The error for a write to `path` that failed with `code` (an errno value): the file
    /// system's own trouble is a failure (exit 1); anything else means the path the user chose
    /// cannot be written (a read-only disk, no permission, a file in the way), which is bad
    /// input (exit 2).
    public static func writing(
        _ path: String, _ what: String = "cannot write the output", errno code: Int32,
        hint: String? = nil
    ) -> Error {
        let reason = String(cString: strerror(code))
        switch code {
        case ENOSPC, EDQUOT, EIO, EFBIG, ENOMEM:
            return WriteFailure("\(what): \(reason)", path: path)
        default:
            return InputError("\(what): \(reason)", file: path, hint: hint)
        }
    }
}
