/// A failure reported by GEOS itself, with the messages its error handler received.
struct GEOSError: Error, CustomStringConvertible, Sendable {
    /// The GEOS function that failed, e.g. `GEOSBuffer_r`.
    var operation: String
    /// What GEOS said, in order; may be empty when GEOS failed silently.
    var messages: [String]

    var description: String {
        messages.isEmpty ? "GEOS \(operation) failed" : "GEOS \(operation) failed: \(messages.joined(separator: "; "))"
    }
}
