import CXXHash
import Foundation

/// What Salient records of each file it writes, so that a later run deletes or replaces only
/// bytes it wrote itself: the size and the XXH3 64-bit hash of the content. The manifest is
/// plain text anyone can edit, so no hash would make it proof against forgery; this one tells
/// Salient's bytes from anything else that came to stand at the path, and is fast enough to
/// run over every byte of a snapshot set as it is written (Debian's libxxhash).
struct ContentDigest: Hashable, Sendable, Comparable {
    var size: Int
    var hash: UInt64

    /// The digest of a file on disk; nil when it cannot be read.
    static func of(file path: String) -> ContentDigest? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let hasher = ContentHasher()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 16)
        defer { buffer.deallocate() }
        while true {
            let count = read(fd, buffer.baseAddress, buffer.count)
            if count < 0 {
                if errno == EINTR { continue }
                return nil
            }
            if count == 0 { return hasher.digest }
            hasher.update(UnsafeRawBufferPointer(rebasing: buffer[..<count]))
        }
    }

    static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        (lhs.hash, lhs.size) < (rhs.hash, rhs.size)
    }
}

/// Hashes bytes as they are written. Owns its XXH3 state, freed once.
final class ContentHasher {
    private let state: OpaquePointer
    private var size = 0

    init() {
        // Returns NULL only when out of memory.
        state = XXH3_createState()!
        XXH3_64bits_reset(state)
    }

    deinit { XXH3_freeState(state) }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        XXH3_64bits_update(state, bytes.baseAddress, bytes.count)
        size += bytes.count
    }

    var digest: ContentDigest { ContentDigest(size: size, hash: XXH3_64bits_digest(state)) }
}
