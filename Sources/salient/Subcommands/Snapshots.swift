import ArgumentParser
import Foundation
import SalientCore
import SalientIO

extension SalientCommand {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the map as of each day, a layer QGIS can animate, and the daily series.",
            discussion: """
                Writes into the output folder (exports/<timeline id>/ by default):
                  daily/YYYY-MM-DD.events.geojson   events begun by that day, with age_days
                  daily/YYYY-MM-DD.control.geojson  controlled and contested areas that day
                  control-timeline.geojson          each distinct state of each tier, valid from
                                                    start_date to end_date (null: still holds)
                  events-timeline.geojson           every event with start_date and end_date
                  series.csv, series.json           per day: areas, settlements, depth, counts
                Nothing is replaced until the whole set is written. A folder holding files
                Salient did not write is refused unless --force; such files are never deleted.

                Example:
                  salient snapshots timelines/kursk-2024.yaml --from 2024-08-06 --to 2024-08-15
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @Option(help: "First day, YYYY-MM-DD (default: the timeline's first day).")
        var from: String?

        @Option(help: "Last day, YYYY-MM-DD (default: the timeline's last day).")
        var to: String?

        @Option(name: .customLong("out"), help: "Output folder (default: exports/<timeline id>).")
        var outputFolder: String?

        @Option(help: "Days computed in parallel (default: chosen from the number of days and cores).")
        var jobs: Int?

        @Flag(help: "Write into a folder that holds files Salient did not write (they are kept).")
        var force = false

        @Flag(help: "Refuse the timeline's plausibility warnings as errors (exit 2) instead of printing them.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print nothing on success, and no progress.")
        var quiet = false

        func validate() throws {
            for (name, value) in [("--from", from), ("--to", to)] {
                if let value, CalendarDay(value) == nil {
                    throw ValidationError("\(name) '\(value)' is not a date; write a day that exists as YYYY-MM-DD")
                }
            }
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        }

        func run() throws {
            try TimelineWarnings.report(timeline: timeline, strict: strict)
            let progress = ProgressLine.forTerminal(label: "days", quiet: quiet)
            let options = SnapshotJob.Options(timelinePath: timeline, from: from.flatMap(CalendarDay.init),
                                              to: to.flatMap(CalendarDay.init), outputFolder: outputFolder,
                                              force: force, jobs: jobs)
            let result: SnapshotJob.Result
            do {
                result = try SnapshotJob.run(options) { done, total in progress?.report(done, of: total) }
            } catch {
                progress?.finish()
                throw error
            }
            progress?.finish()
            guard !quiet else { return }
            print("wrote \(result.days) daily snapshots, \(result.controlTimelineFeatures) control states and the series to \(result.folder)")
        }
    }
}
