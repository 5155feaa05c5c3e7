import Foundation

/// Folders the harness is done with, moved aside and removed only once every run is timed.
/// ext4 passes over inodes freed in the last minute or so when it allocates new ones
/// (`recently_deleted`), so a run that creates 2,000 files just after 2,000 were removed paid
/// up to 0.7 CPU s in the kernel for the harness's own clean-up (Benchmarks/README.md).
final class Trash {
    let folder: String
    private var moved = 0

    init(work: String) {
        folder = (work as NSString).appendingPathComponent("trash-\(getpid())")
    }

    /// Moves `path` into the trash; removes it at once if it cannot be moved.
    func discard(_ path: String) {
        guard FileManager.default.fileExists(atPath: path) else { return }
        try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        moved += 1
        let target = (folder as NSString).appendingPathComponent(String(moved))
        if rename(path, target) != 0 { try? FileManager.default.removeItem(atPath: path) }
    }

    /// Removes what was discarded: after the last timed run.
    func empty() {
        try? FileManager.default.removeItem(atPath: folder)
    }
}
