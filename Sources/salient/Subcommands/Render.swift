import ArgumentParser
import Foundation
import SalientCore
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Render: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Draw the estimate as a PNG and an SVG map per day.",
            discussion: """
                Writes render/<day>.png and render/<day>.svg into the output folder
                (exports/<timeline id>/ by default), for the timeline's last day, the day
                given with --as-of, or each day from --from to --to. Each map shows both
                tiers, the events by kind, the border and the territory's outline, the
                reported places, a legend, the date, a scale bar, a north arrow, the method
                and the credits of every data source. Files are replaced as one set.

                Example:
                  salient render timelines/kursk-2024.yaml --as-of 2024-08-15
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Draw this day (default: the last day).", valueName: "YYYY-MM-DD"))
        var asOf: CalendarDay?

        @Option(help: ArgumentHelp("First day of a range.", valueName: "YYYY-MM-DD"))
        var from: CalendarDay?

        @Option(help: ArgumentHelp("Last day of a range.", valueName: "YYYY-MM-DD"))
        var to: CalendarDay?

        @OptionGroup var output: OutputFolderOptions

        @Option(help: "Picture width in pixels; the height is three quarters of it.")
        var width = 1200

        @OptionGroup var quiet: QuietOption

        func validate() throws {
            if asOf != nil, from != nil || to != nil {
                throw ValidationError("--as-of cannot be combined with --from or --to; give one day or a range")
            }
            guard RenderJob.widths.contains(width) else {
                throw ValidationError(
                    "--width \(width) is outside \(RenderJob.widths.lowerBound)..."
                        + "\(RenderJob.widths.upperBound) pixels")
            }
        }

        func run() throws {
            let options = RenderJob.Options(
                timelinePath: timeline, asOf: asOf, from: from, to: to,
                outputFolder: output.outputFolder, width: width, force: output.force)
            let result = try RenderJob.run(options)
            guard !quiet.quiet else { return }
            let range = result.days.count == 1 ? "\(result.days[0])" : "\(result.days[0]) to \(result.days.last!)"
            try Output.print(
                "wrote \(result.files.count) files (PNG and SVG) for \(range): "
                    + (result.files.count <= 4 ? result.files.joined(separator: ", ") : "\(result.files[0]) …") + "\n")
        }
    }
}
