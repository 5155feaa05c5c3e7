import Foundation

/// A progress line on standard error, redrawn in place, only when standard error is a
/// terminal: pipes and log files get nothing.
///
/// Workers report from several threads; every mutable property is read and written only
/// under `lock`, which is what makes the unchecked Sendable conformance sound.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let label: String
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    static func forTerminal(label: String, quiet: Bool) -> ProgressLine? {
        quiet || isatty(STDERR_FILENO) == 0 ? nil : ProgressLine(label: label)
    }

    private init(label: String) {
        self.label = label
    }

    func report(_ done: Int, of total: Int) {
        lock.withLock {
            let now = Date()
            guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let elapsed = max(now.timeIntervalSince(start), 1e-6)
            let line = String(format: "\r%@ %d/%d (%.1f %@/s)", label, done, total, Double(done) / elapsed, label)
            Output.error(line)
            drawn = true
        }
    }

    func finish() {
        lock.withLock { if drawn { Output.error("\n") } }
    }
}
