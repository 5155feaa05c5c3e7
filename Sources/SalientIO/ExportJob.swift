import Foundation
import SalientCore

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
        force: Bool = false
    ) throws -> Result {
        let loaded = try TimelineReader.read(path: timelinePath)
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
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
        let estimate = try estimator.estimate(asOf: day)
        let geos = try GEOSContext()
        let sources = SourceIndex(timeline)
        let events = GeoJSONWriter.featureCollection(
            name: "events",
            features: ExportLayers.events(timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources))
        let control = GeoJSONWriter.featureCollection(
            name: "control", features: try ExportLayers.control(timeline, estimate: estimate, geos: geos))
        try FileSet.write([(names[0], events), (names[1], control)], into: folder, force: force)
        return Result(files: names.map(folder.url), estimate: estimate)
    }
}

/// A few files written together into an output folder under its lock and the manifest's
/// rules: each staged beside its place, flushed, and committed with the manifest.
enum FileSet {
    /// - Parameter inputs: files the run read, which an output may never replace.
    static func write(
        _ files: [(name: String, contents: String)], into folder: OutputFolder, force: Bool,
        inputs: [String] = []
    ) throws {
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        for file in files {
            try refuseIfInput(folder.url(file.name), inputs: inputs)
        }
        var manifest = try folder.readManifest()
        try folder.removeLeftovers(&manifest)
        let ownership = try folder.checkOwnership(of: files.map(\.name), force: force, manifest: manifest)
        var staged: [AtomicFileWriter.Staged] = []
        do {
            for file in files { staged.append(try AtomicFileWriter.stage(file.contents, at: folder.url(file.name))) }
            let commit = StagedCommit(
                folder: folder, manifest: manifest,
                files: zip(files, staged).map { ($0.name, $1.temporary, $1.digest) }, ours: ownership.ours)
            try commit.run()
        } catch {
            for file in staged { file.discard() }
            throw error
        }
    }

    /// An output at the path of an input (the timeline a check reads, say) is refused,
    /// whatever the manifest says.
    private static func refuseIfInput(_ output: String, inputs: [String]) throws {
        var target = stat()
        guard stat(output, &target) == 0 else { return }
        for input in inputs {
            var status = stat()
            if stat(input, &status) == 0, status.st_dev == target.st_dev, status.st_ino == target.st_ino {
                throw OutputRefusal(
                    "refusing to write over an input of the run: \(input)", path: output, remedy: .chooseAnotherFolder)
            }
        }
    }
}
