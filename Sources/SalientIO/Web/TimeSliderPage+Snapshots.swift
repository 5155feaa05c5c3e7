import Foundation
import SalientCore

extension TimeSliderPage {
    public static let fileName = "index.html"

    /// The page of a snapshots run, from the layers it has just staged, the timeline's sources
    /// and its claims checked (nil when it has none); written into the staging folder beside them.
    public static func writeSnapshots(
        _ loaded: LoadedTimeline, days: [CalendarDay], check report: CheckReport?, staging: String,
        leaflet: LeafletAssets
    ) throws -> String {
        // Salient's own files, just written: read whole, without the input size limit.
        func staged(_ name: String) throws -> String {
            let path = (staging as NSString).appendingPathComponent(name)
            guard let data = FileManager.default.contents(atPath: path) else {
                throw WriteFailure("cannot read back the file just written", path: path)
            }
            return String(decoding: data, as: UTF8.self)
        }
        let timeline = loaded.timeline
        let gazetteer = loaded.gazetteer
        let parameters = timeline.estimate
        let territory = parameters.territoryIDs.compactMap { id -> MultiPolygon<LonLat>? in
            guard case .multiPolygon(let area) = gazetteer.place(id: id)?.geometry else { return nil }
            return area
        }
        let borderPlace = gazetteer.place(id: parameters.borderID)
        var border: MultiLineString<LonLat>?
        if case .multiLineString(let lines) = borderPlace?.geometry { border = lines }
        let drawn = parameters.territoryIDs + [parameters.borderID] + timeline.events.compactMap(\.placeID)
        let credits = MapContent.credits(for: drawn.compactMap(gazetteer.place(id:)))
        let check = report.map { CheckReportFormat.json($0) }
        let page = TimeSliderPage(
            title: timeline.title.isEmpty ? timeline.id : timeline.title, days: days,
            controlTimeline: try staged("control-timeline.geojson"),
            eventsTimeline: try staged("events-timeline.geojson"),
            series: try staged("series.json"), sources: timeline.sources, check: check, territory: territory,
            border: border, attribution: credits, method: parameters.summary)
        let path = (staging as NSString).appendingPathComponent(fileName)
        guard FileManager.default.createFile(atPath: path, contents: Data(page.html(leaflet: leaflet).utf8)) else {
            throw WriteFailure.writing(path, errno: errno)
        }
        return path
    }
}
