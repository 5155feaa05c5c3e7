import Foundation
import SalientCore
import SalientIO

/// How a snapshots run cuts its days into chunks, one a worker. Each worker starts its chunk
/// from scratch (rebuilding corridors), which pays only when chunks are long; results are
/// identical either way.
struct SnapshotPlan: Equatable {
    var chunks: [[CalendarDay]]

    /// - Parameters:
    ///   - jobs: the workers asked for; nil chooses one per core, with at least 64 days each.
    ///   - cores: the cores there are.
    init(days: [CalendarDay], jobs: Int?, cores: Int = ProcessInfo.processInfo.activeProcessorCount) {
        let workers = max(1, min(jobs ?? min(cores, days.count / 64), days.count))
        let chunkSize = (days.count + workers - 1) / workers
        chunks = stride(from: 0, to: days.count, by: chunkSize).map {
            Array(days[$0..<min($0 + chunkSize, days.count)])
        }
    }
}
