import Foundation
import SalientCore

@testable import SalientIO

enum Paths {
    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let gazetteer = repository.appendingPathComponent("gazetteer").path
    static let kursk = repository.appendingPathComponent("timelines/kursk-2024.yaml").path
}

/// The bundled Kursk timeline with what day-by-day tests of its layers need.
struct KurskDays {
    let loaded: LoadedTimeline
    let start: CalendarDay
    let end: CalendarDay
    let sources: SourceIndex
    let estimator: ControlAreaEstimator

    var timeline: Timeline { loaded.timeline }

    init() throws {
        loaded = try TimelineReader.read(path: Paths.kursk)
        guard let span = loaded.timeline.span else { throw KurskDaysError() }
        (start, end) = span
        sources = SourceIndex(loaded.timeline)
        estimator = try ControlAreaEstimator(
            timeline: loaded.timeline, gazetteer: loaded.gazetteer, geodesic: try Geodesic.wgs84())
    }

    private struct KurskDaysError: Error {}
}
