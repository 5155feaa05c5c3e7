import ArgumentParser
import Foundation
import SalientCore
import SalientIO

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

        @Option(name: .customLong("as-of"), help: "Draw this day, YYYY-MM-DD (default: the last day).")
        var asOf: String?

        @Option(help: "First day of a range, YYYY-MM-DD.")
        var from: String?

        @Option(help: "Last day of a range, YYYY-MM-DD.")
        var to: String?

        @Option(name: .customLong("out"), help: "Output folder (default: exports/<timeline id>).")
        var outputFolder: String?

        @Option(help: "Picture width in pixels; the height is three quarters of it.")
        var width = 1200

        @Flag(help: "Write into a folder whose render files Salient did not write (they are kept).")
        var force = false

        @Flag(name: .shortAndLong, help: "Print nothing on success.")
        var quiet = false

        func validate() throws {
            for (name, value) in [("--as-of", asOf), ("--from", from), ("--to", to)] {
                if let value, CalendarDay(value) == nil {
                    throw ValidationError("\(name) '\(value)' is not a date; write a day that exists as YYYY-MM-DD")
                }
            }
            if asOf != nil, from != nil || to != nil {
                throw ValidationError("--as-of cannot be combined with --from or --to; give one day or a range")
            }
            guard RenderJob.widths.contains(width) else {
                throw ValidationError("--width \(width) is outside \(RenderJob.widths.lowerBound)..."
                                      + "\(RenderJob.widths.upperBound) pixels")
            }
        }

        func run() throws {
            let options = RenderJob.Options(timelinePath: timeline, asOf: asOf.flatMap(CalendarDay.init),
                                            from: from.flatMap(CalendarDay.init), to: to.flatMap(CalendarDay.init),
                                            outputFolder: outputFolder, width: width, force: force)
            let result = try RenderJob.run(options)
            guard !quiet else { return }
            let range = result.days.count == 1 ? "\(result.days[0])" : "\(result.days[0]) to \(result.days.last!)"
            print("wrote \(result.files.count) files (PNG and SVG) for \(range): "
                  + (result.files.count <= 4 ? result.files.joined(separator: ", ") : "\(result.files[0]) …"))
        }
    }
}
