import Foundation

/// The largest inputs Salient accepts. Anything within them completes; anything beyond is
/// refused with a message naming the limit, instead of exhausting memory or time.
public enum Limits {
    /// Bytes in one input file (a timeline, or one gazetteer file): 64 MiB, or
    /// SALIENT_MAX_INPUT_MB mebibytes for those with the memory (about 40 bytes per byte read).
    public static let fileBytes: Int = {
        if let text = getenv("SALIENT_MAX_INPUT_MB").map({ String(cString: $0) }), let mebibytes = Int(text), mebibytes > 0 {
            return mebibytes * 1024 * 1024
        }
        return 64 * 1024 * 1024
    }()
    /// Nesting of lists and mappings: GeoJSON needs 6, timelines 4.
    public static let nesting = 64
    /// Values one file may expand to, aliases included: stops "billion laughs" alias bombs.
    public static let valuesPerByte = 2
    public static let minimumValues = 100_000
    public static let events = 1_000_000
    public static let sources = 100_000
    public static let claims = 100_000
    public static let placesPerFile = 500_000
    public static let verticesPerGeometry = 2_000_000
    /// Days in one snapshot run (a century).
    public static let snapshotDays = 36_600
}
