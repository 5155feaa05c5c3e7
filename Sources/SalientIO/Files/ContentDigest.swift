import CXXHash
import Foundation

/// What Salient records of each file it writes, so that a later run deletes or replaces only
/// bytes it wrote itself: the size and the XXH3 64-bit hash of the content. The manifest is
/// plain text anyone can edit, so no hash would make it proof against forgery; this one tells
/// Salient's bytes from anything else that came to stand at the path, and is fast enough to
/// run over every byte of a snapshot set as it is written (Debian's libxxhash).
public struct ContentDigest: Hashable, Sendable, Comparable {
    var size: Int
    var hash: UInt64

    /// The digest of a file on disk; nil when it cannot be read.
    public static func of(file path: String) -> ContentDigest? {
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

    public static func < (lhs: ContentDigest, rhs: ContentDigest) -> Bool {
        (lhs.hash, lhs.size) < (rhs.hash, rhs.size)
    }
}

/// Hashes bytes as they are written. Owns its XXH3 state, freed once. Small pieces (the
/// daily events files come as millions of pieces of tens of bytes) are gathered into a buffer
/// and hashed together, so that each XXH3 call has enough bytes to be worth its overhead.
final class ContentHasher {
    private let state: OpaquePointer
    private var size = 0
    private let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 16_384, alignment: 16)
    private var buffered = 0
    private static let direct = 512

    init() {
        // Returns NULL only when out of memory.
        state = XXH3_createState()!
        XXH3_64bits_reset(state)
    }

    deinit {
        XXH3_freeState(state)
        buffer.deallocate()
    }

    func update(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        size += bytes.count
        if bytes.count >= Self.direct {
            flush()
            XXH3_64bits_update(state, bytes.baseAddress, bytes.count)
            return
        }
        if buffered + bytes.count > buffer.count { flush() }
        (buffer.baseAddress! + buffered).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        buffered += bytes.count
    }

    private func flush() {
        guard buffered > 0 else { return }
        XXH3_64bits_update(state, buffer.baseAddress, buffered)
        buffered = 0
    }

    var digest: ContentDigest {
        flush()
        return ContentDigest(size: size, hash: XXH3_64bits_digest(state))
    }
}
