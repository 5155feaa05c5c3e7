/// A failure reported by GEOS itself, with the messages its error handler received.
public struct GEOSError: Error, CustomStringConvertible, Sendable {
    /// The GEOS function that failed, e.g. `GEOSBuffer_r`.
    public var operation: String
    /// What GEOS said, in order; may be empty when GEOS failed silently.
    public var messages: [String]

    public var description: String {
        messages.isEmpty ? "GEOS \(operation) failed" : "GEOS \(operation) failed: \(messages.joined(separator: "; "))"
    }
}
