import ArgumentParser
import SalientCore
import SalientIO

/// Where `export` and `snapshots` write, and whether they may write beside a user's files.
struct OutputFolderOptions: ParsableArguments {
    @Option(
        name: .customLong("out"),
        help: ArgumentHelp("Output folder (default: exports/<timeline id>).", valueName: "folder"))
    var outputFolder: String?

    @Flag(help: "Write beside files in the folder that Salient did not write (they are never deleted or replaced).")
    var force = false
}

/// `--postgis postgresql://…`: also load the run's layers into PostGIS (PostGISOutput). Not
/// `--to`, which in `snapshots` is the last day.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .customLong("postgis"),
        help: ArgumentHelp(
            "Also load the layers into PostGIS tables, replacing this timeline's rows in one transaction.",
            valueName: "postgresql://user@host:port/database"))
    var url: String?

    /// Connects before the run, so that a refusal comes before anything is written.
    func check() throws {
        if let url { try PostGISOutput.check(url: url) }
    }

    /// Loads the layers and says how many rows went where, unless quiet.
    func load(_ layers: [PostGISOutput.Layer], timelineID: String, quiet: Bool) throws {
        guard let url else { return }
        let written = try PostGISOutput.write(layers, timelineID: timelineID, url: url)
        if !quiet {
            let tables = written.map { "\($0.0) (\($0.1))" }.joined(separator: ", ")
            try Output.print("loaded \(timelineID) into PostGIS: \(tables)\n")
        }
    }
}

struct QuietOption: ParsableArguments {
    @Flag(name: .shortAndLong, help: "Print nothing on success.")
    var quiet = false
}

/// Days are written as YYYY-MM-DD; ArgumentParser refuses anything else, naming the option.
extension CalendarDay: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argument)
    }
}

extension CheckFormat: ExpressibleByArgument {}

extension PlaceKind: ExpressibleByArgument {}
