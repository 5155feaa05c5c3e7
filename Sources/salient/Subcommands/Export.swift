import ArgumentParser
import Foundation
import SalientCore
import SalientIO

extension SalientCommand {
    struct Export: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Export a timeline's events and estimated control areas as GeoJSON.",
            discussion: """
                Writes two RFC 7946 files into the output folder (exports/<timeline id>/ by default):
                  events.geojson   one Point per event, with dates, precision and sources
                  control.geojson  one MultiPolygon per tier (controlled, contested) as of the
                                   timeline's last day, with its geodesic area in km²
                Files are replaced atomically: a failed run leaves the previous files intact.

                Example:
                  salient export timelines/kursk-2024.yaml
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @Option(name: .customLong("out"), help: "Output folder (default: exports/<timeline id>).")
        var outputFolder: String?

        @Option(name: .customLong("as-of"), help: "Estimate control as of this day, YYYY-MM-DD (default: the last day).")
        var asOf: String?

        @Flag(help: "Write into a folder whose events.geojson or control.geojson Salient did not write.")
        var force = false

        @Flag(help: "Refuse the timeline's plausibility warnings as errors (exit 2) instead of printing them.")
        var strict = false

        @Flag(name: .shortAndLong, help: "Print nothing on success.")
        var quiet = false

        func validate() throws {
            if let asOf, CalendarDay(asOf) == nil {
                throw ValidationError("--as-of '\(asOf)' is not a date; write a day that exists as YYYY-MM-DD")
            }
        }

        func run() throws {
            try TimelineWarnings.report(timeline: timeline, strict: strict)
            let result = try ExportJob.run(timelinePath: timeline, outputFolder: outputFolder, asOf: asOf.flatMap(CalendarDay.init),
                                           force: force)
            guard !quiet else { return }
            let e = result.estimate
            print("wrote \(result.files.joined(separator: " and "))")
            print(String(format: "as of %@: controlled %.1f km², contested %.1f km²",
                         e.asOf.description, e.controlled.areaSquareKilometers, e.contested.areaSquareKilometers))
        }
    }
}
