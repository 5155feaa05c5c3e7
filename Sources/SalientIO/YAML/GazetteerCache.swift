import Foundation
import SalientCore

/// The last gazetteer read, kept while its files are unchanged: the command line reads a
/// timeline for its warnings and the job reads it again, and a gazetteer of 200,000 places is
/// most of the cost of reading. Files are compared by name, size and modification time.
final class GazetteerCache: @unchecked Sendable {
    static let shared = GazetteerCache()
    private let lock = NSLock()
    private var last: (folder: String, stamp: [String], gazetteer: Gazetteer)?

    func gazetteer(folder: String) throws -> Gazetteer {
        let stamp = Self.stamp(folder)
        lock.lock()
        let cached = last
        lock.unlock()
        if let cached, cached.folder == folder, let stamp, cached.stamp == stamp { return cached.gazetteer }
        let gazetteer = try GazetteerReader.read(folder: folder)
        if let stamp {
            lock.lock()
            last = (folder, stamp, gazetteer)
            lock.unlock()
        }
        return gazetteer
    }

    /// Name, size and modification time of every file in the folder, or nil when it cannot be listed.
    private static func stamp(_ folder: String) -> [String]? {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return nil }
        return names.sorted().map { name in
            var status = stat()
            let path = (folder as NSString).appendingPathComponent(name)
            guard stat(path, &status) == 0 else { return name }
            return "\(name) \(status.st_size) \(status.st_mtim.tv_sec).\(status.st_mtim.tv_nsec)"
        }
    }
}
