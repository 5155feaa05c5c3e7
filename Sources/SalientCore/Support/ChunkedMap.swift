import Foundation

extension RandomAccessCollection where Index == Int, Self: Sendable {
    /// `map(transform)`, computed in chunks of `chunk` elements on every core; the results are
    /// in the collection's order, whichever chunk finishes first.
    public func chunkedConcurrentMap<T: Sendable>(chunk: Int, _ transform: @Sendable (Element) -> T) -> [T] {
        let chunks = (count + chunk - 1) / chunk
        guard chunks > 1 else { return map(transform) }
        let slots = ChunkSlots<T>(count: chunks)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lower = startIndex + c * chunk
            slots.store(c, self[lower..<Swift.min(endIndex, lower + chunk)].map(transform))
        }
        return slots.joined()
    }
}

/// One slot per chunk, each written by exactly one worker under the lock and read after all
/// have finished, so the unchecked Sendable conformance is sound.
private final class ChunkSlots<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [[T]]

    init(count: Int) { slots = Array(repeating: [], count: count) }

    func store(_ chunk: Int, _ values: [T]) { lock.withLock { slots[chunk] = values } }

    func joined() -> [T] { lock.withLock { slots.flatMap { $0 } } }
}
