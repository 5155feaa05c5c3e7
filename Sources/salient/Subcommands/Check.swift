import ArgumentParser
import Foundation
import SalientCore
import SalientIO
import SalientJobs

extension SalientCommand {
    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure every claim of a timeline against the geometry and judge it.",
            discussion: """
                Each claim is measured on the day it holds for (as_of), not the day it was published: \
                areas against the estimate's range, from the ground the reports make certain to \
                everything they do not contradict, and against the bounds the evidence sets, \
                distances between gazetteer points and to the \
                border, depths, settlement counts, and the maps the timeline names. Claims are also \
                checked against each other (an area and a depth imply a front width; two outlets' \
                reports of one statement must agree).

                Verdicts: consistent, overstated, understated, or not measurable (with the reason). \
                Hedges keep their meaning: "about" is ±10 %, "at least 800" is never overstated by \
                a larger measurement, "up to 30" is contradicted only by more than 30, "more than" \
                is strict. Every measurement carries its tolerance (±10 %, or the positional \
                uncertainty of what was measured when that is larger). The width column says how \
                wide each range was (high ÷ low; ∞ when nothing is certain): a wide range is a weak \
                check.

                --geojson FILE writes what was measured: the distance, depth and border lines \
                (LineStrings with their geodesic length) to FILE, and the areas (estimate tiers, \
                bounds, maps; MultiPolygons with their geodesic area) to FILE.areas.geojson.

                The two files follow the rules of every output: a file Salient did not write is \
                never replaced, and neither is any input of the run.

                Exit codes: 0 when every claim was measured, whatever the verdicts; 1 when the \
                report or the files cannot be written (a full disk); 2 for bad input.

                Example:
                  salient check timelines/kursk-2024.yaml
                  salient check timelines/kursk-2024.yaml --format markdown --geojson check.geojson
                """)

        @Argument(help: "The timeline YAML file.")
        var timeline: String

        @Option(help: "Output format.")
        var format: CheckFormat = .table

        @Option(
            help: ArgumentHelp(
                "Also write what was measured as GeoJSON: lines to this file, areas beside it (.areas.geojson).",
                valueName: "file"))
        var geojson: String?

        @Flag(help: "Refuse the timeline's plausibility warnings as errors (exit 2) instead of printing them.")
        var strict = false

        func run() throws {
            let loaded = try TimelineWarnings.report(TimelineReader.read(path: timeline), strict: strict)
            let report = try CheckJob.run(loaded)
            if let geojson {
                let written = try CheckJob.writeGeoJSON(report, to: geojson, inputs: [timeline])
                Output.error("wrote \(written.joined(separator: " and "))\n")
            }
            try Output.print(CheckReportFormat.render(report, as: format))
        }
    }
}
