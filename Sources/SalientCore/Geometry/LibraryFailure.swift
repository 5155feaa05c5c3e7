/// A failure inside GEOS or PROJ rather than in the user's input: callers report it as an
/// internal error (exit 1) without naming, or holding, either library's types.
public protocol LibraryFailure: Error, CustomStringConvertible, Sendable {}

extension GEOSError: LibraryFailure {}
extension PROJError: LibraryFailure {}
