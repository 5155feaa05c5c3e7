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
                           force: Bool = false, geoPackage: Bool = false) throws -> Result {
        let loaded = try TimelineReader.read(path: timelinePath)
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: timelinePath, field: "events")
        }
        let day = requested ?? span.end
        let folder = OutputFolder(path: outputFolder ?? "exports/\(timeline.id)")
        let names = ["events.geojson", "control.geojson"]
        let twin = geoPackage ? [GeoPackageOutput.exportFileName(timelineID: timeline.id)] : []
        try folder.checkOwnership(of: names + twin, force: force)
        try twin.forEach { try GeoPackageOutput.checkTarget(folder.url($0)) }
        let estimator = try ControlAreaEstimator(timeline: timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
        let estimate = try estimator.estimate(asOf: day)
        let geos = try GEOSContext()
        let sources = SourceIndex(timeline)
        let eventFeatures = ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: estimate,
                                                sources: sources)
        let controlFeatures = try ExportLayers.control(timeline, estimate: estimate, geos: geos)
        let events = GeoJSONWriter.featureCollection(name: "events", features: eventFeatures)
        let control = GeoJSONWriter.featureCollection(name: "control", features: controlFeatures)
        let files = (names + twin).map(folder.url)
        let staged = try twin.map { try GeoPackageOutput.stageExport(timeline, asOf: day, events: eventFeatures,
                                                                     control: controlFeatures, at: folder.url($0)) }
        do {
            try AtomicFileWriter.write([(files[0], events), (files[1], control)])
        } catch {
            staged.forEach { $0.discard() }
            throw error
        }
        try staged.forEach { try $0.commit() }
        try folder.updateManifest(adding: names + twin)
        return Result(files: files, estimate: estimate)
    }
}
