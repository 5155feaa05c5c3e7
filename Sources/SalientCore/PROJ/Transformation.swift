import CPROJ

/// A coordinate operation between two CRSs, normalised so that geographic coordinates are
/// longitude first (the order RFC 7946 and GIS software use), whatever the CRS's axis order.
final class Transformation {
    let context: PROJContext
    let pointer: OpaquePointer
    let source: String
    let target: String

    init(context: PROJContext, from source: String, to target: String) throws {
        self.context = context
        self.source = source
        self.target = target
        // returns NULL on failure, the reason in the context's errno
        guard let raw = proj_create_crs_to_crs(context.handle, source, target, nil) else {
            throw context.failure("proj_create_crs_to_crs(\(source) → \(target))")
        }
        defer { proj_destroy(raw) }
        // Normalise input and output to lon/lat order: EPSG:4326 is lat/lon by definition.
        guard let normalized = proj_normalize_for_visualization(context.handle, raw) else {
            throw context.failure("proj_normalize_for_visualization")
        }
        self.pointer = normalized
    }

    /// The operation written out as a PROJ string (`LocalMetricProjection.operation`), between
    /// the CRSs named for messages.
    init(context: PROJContext, operation: String, from source: String, to target: String) throws {
        self.context = context
        self.source = source
        self.target = target
        // returns NULL on failure, the reason in the context's errno
        guard let pointer = proj_create(context.handle, operation) else {
            throw context.failure("proj_create(\(operation))")
        }
        self.pointer = pointer
    }

    deinit {
        proj_destroy(pointer)
    }

    /// Transforms pairs in place; `forward` goes from `source` to `target`.
    func transform(_ xs: inout [Double], _ ys: inout [Double], forward: Bool) throws {
        precondition(xs.count == ys.count)
        let count = xs.count
        guard count > 0 else { return }
        proj_errno_reset(pointer)
        let stride = MemoryLayout<Double>.stride
        let done = xs.withUnsafeMutableBufferPointer { x in
            ys.withUnsafeMutableBufferPointer { y in
                proj_trans_generic(
                    pointer, forward ? PJ_FWD : PJ_INV,
                    x.baseAddress, stride, count,
                    y.baseAddress, stride, count,
                    nil, 0, 0, nil, 0, 0)
            }
        }
        let code = proj_errno(pointer)
        // A failed point is marked HUGE_VAL (infinity) rather than always setting errno.
        guard code == 0, done == count, !xs.contains(where: { !$0.isFinite }), !ys.contains(where: { !$0.isFinite })
        else {
            let message =
                proj_context_errno_string(context.handle, code).map { String(cString: $0) }
                ?? "a point could not be transformed"
            throw PROJError(
                operation: "proj_trans_generic(\(forward ? source : target) → \(forward ? target : source))",
                code: code, message: code == 0 ? "a point could not be transformed" : message)
        }
    }
}
