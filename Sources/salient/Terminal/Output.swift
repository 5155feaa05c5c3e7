import Foundation
import SalientIO

/// Standard output and standard error written with write(2), whose failures are seen: a
/// report that cannot be written is a failure (exit 1), and a message that cannot be
/// written is dropped, never a trap.
enum Output {
    /// Writes `text` to standard output, or throws when it cannot (a full disk, a closed pipe).
    static func print(_ text: String) throws {
        guard write(text, to: STDOUT_FILENO) else {
            throw WriteFailure("cannot write to standard output: \(String(cString: strerror(errno)))", path: "stdout")
        }
    }

    /// Writes `text` to standard error if it can.
    static func error(_ text: String) {
        _ = write(text, to: STDERR_FILENO)
    }

    private static func write(_ text: String, to fd: Int32) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                offset += n
            }
            return true
        }
    }
}
