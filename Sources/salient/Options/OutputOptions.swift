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
