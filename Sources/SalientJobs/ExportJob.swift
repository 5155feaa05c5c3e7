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
        let eventFeatures = ExportLayers.events(
            timeline, gazetteer: loaded.gazetteer, estimate: estimate, sources: sources)
        let controlFeatures = ExportLayers.control(timeline, estimate: estimate)
        let events = GeoJSONWriter.featureCollection(name: "events", features: eventFeatures)
        let control = GeoJSONWriter.featureCollection(name: "control", features: controlFeatures)
        let staged = try twin.map {
            try GeoPackageOutput.stageExport(
                timeline, asOf: day, events: eventFeatures, control: controlFeatures, at: folder.url($0))
        }
        try FileSet.write(
            [(names[0], events), (names[1], control)], into: folder, force: force,
            prestaged: zip(twin, staged).map { ($0, $1.temporary) })
        return Result(files: (names + twin).map(folder.url), estimate: estimate)
    }
}

/// A few files written together into an output folder under its lock and the manifest's
/// rules: each staged beside its place, flushed, and committed with the manifest.
enum FileSet {
    /// - Parameters:
    ///   - inputs: files the run read, which an output may never replace.
    ///   - prestaged: files already written to a temporary path (a GeoPackage), moved with the rest.
    static func write(
        _ files: [(name: String, contents: String)], into folder: OutputFolder, force: Bool,
        inputs: [String] = [], prestaged: [(name: String, temporary: String)] = []
    ) throws {
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        var staged: [AtomicFileWriter.Staged] = []
        do {
            let names = files.map(\.name) + prestaged.map(\.name)
            for name in names {
                try refuseIfInput(folder.url(name), inputs: inputs)
            }
            var manifest = try folder.readManifest()
            try folder.removeLeftovers(&manifest)
            let ownership = try folder.checkOwnership(of: names, force: force, manifest: manifest)
            for file in files { staged.append(try AtomicFileWriter.stage(file.contents, at: folder.url(file.name))) }
            var moves = zip(files, staged).map { ($0.name, $1.temporary, $1.digest) }
            for file in prestaged {
                guard let digest = ContentDigest.of(file: file.temporary) else {
                    throw WriteFailure("cannot read back the file just written", path: file.temporary)
                }
                moves.append((file.name, file.temporary, digest))
            }
            let commit = StagedCommit(folder: folder, manifest: manifest, files: moves, ours: ownership.ours)
            try commit.run()
        } catch {
            for file in staged { file.discard() }
            for file in prestaged { unlink(file.temporary) }
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
