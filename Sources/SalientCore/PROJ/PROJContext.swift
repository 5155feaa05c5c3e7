import CPROJ

/// Owns one PROJ context. PROJ contexts and the objects made in them must stay on one
/// thread at a time, so each task makes its own.
final class PROJContext {
    let handle: OpaquePointer

    init() throws {
        // returns NULL when it cannot allocate
        guard let handle = proj_context_create() else {
            throw PROJError(operation: "proj_context_create", code: -1, message: "cannot create a PROJ context")
        }
        self.handle = handle
    }

    deinit {
        // Objects made in this context hold a reference to it, so they are destroyed first
        // (each keeps its context alive). proj_cleanup() is deliberately not called: it is
        // process-wide and would pull the rug from other threads' contexts.
        proj_context_destroy(handle)
    }

    func failure(_ operation: String) -> PROJError {
        let code = proj_context_errno(handle)
        let message = proj_context_errno_string(handle, code).map { String(cString: $0) } ?? "unknown error"
        return PROJError(operation: operation, code: code, message: message)
    }
}
