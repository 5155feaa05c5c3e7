import Foundation
import SalientCore
import SalientIO

/// `salient export`: the events and the control estimate on the timeline's last day.
public enum ExportJob {
    public struct Result: Sendable {
        public var files: [String]
        public var estimate: ControlEstimate
    }

    static let names = ["events.geojson", "control.geojson"]

    /// Reads, estimates and writes; nothing is written unless everything succeeded.
    public static func run(
        timelinePath: String, outputFolder: String?, asOf requested: CalendarDay? = nil,
        force: Bool = false, geoPackage: Bool = false
    ) throws -> Result {
        try run(
            TimelineReader.read(path: timelinePath), outputFolder: outputFolder, asOf: requested, force: force,
            geoPackage: geoPackage)
    }

    /// `run` on a timeline already read (the command line reads it once for its warnings and the job).
    public static func run(
        _ loaded: LoadedTimeline, outputFolder: String?, asOf requested: CalendarDay? = nil,
        force: Bool = false, geoPackage: Bool = false
    ) throws -> Result {
        let timelinePath = loaded.path
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: timelinePath, field: "events")
        }
        if let requested, requested < span.start || requested > span.end {
            throw RequestRefusal(
                .outsideTimeline(.asOf, requested, start: span.start, end: span.end), path: timelinePath)
        }
        let day = requested ?? span.end
        let folder = OutputFolder(path: outputFolder ?? "exports/\(timeline.id)")
        try folder.checkPath()
        let twin = geoPackage ? [GeoPackageOutput.exportFileName(timelineID: timeline.id)] : []
        for name in twin { try GeoPackageOutput.checkTarget(folder.url(name)) }
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
        let estimate = try estimator.estimate(asOf: day)
        let sources = SourceIndex(timeline)
        let controlFeatures = ExportLayers.control(timeline, estimate: estimate, sources: sources)
        let control = GeoJSONWriter.featureCollection(name: "control", features: controlFeatures)
        // The events layer is streamed to its file as it is made; only the GeoPackage needs it whole.
        func eachEvent(_ body: (GeoJSONFeature) throws -> Void) throws {
            try ExportLayers.forEachEvent(
                timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources, body)
        }
        let staged = try twin.map {
            try GeoPackageOutput.stageExport(
                timeline, asOf: day,
                events: ExportLayers.events(
                    timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources),
                control: controlFeatures, at: folder.url($0))
        }
        try FileSet.write(
            [(names[1], control)], into: folder, force: force,
            prestaged: zip(twin, staged).map { ($0, $1.temporary) },
            streamed: [
                (names[0], { try GeoJSONWriter.writeFeatureCollection(name: "events", to: $0, features: eachEvent) })
            ])
        return Result(files: (names + twin).map(folder.url), estimate: estimate)
    }
}
