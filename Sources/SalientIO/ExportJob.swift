import Foundation
import SalientCore

/// `salient export`: the events and the control estimate on the timeline's last day.
public enum ExportJob {
    public struct Result: Sendable {
        public var files: [String]
        public var estimate: ControlEstimate
    }

    /// Reads, estimates and writes; nothing is written unless everything succeeded.
    public static func run(timelinePath: String, outputFolder: String?, asOf requested: CalendarDay? = nil,
                           force: Bool = false) throws -> Result {
        let loaded = try TimelineReader.read(path: timelinePath)
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: timelinePath, field: "events")
        }
        let day = requested ?? span.end
        let folder = OutputFolder(path: outputFolder ?? "exports/\(timeline.id)")
        let names = ["events.geojson", "control.geojson"]
        try folder.checkOwnership(of: names, force: force)
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
        let estimate = try estimator.estimate(asOf: day)
        let geos = try GEOSContext()
        let sources = SourceIndex(timeline)
        let events = GeoJSONWriter.featureCollection(
            name: "events", features: ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources))
        let control = GeoJSONWriter.featureCollection(
            name: "control", features: try ExportLayers.control(timeline, estimate: estimate, geos: geos))
        let files = names.map(folder.url)
        try AtomicFileWriter.write([(files[0], events), (files[1], control)])
        try folder.updateManifest(adding: names)
        return Result(files: files, estimate: estimate)
    }
}
