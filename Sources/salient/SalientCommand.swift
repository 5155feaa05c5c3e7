import ArgumentParser
import Foundation
import SalientCore
import SalientIO

@main
struct SalientCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "salient",
        abstract: "Turn dated reports about a war into maps that can be checked.",
        discussion: """
            Salient reads a timeline of dated events and claims (YAML) and a gazetteer of named \
            places with provenance (GeoJSON), estimates the controlled and contested areas, and \
            writes RFC 7946 GeoJSON that QGIS and GDAL load as-is.

            Exit codes: 0 success, 1 internal failure, 2 bad input or usage.
            """,
        subcommands: [Export.self, Snapshots.self, Places.self, Check.self, CheckArea.self, Render.self])

    /// Maps every failure to the documented exit codes: 2 for anything the user can fix
    /// (bad input, bad usage), 1 for failures of Salient or its libraries.
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch where error is InputError || error is EstimateSetupError {
            FileHandle.standardError.write(Data("error: \(error)\n".utf8))
            Foundation.exit(2)
        } catch where error is GEOSError || error is PROJError {
            FileHandle.standardError.write(Data("internal error: \(error)\n".utf8))
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                print(message)
                Foundation.exit(0)
            }
            if !message.isEmpty { FileHandle.standardError.write(Data("\(message)\n".utf8)) }
            // ArgumentParser reports usage errors as EX_USAGE (64); Salient promises 2.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 2 ? 2 : 1)
        }
    }
}
