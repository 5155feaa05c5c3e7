import Foundation

/// Do Salient and the peer find the same areas? Within 0.1 % (or 0.002 km², the rounding of
/// Salient's three decimals, on tiny areas).
enum Agreement {
    static let fraction = 0.001

    static func agree(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= max(fraction * max(abs(a), abs(b)), 0.002)
    }

    static func check(command: String, salient: String, peer: String) throws -> String {
        switch command {
        case "export":
            let control =
                try JSONSerialization.jsonObject(
                    with: Data(contentsOf: URL(fileURLWithPath: salient + "/control.geojson"))) as? [String: Any]
            let features = control?["features"] as? [[String: Any]] ?? []
            let ours = features.compactMap { ($0["properties"] as? [String: Any])?["area_km2"] as? Double }
            let timings =
                try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: peer + ".timings.json")))
                as? [String: Any]
            let theirs = (timings?["areas"] as? [String: [Double]])?.values.first ?? []
            guard ours.count == 2, theirs.count == 2 else { throw BenchError("export: areas missing") }
            var worst = 0.0
            for (a, b) in zip(ours, theirs) {
                guard agree(a, b) else { throw BenchError("export: Salient \(a) km², peer \(b) km²") }
                worst = max(worst, abs(a - b) / max(abs(a), abs(b), 1e-9))
            }
            return String(format: "agree (max %.4f %%)", worst * 100)
        case "snapshots":
            let ours = try series(salient + "/series.csv")
            let theirs = try series(peer + "/series.csv")
            guard ours.count == theirs.count, !ours.isEmpty else {
                throw BenchError("snapshots: \(ours.count) days from Salient, \(theirs.count) from the peer")
            }
            var worst = 0.0
            for (a, b) in zip(ours, theirs) {
                guard a.day == b.day else { throw BenchError("snapshots: day \(a.day) against \(b.day)") }
                for (x, y) in [(a.controlled, b.controlled), (a.contested, b.contested)] {
                    guard agree(x, y) else { throw BenchError("snapshots: \(a.day): Salient \(x) km², peer \(y) km²") }
                    if max(x, y) > 1 { worst = max(worst, abs(x - y) / max(x, y)) }
                }
            }
            let events = try DailyEventsAgreement.check(salient: salient, peer: peer, days: ours.map(\.day))
            return String(format: "agree on %d days (max %.4f %%), %d daily events", ours.count, worst * 100, events)
        case "check":
            func claims(_ path: String) throws -> [String: [String: Any]] {
                let object =
                    try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path)))
                    as? [String: Any]
                let list = object?["claims"] as? [[String: Any]] ?? []
                return Dictionary(
                    list.compactMap { c in (c["id"] as? String).map { ($0, c) } }, uniquingKeysWith: { a, _ in a })
            }
            let ours = try claims(salient + ".json")
            let theirs = try claims(peer + "/check.json")
            var worst = 0.0
            var compared = 0
            var bounds = 0
            var depths = 0
            /// Whether both sides give the bound `key` of claim `id` and agree on it (a bound
            /// neither gives counts as not compared).
            func bothAgree(_ key: String, of id: String, _ claim: [String: Any], what: String, unit: String) throws
                -> Bool
            {
                let x = (claim[key] as? [String: Any])?["value"] as? Double
                let y = (theirs[id]?[key] as? [String: Any])?["value"] as? Double
                switch (x, y) {
                case (nil, nil): return false
                case (let x?, let y?):
                    guard agree(x, y) else {
                        throw BenchError("check: claim \(id) \(what): Salient \(x) \(unit), peer \(y) \(unit)")
                    }
                    if max(x, y) > 1 { worst = max(worst, abs(x - y) / max(x, y)) }
                    return true
                default:
                    throw BenchError("check: claim \(id) has a \(what) on one side only")
                }
            }
            // The reported place farthest from the border, less the radius it stands for.
            for (id, claim) in ours where claim["definition"] as? String == "depth" {
                if try bothAgree("lower_bound", of: id, claim, what: "farthest reported place", unit: "km") {
                    depths += 1
                }
            }
            for (id, claim) in ours
            where ["controlled", "controlled_plus_contested", "advanced_over"].contains(claim["definition"] as? String)
            {
                let a = claim["measured"] as? [String: Any]
                let b = theirs[id]?["measured"] as? [String: Any]
                for key in ["low", "high"] {
                    guard let x = a?[key] as? Double, let y = b?[key] as? Double else {
                        throw BenchError("check: claim \(id) has no measured \(key) area on one side")
                    }
                    guard agree(x, y) else {
                        throw BenchError("check: claim \(id) \(key): Salient \(x) km², peer \(y) km²")
                    }
                    if max(x, y) > 1 { worst = max(worst, abs(x - y) / max(x, y)) }
                    compared += 1
                }
                // The land within the nearest depth claim of the reported stretch of border.
                if try bothAgree("upper_bound", of: id, claim, what: "depth bound", unit: "km²") { bounds += 1 }
            }
            return String(
                format: "agree on %d claimed areas, %d depth bounds of areas and %d of depths (max %.4f %%)", compared,
                bounds, depths, worst * 100)
        default:
            return "not compared"
        }
    }

    static func series(_ path: String) throws -> [(day: String, controlled: Double, contested: Double)] {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let cells = line.split(separator: ",", omittingEmptySubsequences: false)
            return (String(cells[0]), Double(cells[1]) ?? .nan, Double(cells[2]) ?? .nan)
        }
    }
}
