/// A failure reported by PROJ: the function, its error code and PROJ's own message.
struct PROJError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var code: Int32
    public var message: String

    public var description: String { "PROJ \(operation) failed (\(code)): \(message)" }
}
