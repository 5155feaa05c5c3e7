import Foundation

/// The largest inputs Salient accepts. Anything within them completes; anything beyond is
/// refused with a message naming the limit, instead of exhausting memory or time.
public enum Limits {
    /// Bytes in one input file (a timeline, or one gazetteer file): 64 MiB, or
    /// SALIENT_MAX_INPUT_MB mebibytes for those with the memory (reading takes about 20 bytes
    /// per byte for ordinary timelines, up to about 80 for one-letter values; README). Throws when the variable is
    /// not a whole number from 1 to `maximumInputMebibytes`, instead of trapping on overflow.
    public static var fileBytes: Int {
        get throws {
            try fileBytesSetting.get()
        }
    }

    /// The largest SALIENT_MAX_INPUT_MB accepted: 1 TiB, far past any memory, and far from overflow.
    public static let maximumInputMebibytes = 1_048_576

    private static let fileBytesSetting: Result<Int, InputError> = parseFileBytes(
        getenv("SALIENT_MAX_INPUT_MB").map { String(cString: $0) })

    static func parseFileBytes(_ setting: String?) -> Result<Int, InputError> {
        guard let setting else { return .success(64 * 1024 * 1024) }
        guard let mebibytes = Int(setting), (1...maximumInputMebibytes).contains(mebibytes) else {
            return .failure(
                InputError(
                    "SALIENT_MAX_INPUT_MB is '\(setting)', not a whole number of mebibytes from 1 to "
                        + "\(maximumInputMebibytes)", file: "",
                    hint: "unset it for the default of 64, or set it to e.g. 256"))
        }
        return .success(mebibytes * 1024 * 1024)
    }

    /// Characters in a place name as a timeline writes it, and in a gazetteer name, local
    /// name, alias or id: the longest real place names are under 100.
    public static let nameCharacters = 200
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
