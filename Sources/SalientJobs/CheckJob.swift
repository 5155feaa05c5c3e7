import Foundation
import SalientCore
import SalientIO

/// `salient check`: measures every claim of a timeline and judges it.
public enum CheckJob {
    /// Reads the timeline (and the maps it names), refuses claims the checker cannot place in
    /// it, and measures every claim.
    public static func run(timelinePath: String) throws -> CheckReport {
        try run(TimelineReader.read(path: timelinePath))
    }

    /// Measures the claims of a timeline already read (the command line reads it once for its
    /// warnings and the check).
    public static func run(_ loaded: LoadedTimeline) throws -> CheckReport {
        try validate(loaded)
        let checker = try ClaimChecker(
            timeline: loaded.timeline, gazetteer: loaded.gazetteer, maps: loaded.maps,
            geodesic: try Geodesic.wgs84())
        return try checker.check()
    }

    /// What a check needs beyond what export does: every claim dated inside the timeline, a
    /// place for every distance, and a unit that measures what the definition names.
    static func validate(_ loaded: LoadedTimeline) throws {
        let timeline = loaded.timeline
        let path = loaded.path
        guard let span = timeline.span else {
            throw InputError("the timeline has no events, so no day can be measured", file: path, field: "events")
        }
        func line(_ index: Int, _ key: String) -> Int? {
            loaded.claimLines.indices.contains(index) ? loaded.claimLines[index][key] : nil
        }
        for (index, claim) in timeline.claims.enumerated() {
            let field = "claims[\(index)]"
            if claim.asOf < span.start || claim.asOf > span.end {
                throw InputError(
                    "the claim holds as of \(claim.asOf), outside the timeline, which spans \(span.start) to \(span.end)",
                    file: path, line: line(index, "as_of"), field: "\(field).as_of",
                    hint: "the checker measures claims on days the timeline's events cover")
            }
            if let expected = ClaimChecker.unit(measuring: claim.definition), expected != claim.unit.canonical {
                let units = ClaimUnit.allCases.filter { $0.canonical == expected }.map(\.rawValue)
                throw InputError(
                    "a figure in \(claim.unit.rawValue) does not measure \(claim.definition.rawValue)", file: path,
                    line: line(index, "unit"), field: "\(field).unit", hint: "use \(units.joined(separator: ", "))")
            }
            switch claim.definition {
            case .distanceToBorder, .distanceToFighting, .distanceBetween:
                if claim.placeID.isEmpty {
                    throw InputError(
                        "a \(claim.definition.rawValue) claim names the place it is measured from", file: path,
                        line: line(index, "place") ?? line(index, "id"), field: "\(field).place",
                        hint: "add place: with a gazetteer name")
                }
                if claim.definition == .distanceBetween, ["", "border", "fighting"].contains(claim.to) {
                    throw InputError(
                        "a distance_between claim names the place it is measured to", file: path,
                        line: line(index, "to") ?? line(index, "id"), field: "\(field).to",
                        hint: "add to: with a gazetteer name")
                }
            default:
                break
            }
        }
    }

    // MARK: - GeoJSON

    /// Where `--geojson FILE` writes: the lines to FILE, the areas beside it as
    /// FILE-without-.geojson + `.areas.geojson` (RFC 7946 wants one geometry type per file).
    public static func geoJSONPaths(for path: String) -> (lines: String, areas: String) {
        let stem = path.hasSuffix(".geojson") ? String(path.dropLast(".geojson".count)) : path
        return (path, stem + ".areas.geojson")
    }

    /// Writes both files with the rules of every output folder (the lock, the manifest, a
    /// user's file never replaced) and never over `inputs`; returns their paths.
    @discardableResult
    public static func writeGeoJSON(_ report: CheckReport, to path: String, inputs: [String] = []) throws -> [String] {
        let (linesPath, areasPath) = geoJSONPaths(for: path)
        let name = (path as NSString).lastPathComponent
        let hasControl = name.unicodeScalars.contains { $0.properties.generalCategory == .control }
        guard !name.isEmpty, !path.hasSuffix("/"), !hasControl else {
            throw InputError("the measured-geometry file needs a file name without control characters", file: path)
        }
        let lines = GeoJSONWriter.featureCollection(name: "check_lines", features: CheckLayers.lines(report))
        let areas = GeoJSONWriter.featureCollection(name: "check_areas", features: try CheckLayers.areas(report))
        let parent = (path as NSString).deletingLastPathComponent
        let folder = OutputFolder(path: parent.isEmpty ? "." : parent)
        try folder.checkPath()
        let names = [linesPath, areasPath].map { ($0 as NSString).lastPathComponent }
        try FileSet.write([(names[0], lines), (names[1], areas)], into: folder, force: false, inputs: inputs)
        return [linesPath, areasPath]
    }
}
