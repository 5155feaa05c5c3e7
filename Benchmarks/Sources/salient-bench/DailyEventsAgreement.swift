import Foundation

/// Do Salient and the peer put the same events in each day's events file? Both must hold
/// the events whose date interval includes the day, in the same order (start day, then id).
enum DailyEventsAgreement {
    static func check(salient: String, peer: String, days: [String]) throws -> Int {
        var features = 0
        for day in days {
            let name = "daily/\(day).events.geojson"
            let ours = try ids(salient + "/" + name)
            let theirs = try ids(peer + "/" + name)
            guard ours == theirs else {
                throw BenchError("snapshots: \(name): Salient has \(ours.count) events, the peer \(theirs.count)")
            }
            features += ours.count
        }
        return features
    }

    static func ids(_ path: String) throws -> [String] {
        let root =
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any]
        return (root?["features"] as? [[String: Any]] ?? []).map {
            ($0["properties"] as? [String: Any])?["id"] as? String ?? ""
        }
    }
}
