import ArgumentParser
import Foundation
import SalientCore
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a timeline's events and estimated control areas as GeoJSON.",
            discussion: """
                Writes two RFC 7946 files into the output folder (exports/<timeline id>/ by default):
                  events.geojson   one Point per event, with dates, precision and sources
                  control.geojson  one MultiPolygon per tier (controlled, contested) as of the
                                   timeline's last day, with its geodesic area in km²
                With --format gpkg, also <timeline id>.gpkg, with the same layers as the tables
                events (POINT) and control (MULTIPOLYGON), an R-tree index and QGIS styles.
                With --format acled-csv, only events-acled.csv: the events in ACLED's columns.
                Files are replaced atomically: a failed run leaves the previous files intact.

                Example:
                  salient export timelines/kursk-2024.yaml
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @OptionGroup var output: OutputFolderOptions

        @OptionGroup var database: DatabaseOption

        @Option(
            name: .customLong("as-of"),
            help: ArgumentHelp("Estimate control as of this day (default: the last day).", valueName: "YYYY-MM-DD"))
        var asOf: CalendarDay?

        @Option(help: OutputFormat.help)
        var format: OutputFormat = .geojson

        @Flag(help: "Refuse the timeline's plausibility warnings as errors (exit 2) instead of printing them.")
        var strict = false

        @OptionGroup var quiet: QuietOption

        func run() throws {
            let loaded = try TimelineWarnings.report(TimelineReader.read(path: timeline), strict: strict)
            try database.check()
            if format == .acledCSV {
                let path = try ACLEDExport.run(loaded, outputFolder: output.outputFolder, force: output.force)
                if !quiet.quiet { try Output.print("wrote \(path)\n") }
                return
            }
            let result = try ExportJob.run(
                loaded, outputFolder: output.outputFolder, asOf: asOf,
                force: output.force, geoPackage: format == .gpkg)
            try database.load(
                zip(["events", "control"], result.files).map { PostGISOutput.Layer(table: $0, path: $1) },
                timelineID: loaded.timeline.id, quiet: quiet.quiet)
            guard !quiet.quiet else { return }
            let e = result.estimate
            try Output.print(
                "wrote \(result.files.joined(separator: " and "))\n"
                    + String(
                        format: "as of %@: controlled %.1f km², contested %.1f km²\n",
                        e.asOf.description, e.controlled.areaSquareKilometers, e.contested.areaSquareKilometers))
        }
    }
}
