import Foundation
import SalientTestSupport
import Testing

/// The daily events files: each holds the events whose date interval includes its day, and
/// `--cumulative-events` keeps the older form, every event begun by then.
@Suite struct DailyEventsTests {
    static let kursk = SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml").path
    static let days = (6...30).map { String(format: "2024-08-%02d", $0) }

    /// Each feature's id, start_date and (exclusive) end_date.
    static func events(_ url: URL) throws -> [(id: String, start: String, end: String)] {
        try events(Data(contentsOf: url))
    }

    static func events(_ data: Data) throws -> [(id: String, start: String, end: String)] {
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root["features"] as? [[String: Any]]).map {
            let properties = $0["properties"] as! [String: Any]
            return (properties["id"] as! String, properties["start_date"] as! String, properties["end_date"] as! String)
        }
    }

    /// On every Kursk day the file holds exactly the events-timeline's events whose interval
    /// [start_date, end_date) includes the day, in the layer's order.
    @Test func aDayHoldsExactlyTheEventsWhoseIntervalIncludesIt() throws {
        try SnapshotTests.withSnapshots(["--quiet"], timeline: Self.kursk) { out, result in
            #expect(result.status == 0, "\(result.stderr)")
            let all = try Self.events(out.appendingPathComponent("events-timeline.geojson"))
            var shown: [String: [String]] = [:]
            for day in Self.days {
                let ids = try Self.events(out.appendingPathComponent("daily/\(day).events.geojson")).map(\.id)
                #expect(ids == all.filter { $0.start <= day && day < $0.end }.map(\.id), "\(day)")
                shown[day] = ids
            }
            // Evacuations reported as an interval from the 6th to the 13th show on each of
            // those days and not after; the crossing of the 6th has ended by the 7th.
            let interval = Self.days.filter { shown[$0]!.contains("belovsky-evacuation") }
            #expect(interval == Array(Self.days.prefix(8)))
            #expect(shown["2024-08-06"]!.contains("border-crossing"))
            #expect(!shown["2024-08-07"]!.contains("border-crossing"))
            #expect(shown["2024-08-10"]! == shown["2024-08-09"]! + ["kursk-federal-emergency"])
            #expect(!shown["2024-08-11"]!.contains("kursk-federal-emergency"))
        }
    }

    /// `--cumulative-events` writes in each day's events file every event begun by that day
    /// (golden files for 6-15 August, in Golden/kursk-2024/cumulative-events), and leaves every
    /// other file as the default run writes it.
    @Test func cumulativeFlagWritesEveryEventBegunByTheDay() throws {
        let cumulative = try SnapshotTests.withSnapshots(["--quiet", "--cumulative-events"], timeline: Self.kursk) {
            out, result in
            #expect(result.status == 0, "\(result.stderr)")
            return try SnapshotTests.contents(of: out)
        }
        let daily = try SnapshotTests.withSnapshots(["--quiet"], timeline: Self.kursk) { out, _ in
            try SnapshotTests.contents(of: out)
        }
        let all = try Self.events(try #require(daily["events-timeline.geojson"]))
        for day in Self.days {
            let name = "\(day).events.geojson"
            let file = try #require(cumulative["daily/" + name])
            let ids = try Self.events(file).map(\.id)
            #expect(ids.sorted() == all.filter { $0.start <= day }.map(\.id).sorted(), "\(name)")
            // On the first day every event begun is that day's, so the two forms agree.
            #expect((daily["daily/" + name] == file) == (day == Self.days[0]), "\(name)")
            if day <= "2024-08-15" {
                try assertGolden(String(decoding: file, as: UTF8.self), named: "kursk-2024/cumulative-events/\(name)")
            }
        }
        #expect(cumulative.count == daily.count)
        for (name, data) in daily where !name.hasSuffix(".events.geojson") && name != ".salient-manifest" {
            #expect(cumulative[name] == data, "\(name)")
        }
    }

    /// A generated timeline of 600 statements over 120 days, each lasting 1 to 4 days: the
    /// daily files' bytes follow the sum over days of that day's events (about 1,500), not of
    /// the events to date (about 36,000), and the cumulative form's follow the latter.
    @Test func outputGrowsWithTheDaysEventsNotTheEventsToDate() throws {
        let folder = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let first = 19_967  // 2024-09-01 as days since 1970-01-01
        var generator = SeededGenerator(seed: 18)
        var spans: [(Int, Int)] = []
        var yaml = try String(contentsOf: URL(fileURLWithPath: SnapshotTests.threeDays), encoding: .utf8)
        yaml = yaml.replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(Self.gazetteer)")
        // A source published after every statement, so that none of them draws a warning.
        yaml = yaml.replacingOccurrences(
            of: "sources:\n  - id: wire\n",
            with: "sources:\n  - id: late\n    outlet: Late\n    published: 2025-01-31\n  - id: wire\n")
        for k in 0..<600 {
            let start = first + Int(generator.next() % 120)
            let end = min(start + Int(generator.next() % 4), first + 119)
            spans.append((start, end))
            yaml += """
                  - id: statement-\(String(format: "%03d", k))
                    date: {start: \(Self.day(start)), end: \(Self.day(end))}
                    kind: statement
                    coordinates: [36.1, 51.2]
                    actor: Blue
                    summary: A statement of the same length as every other one here.
                    sources: [late]

                """
        }
        let timeline = folder.appendingPathComponent("generated.yaml")
        try yaml.write(to: timeline, atomically: true, encoding: .utf8)
        func eventsBytes(_ arguments: [String]) throws -> Int {
            try SnapshotTests.withSnapshots(
                ["--quiet", "--to", Self.day(first + 119)] + arguments, timeline: timeline.path
            ) {
                out, result in
                #expect(result.status == 0, "\(result.stderr)")
                return try SnapshotTests.contents(of: out).filter { $0.key.hasSuffix(".events.geojson") }
                    .values.reduce(0) { $0 + $1.count }
            }
        }
        let days = (first...first + 119)
        // The three-days timeline's own events: one on 09-01 and one on 09-03, single days.
        let ownEvents = [(first, first), (first + 2, first + 2)]
        let onDay = days.map { day in (spans + ownEvents).filter { $0.0 <= day && day <= $0.1 }.count }
        let toDate = days.map { day in (spans + ownEvents).filter { $0.0 <= day }.count }
        let (daily, cumulative) = (try eventsBytes([]), try eventsBytes(["--cumulative-events"]))
        // Bytes a day's file takes beyond its features (header and footer), and per feature.
        let perFeature = Double(cumulative - daily) / Double(toDate.reduce(0, +) - onDay.reduce(0, +))
        let frame = (Double(daily) - perFeature * Double(onDay.reduce(0, +))) / Double(days.count)
        #expect(perFeature > 600 && perFeature < 1_500, "\(perFeature) bytes a feature")
        #expect(frame > 50 && frame < 200, "\(frame) bytes a file beyond its features")
        #expect(Double(daily) < Double(cumulative) / 15)
    }

    static let gazetteer = SalientProcess.fixtures.appendingPathComponent("gazetteer").path

    static func day(_ ordinal: Int) -> String {
        let date = Date(timeIntervalSince1970: Double(ordinal) * 86_400)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        formatter.timeZone = TimeZone(identifier: "UTC")
        return formatter.string(from: date)
    }
}
