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

            Exit codes: 0 success; 1 a failure that is not the input's (a full disk, an I/O \
            error, an internal failure), the previous outputs left as they were; 2 bad input or \
            usage (also an output folder that cannot be written, or that another run is writing to).
            """,
        subcommands: [
            Export.self, Snapshots.self, Places.self, Check.self, CheckArea.self, Render.self,
            GazetteerGroup.self, Import.self, Draft.self,
        ])

    /// Maps every failure to the documented exit codes: 2 for anything the user can fix
    /// (bad input, bad usage), 1 for failures that are not the user's input.
    static func main() {
        var command: ParsableCommand?
        do {
            command = try parseAsRoot()
            try command!.run()
        } catch  where error is InputError || error is EstimateSetupError {
            Output.error("error: \(error)\n")
            Foundation.exit(2)
        } catch let refusal as OutputRefusal {
            Output.error("error: \(refusal.located) — \(hint(for: refusal, in: command))\n")
            Foundation.exit(2)
        } catch let refusal as RequestRefusal {
            Output.error("error: \(describe(refusal))\n")
            Foundation.exit(2)
        } catch  where error is WriteFailure || error is DatabaseFailure || error is MissingDependency {
            // Not the user's input: a full disk, a server failing mid-run, a missing package.
            Output.error("error: \(error)\n")
            Foundation.exit(1)
        } catch  where error is LibraryFailure {
            Output.error("internal error: \(error)\n")
            Foundation.exit(1)
        } catch {
            let code = exitCode(for: error)
            let message = fullMessage(for: error)
            if code == .success {
                do { try Output.print(message + "\n") } catch { Foundation.exit(1) }
                Foundation.exit(0)
            }
            if !message.isEmpty { Output.error("\(message)\n") }
            // ArgumentParser reports usage errors as EX_USAGE (64); Salient promises 2.
            Foundation.exit(code == .validationFailure ? 2 : code.rawValue == 2 ? 2 : 1)
        }
    }

    /// The library's remedy, in this command's flags.
    static func hint(for refusal: OutputRefusal, in command: ParsableCommand?) -> String {
        let writesFiles = command is Check
        let another = writesFiles ? "choose another file with --geojson" : "choose another folder with --out"
        switch refusal.remedy {
        case .chooseAnotherFolderOrForce:
            return "\(another), or pass --force to write beside them (they are never deleted)"
        case .moveYourFiles: return "move or rename them, or \(another) (Salient never replaces them)"
        case .useTheRealFolder:
            return writesFiles
                ? "give the real folder, or remove the link" : "give the real folder with --out, or remove the link"
        case .waitForTheOtherRun: return "wait for it to finish, or \(another)"
        case .chooseAnotherFolder: return another
        }
    }

    static func describe(_ refusal: RequestRefusal) -> String {
        let path = refusal.path
        switch refusal.reason {
        case .outsideTimeline(let which, let day, let start, let end):
            let flag = which == .first ? "--from" : which == .last ? "--to" : "--as-of"
            return "\(flag) \(day) is outside the timeline (\(path)) — the timeline spans \(start) to \(end)"
        case .firstAfterLast(let first, let last):
            return "--from \(first) is after --to \(last) (\(path)) — give --from on or before --to"
        case .tooManyDays(let days, let limit):
            return "\(days) days is more than one run writes (\(limit)) (\(path)) — "
                + "narrow the run with --from and --to"
        case .overBudget(let estimate, let budget):
            return
                "the snapshots would take at least \(RequestRefusal.gigabytes(estimate)) of disk, "
                + "more than the output budget of \(RequestRefusal.gigabytes(budget)) (\(path)) — "
                + "narrow the run with --from and --to, or raise the budget "
                + "with --max-output-gb"
        }
    }
}
