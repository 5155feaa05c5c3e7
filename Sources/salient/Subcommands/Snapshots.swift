import ArgumentParser
import Foundation
import SalientCore
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Snapshots: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Write the map as of each day, a layer QGIS can animate, and the daily series.",
            discussion: """
                Writes into the output folder (exports/<timeline id>/ by default):
                  daily/YYYY-MM-DD.events.geojson   that day's events (their dates include it),
                                                    with age_days; with --cumulative-events,
                                                    every event begun by then
                  daily/YYYY-MM-DD.control.geojson  controlled and contested areas that day
                  control-timeline.geojson          each distinct state of each tier, valid
                                                    from start_date to end_date (null: still
                                                    holds)
                  events-timeline.geojson           every event with start_date and end_date
                  series.csv, series.json           per day: areas, settlements, depth, counts;
                                                    with --bounds, the day's range too
                  <timeline id>-snapshots.gpkg      with --format gpkg: control_timeline,
                                                    events_timeline (Temporal Controller on in
                                                    their default styles) and the series table
                  index.html                        with --html: a page with a day slider that
                                                    works offline, from file:// (needs Debian's
                                                    libjs-leaflet)
                With --postgis, the temporal layers and the series also go into PostGIS
                tables, in one transaction. Nothing is replaced until the whole set is
                written. A folder holding files Salient did not write is refused unless
                --force; such files are never deleted. A run estimated to write more than
                --max-output-gb (10 by default) is refused.

                Example:
                  salient snapshots timelines/kursk-2024.yaml --from 2024-08-06 --to 2024-08-15
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @Option(help: ArgumentHelp("First day (default: the timeline's first day).", valueName: "YYYY-MM-DD"))
        var from: CalendarDay?

        @Option(help: ArgumentHelp("Last day (default: the timeline's last day).", valueName: "YYYY-MM-DD"))
        var to: CalendarDay?

        @OptionGroup var output: OutputFolderOptions

        @OptionGroup var database: DatabaseOption

        @Option(help: "Days computed in parallel (default: chosen from the number of days and cores).")
        var jobs: Int?

        @Option(help: OutputFormat.help)
        var format: OutputFormat = .geojson

        @Option(help: ArgumentHelp("The most the run may write, in gigabytes (10⁹ bytes).", valueName: "gigabytes"))
        var maxOutputGb: Double = Double(SnapshotJob.defaultOutputBudgetBytes) / 1e9

        @Flag(help: "Also write index.html: the days on a slider, with sources and verdicts, for any browser, offline.")
        var html = false
        @Flag(help: "Daily events files hold every event begun by their day, not only that day's events.")
        var cumulativeEvents = false

        @Flag(
            help: """
                The series also gives each day's range (lower_km2, lower_with_contested_km2, \
                upper_km2): what the reports make certain, and all they do not contradict.
                """)
        var bounds = false

        @Flag(help: "Refuse the timeline's plausibility warnings as errors (exit 2) instead of printing them.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print nothing on success, and no progress.")
        var quiet = false

        func validate() throws {
            if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
            guard maxOutputGb.isFinite, maxOutputGb > 0, maxOutputGb <= 1e6 else {
                throw ValidationError("--max-output-gb must be a number of gigabytes above 0 and at most 1000000")
            }
            if format == .acledCSV { throw ValidationError("--format acled-csv is for export only") }
        }

        func run() throws {
            let loaded = try TimelineWarnings.report(TimelineReader.read(path: timeline), strict: strict)
            try database.check()
            let progress = ProgressLine.forTerminal(label: "days", quiet: quiet)
            var options = SnapshotJob.Options(
                timelinePath: timeline, from: from, to: to, outputFolder: output.outputFolder, force: output.force,
                jobs: jobs, outputBudgetBytes: Int(maxOutputGb * 1e9))
            options.geoPackage = format == .gpkg
            options.html = html
            options.cumulativeEvents = cumulativeEvents
            options.bounds = bounds
            let result: SnapshotJob.Result
            do {
                result = try SnapshotJob.run(options, loaded: loaded) { done, total in
                    progress?.report(done, of: total)
                }
            } catch {
                progress?.finish()
                throw error
            }
            progress?.finish()
            try database.load(
                [
                    ("control_timeline", "control-timeline.geojson"), ("events_timeline", "events-timeline.geojson"),
                    ("series", "series.json"),
                ].map { PostGISOutput.Layer(table: $0, path: (result.folder as NSString).appendingPathComponent($1)) },
                timelineID: loaded.timeline.id, quiet: quiet)
            guard !quiet else { return }
            try Output.print(
                "wrote \(result.days) daily snapshots, \(result.controlTimelineFeatures) control states "
                    + "and the series to \(result.folder)\n")
        }
    }
}
