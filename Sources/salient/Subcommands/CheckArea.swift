import ArgumentParser
import Foundation
import SalientCore
import SalientIO
import SalientJobs

extension SalientCommand {
    struct CheckArea: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "check-area",
            abstract: "Measure each polygon of a file from elsewhere against the area it claims.",
            discussion: """
                Reads an RFC 7946 FeatureCollection (another project's control map, a front-line \
                archive's snapshot) and compares the geodesic area of each Polygon or MultiPolygon \
                (WGS 84, PROJ geod_polygonarea) with a property that states its area. The property \
                may be a number (in --unit) or a figure as the news prints it: "about 800 km²", \
                "at least 310 sq mi", "1,000 square kilometres"; hedges keep their meaning. When a \
                claim is off but matches the feature's area in Web Mercator, the report says so.

                A feature with an invalid polygon is refused with its index, unless --repair is \
                given: then GEOSMakeValid repairs it and the report names the repair.

                Exit codes: 0 when every feature was measured, whatever the verdicts; 1 when the \
                report cannot be written; 2 for bad input.

                Example:
                  salient check-area deepstate-2024-08-13.geojson --claimed-field area_km2
                  salient check-area their-map.geojson --claimed-field area --unit "sq mi" --repair
                """)

        @Argument(help: "The GeoJSON file of polygons.")
        var file: String

        @Option(help: "The property that states each feature's area.")
        var claimedField: String

        @Option(help: "The property that names each feature (default: id, else name).")
        var idField: String?

        @Option(help: "The unit of claimed figures that print none: km2, sq mi, …")
        var unit = "km2"

        @Option(help: "How far a claimed area may be off and still count, in percent of the measured area.")
        var tolerancePercent = ClaimChecker.relativeTolerance * 100

        @Flag(help: "Repair invalid polygons with GEOSMakeValid, and say so, instead of refusing the file.")
        var repair = false

        @Option(help: "Output format.")
        var format: CheckFormat = .table

        func validate() throws {
            guard let parsed = ClaimUnit(parsing: unit), parsed.canonical == .squareKilometers else {
                throw ValidationError(
                    "unknown area unit '\(unit)'; use km2, sq km, square kilometres, sq mi or square miles")
            }
            guard tolerancePercent.isFinite, tolerancePercent >= 0 else {
                throw ValidationError("--tolerance-percent must be a number of at least 0")
            }
        }

        func run() throws {
            let options = CheckAreaJob.Options(
                claimedField: claimedField, idField: idField, unit: ClaimUnit(parsing: unit)!,
                toleranceFraction: tolerancePercent / 100, repair: repair,
                repairHint: "pass --repair to repair it with GEOSMakeValid")
            let checks = try CheckAreaJob.run(path: file, options: options)
            try Output.print(CheckAreaJob.render(checks, file: file, as: format))
        }
    }
}
