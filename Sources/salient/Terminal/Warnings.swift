import Foundation
import SalientIO

/// Prints a timeline's plausibility warnings on stderr, one `warning:` line each, before a
/// subcommand runs; under `--strict` the first is refused as bad input (exit 2) before anything
/// is written.
enum TimelineWarnings {
    static func report(timeline path: String, strict: Bool) throws {
        try report(TimelineReader.read(path: path), strict: strict)
    }

    /// Reports the warnings of a timeline already read, and returns it for the job.
    @discardableResult
    static func report(_ loaded: LoadedTimeline, strict: Bool) throws -> LoadedTimeline {
        let warnings = loaded.warnings
        if strict, let first = warnings.first { throw first.asError }
        for warning in warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
        return loaded
    }
}
