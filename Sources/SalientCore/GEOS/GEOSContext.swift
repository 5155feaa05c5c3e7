import CGEOS

/// Owns one GEOS context handle and collects the messages its error handler receives.
///
/// GEOS contexts are not thread-safe, so a context is never shared: create one per task or
/// per operation chain. Every `GEOSObject` keeps its context alive and is freed with it.
final class GEOSContext {
    let handle: GEOSContextHandle_t
    private(set) var messages: [String] = []

    init() throws {
        // GEOS_init_r returns NULL only when it cannot allocate.
        guard let handle = GEOS_init_r() else {
            throw GEOSError(operation: "GEOS_init_r", messages: ["cannot create a GEOS context"])
        }
        self.handle = handle
        // The handler runs synchronously inside the failing call, on this thread, while `self`
        // is alive, so an unretained pointer is sound here.
        GEOSContext_setErrorMessageHandler_r(
            handle,
            { message, userdata in
                guard let message, let userdata else { return }
                let context = Unmanaged<GEOSContext>.fromOpaque(userdata).takeUnretainedValue()
                context.messages.append(String(cString: message))
            }, Unmanaged.passUnretained(self).toOpaque())
    }

    deinit {
        GEOS_finish_r(handle)
    }

    /// Messages from an earlier call must not be blamed on the next one.
    func resetMessages() {
        messages.removeAll(keepingCapacity: true)
    }

    func failure(_ operation: String) -> GEOSError {
        GEOSError(operation: operation, messages: messages)
    }
}
