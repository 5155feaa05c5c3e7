import Foundation
import SalientCore
import SalientIO

/// `salient snapshots`: the state of the map on each day, a temporal layer for QGIS, and the
/// daily series of areas, counts and depths.
///
/// Output, under the output folder:
///   daily/YYYY-MM-DD.events.geojson    Points: the events of that day (their date interval
///                                      includes it; with `cumulativeEvents`, every event
///                                      begun by then), with `age_days`
///   daily/YYYY-MM-DD.control.geojson   MultiPolygons: the two tiers as of that day
///   control-timeline.geojson           MultiPolygons with start_date/end_date validity
///   events-timeline.geojson            Points with start_date/end_date
///   series.csv, series.json            one row a day
/// Everything is written to a staging folder first and moved into place only when complete,
/// so a run that fails or is killed leaves the previous set as it was.
public enum SnapshotJob {
    public struct Options: Sendable {
        public var timelinePath: String
        public var from: CalendarDay?
        public var to: CalendarDay?
        public var outputFolder: String?
        public var force: Bool
        /// Parallel workers; nil chooses from the number of days and cores.
        public var jobs: Int?
        /// Also write the GeoPackage twin of the temporal layers and the series (GeoPackageOutput).
        public var geoPackage = false
        /// Also write the offline time-slider page, `index.html` (TimeSliderPage).
        public var html = false
        /// Daily events files hold every event begun by their day, not only that day's, so
        /// that each day's file stands alone (the size grows with days × events).
        public var cumulativeEvents = false
        /// The series also carries each day's range: the lower bounds and the upper bound of the
        /// estimate (`series.csv`'s `lower_km2`, `lower_with_contested_km2`, `upper_km2`).
        public var bounds = false
        /// The most bytes a run may write; a run estimated to write more is refused.
        public var outputBudgetBytes: Int

        public init(
            timelinePath: String, from: CalendarDay? = nil, to: CalendarDay? = nil, outputFolder: String? = nil,
            force: Bool = false, jobs: Int? = nil,
            outputBudgetBytes: Int = SnapshotJob.defaultOutputBudgetBytes
        ) {
            self.timelinePath = timelinePath
            self.from = from
            self.to = to
            self.outputFolder = outputFolder
            self.force = force
            self.jobs = jobs
            self.outputBudgetBytes = outputBudgetBytes
        }
    }

    /// 10 GB: more than a year of daily files for tens of thousands of events, and still well
    /// within an ordinary disk.
    public static let defaultOutputBudgetBytes = 10_000_000_000

    public struct Result: Sendable {
        public var folder: String
        public var days: Int
        public var controlTimelineFeatures: Int
        public var last: ControlEstimate
    }

    static let topLevelFiles = ["control-timeline.geojson", "events-timeline.geojson", "series.csv", "series.json"]

    /// - Parameter progress: called from worker threads with (days done, days in all).
    public static func run(_ options: Options, progress: (@Sendable (Int, Int) -> Void)? = nil) throws -> Result {
        try run(options, loaded: TimelineReader.read(path: options.timelinePath), progress: progress)
    }

    /// `run` on a timeline already read (the command line reads it once for its warnings and the job).
    public static func run(
        _ options: Options, loaded: LoadedTimeline, progress: (@Sendable (Int, Int) -> Void)? = nil
    ) throws -> Result {
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: options.timelinePath, field: "events")
        }
        let from = options.from ?? span.start
        let to = options.to ?? span.end
        for (which, day) in [(RequestRefusal.Day.first, options.from), (.last, options.to)] {
            if let day, day < span.start || day > span.end {
                throw RequestRefusal(
                    .outsideTimeline(which, day, start: span.start, end: span.end),
                    path: options.timelinePath)
            }
        }
        guard from <= to else { throw RequestRefusal(.firstAfterLast(from, to), path: options.timelinePath) }
        let days = CalendarDay.range(from, through: to)
        guard days.count <= Limits.snapshotDays else {
            throw RequestRefusal(.tooManyDays(days.count, limit: Limits.snapshotDays), path: options.timelinePath)
        }
        let folder = OutputFolder(path: options.outputFolder ?? "exports/\(timeline.id)")
        try folder.checkPath()
        let twin = options.geoPackage ? [GeoPackageOutput.snapshotsFileName(timelineID: timeline.id)] : []
        for name in twin { try GeoPackageOutput.checkTarget(folder.url(name)) }
        // Leaflet is looked for before any work, so a missing package costs no run.
        let leaflet = options.html ? try LeafletAssets.load() : nil
        let page = options.html ? [TimeSliderPage.fileName] : []
        let sources = SourceIndex(timeline)
        let eventLines = DailyEventsLayer(loaded, sources: sources, through: days[days.count - 1])
        let estimate = eventLines.estimatedBytes(days: days, cumulative: options.cumulativeEvents)
        guard estimate <= options.outputBudgetBytes else {
            throw RequestRefusal(.overBudget(estimate: estimate, budget: options.outputBudgetBytes), path: folder.path)
        }
        try folder.create()
        let lock = try folder.lock()
        defer { lock.release() }
        var manifest = try folder.readManifest()
        try folder.removeLeftovers(&manifest)
        let dailyNames = days.flatMap { ["daily/\($0).events.geojson", "daily/\($0).control.geojson"] }
        let ownership = try folder.checkOwnership(
            of: topLevelFiles + twin + page + dailyNames, folders: ["daily"],
            force: options.force, manifest: manifest)
        let staging = try folder.makeStaging(&manifest)
        do {
            let result = try write(
                loaded, days: days, eventLines: eventLines, options: options,
                sources: sources, into: staging.path, progress: progress)
            var digests = result.digests
            for name in twin {
                try GeoPackageOutput.writeSnapshots(loaded, last: result.last, staging: staging.path, name: name)
                let written = (staging.path as NSString).appendingPathComponent(name)
                guard let digest = ContentDigest.of(file: written) else {
                    throw WriteFailure("cannot read back the file just written", path: written)
                }
                digests[name] = digest
            }
            if let leaflet {
                let check = loaded.timeline.claims.isEmpty ? nil : try CheckJob.run(loaded)
                let written = try TimeSliderPage.writeSnapshots(
                    loaded, days: days, check: check, staging: staging.path, leaflet: leaflet)
                guard let digest = ContentDigest.of(file: written) else {
                    throw WriteFailure("cannot read back the file just written", path: written)
                }
                digests[TimeSliderPage.fileName] = digest
            }
            let stagedDaily = (staging.path as NSString).appendingPathComponent("daily")
            let commit = StagedCommit(
                folder: folder, manifest: manifest,
                files: (topLevelFiles + twin + page).map { name in
                    (name, (staging.path as NSString).appendingPathComponent(name), digests[name]!)
                },
                swap: ("daily", stagedDaily, result.digests.filter { $0.key.hasPrefix("daily/") }),
                keep: ownership.theirs.filter { $0.hasPrefix("daily/") }, ours: ownership.ours, staging: staging)
            try commit.run()
            return Result(
                folder: folder.path, days: days.count, controlTimelineFeatures: result.features, last: result.last)
        } catch {
            try? FileManager.default.removeItem(atPath: staging.path)
            // Unless the commit had begun (its manifest is in place), the folder is as it was.
            if (try? folder.readManifest()) == manifest {
                manifest.removeStaging(staging.name)
                try? folder.writeManifest(manifest)
            }
            throw error
        }
    }
}
