import Foundation
import SalientIO

/// Prints a timeline's plausibility warnings on stderr, one `warning:` line each, before a
/// subcommand runs; under `--strict` the first is refused as bad input (exit 2) before anything
/// is written.
enum TimelineWarnings {
    static func report(timeline path: String, strict: Bool) throws {
        let warnings = try TimelineReader.read(path: path).warnings
        if strict, let first = warnings.first { throw first.asError }
        for warning in warnings {
            FileHandle.standardError.write(Data("warning: \(warning)\n".utf8))
        }
    }
}
