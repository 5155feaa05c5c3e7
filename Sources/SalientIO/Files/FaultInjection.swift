import Foundation

/// For tests only: with `SALIENT_TEST_FAIL_WRITES_TO=TEXT` in the environment, writing any
/// file whose path contains TEXT fails as if the disk were full (ENOSPC), so a test can make
/// one chosen write of a run fail (the manifest, say) and check what the run leaves behind.
enum FaultInjection {
    private static let failing: String? = getenv("SALIENT_TEST_FAIL_WRITES_TO").map { String(cString: $0) }

    /// ENOSPC when writing `path` is to fail, else nil.
    static func error(writing path: String) -> Int32? {
        guard let failing, !failing.isEmpty, path.contains(failing) else { return nil }
        return ENOSPC
    }
}
