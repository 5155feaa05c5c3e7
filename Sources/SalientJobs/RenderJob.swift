import Foundation
import SalientCore
import SalientIO

/// `salient render`: a PNG and an SVG map of the estimate for each day asked for.
public enum RenderJob {
    public struct Options: Sendable {
        public var timelinePath: String
        public var asOf: CalendarDay?
        public var from: CalendarDay?
        public var to: CalendarDay?
        public var outputFolder: String?
        public var width: Int
        public var force: Bool

        public init(
            timelinePath: String, asOf: CalendarDay? = nil, from: CalendarDay? = nil, to: CalendarDay? = nil,
            outputFolder: String? = nil, width: Int = 1200, force: Bool = false
        ) {
            self.timelinePath = timelinePath
            self.asOf = asOf
            self.from = from
            self.to = to
            self.outputFolder = outputFolder
            self.width = width
            self.force = force
        }
    }

    public struct Result: Sendable {
        public var files: [String]
        public var days: [CalendarDay]
    }

    /// Picture widths Salient draws: narrower loses the legend's room, wider only costs memory.
    public static let widths = 600...6000

    /// Reads, estimates and draws every day before writing anything; then writes all the files as one set.
    public static func run(_ options: Options) throws -> Result {
        guard widths.contains(options.width) else {
            throw InputError(
                "a picture width of \(options.width) is outside \(widths.lowerBound)...\(widths.upperBound) pixels",
                file: "", hint: "the default is 1200")
        }
        let loaded = try TimelineReader.read(path: options.timelinePath)
        let timeline = loaded.timeline
        guard let span = timeline.span else {
            throw InputError("the timeline has no events", file: options.timelinePath, field: "events")
        }
        let days = try chooseDays(options, span: span)
        let folder = OutputFolder(path: options.outputFolder ?? "exports/\(timeline.id)")
        let names = days.flatMap { ["render/\($0).png", "render/\($0).svg"] }
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: loaded.gazetteer,
            geodesic: try Geodesic.wgs84())
        var state = ControlAreaEstimator.State()
        var files: [(name: String, contents: Data)] = []
        for day in days {
            let estimate = try estimator.advance(&state, to: day)
            let content = try MapContent.make(timeline: timeline, gazetteer: loaded.gazetteer, estimate: estimate)
            let picture = try MapRenderer.render(content, width: options.width)
            files.append(("render/\(day).png", picture.png))
            files.append(("render/\(day).svg", Data(picture.svg.utf8)))
        }
        try BinaryFileSet.write(files, into: folder, force: options.force)
        return Result(files: names.map(folder.url), days: days)
    }

    private static func chooseDays(
        _ options: Options,
        span: (start: CalendarDay, end: CalendarDay)
    ) throws -> [CalendarDay] {
        if options.asOf != nil, options.from != nil || options.to != nil {
            throw InputError("one day and a range were both asked for", file: "", hint: "give one day or a range")
        }
        let asked: [(RequestRefusal.Day, CalendarDay?)] = [
            (.asOf, options.asOf), (.first, options.from), (.last, options.to),
        ]
        for (which, day) in asked {
            if let day, day < span.start || day > span.end {
                throw RequestRefusal(
                    .outsideTimeline(which, day, start: span.start, end: span.end),
                    path: options.timelinePath)
            }
        }
        if let day = options.asOf { return [day] }
        guard options.from != nil || options.to != nil else { return [span.end] }
        let from = options.from ?? span.start
        let to = options.to ?? span.end
        guard from <= to else { throw RequestRefusal(.firstAfterLast(from, to), path: options.timelinePath) }
        let days = CalendarDay.range(from, through: to)
        guard days.count <= Limits.snapshotDays else {
            throw RequestRefusal(.tooManyDays(days.count, limit: Limits.snapshotDays), path: options.timelinePath)
        }
        return days
    }
}
