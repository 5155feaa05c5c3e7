import Foundation
import Testing

/// `salient draft`: the score on the labelled set, the round trip through review, merging into
/// a timeline, and every refusal of bad input (one line, exit 2, nothing written).
@Suite struct DraftTests {
    static let folder = SalientProcess.fixtures.appendingPathComponent("draft")
    static let gazetteer = SalientProcess.repository.appendingPathComponent("gazetteer").path
    static let seeds = SalientProcess.repository.appendingPathComponent("../shared/seeds").standardizedFileURL
    static var labelFiles: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter {
            $0.hasSuffix(".labels.yaml")
        }.sorted().map { folder.appendingPathComponent($0).path }
    }
    static func article(_ name: String) -> String { folder.appendingPathComponent("articles/\(name)").path }
    static func seed(_ name: String) -> String { seeds.appendingPathComponent(name).path }

    /// Precision and recall by category, read from the printed table.
    static func scores() throws -> [String: (precision: Double, recall: Double)] {
        let run = try SalientProcess.run(["draft", "--score", "--gazetteer", gazetteer] + labelFiles)
        #expect(run.status == 0, "\(run.stderr)")
        var result: [String: (Double, Double)] = [:]
        for line in run.stdout.split(separator: "\n").dropFirst() {
            let columns = line.split(separator: " ")
            guard columns.count >= 7 else { continue }
            let name = columns.dropLast(6).joined(separator: " ")
            result[name] = (Double(columns[columns.count - 3])!, Double(columns[columns.count - 2])!)
        }
        return result
    }

    @Test func theLabelledSetMeetsTheTargets() throws {
        #expect(Self.labelFiles.count >= 10)
        let scores = try Self.scores()
        #expect(scores.count == 4)
        for (category, target) in [
            ("place mentions", 0.9), ("resolved places", 0.9), ("dates", 0.95), ("claims", 0.9),
        ] {
            let score = try #require(scores[category], "no \(category) row")
            #expect(score.precision >= target, "\(category) precision \(score.precision) < \(target)")
            #expect(score.recall >= target, "\(category) recall \(score.recall) < \(target)")
        }
    }

    /// All of a draft is left out until reviewed; with the marks deleted it exports and checks.
    @Test func aReviewedDraftExportsAndChecks() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let draft = temp.appendingPathComponent("draft.yaml")
        let articles =
            ["000_7a379853dc20a3a0.txt", "003_99f9997e802d78fd.txt", "004_382df688842ab0bb.txt"].map(Self.seed)
            + [
                "101-sudzha-dateline.txt", "102-tyotkino-month-boundary.txt", "104-figures.txt",
                "105-transliterations.txt",
            ]
            .map(Self.article)
        let run = try SalientProcess.run(
            ["draft"] + articles + ["--gazetteer", Self.gazetteer, "--out", draft.path, "--published", "2024-09-02"])
        #expect(run.status == 0, "\(run.stderr)")
        let text = try String(contentsOf: draft, encoding: .utf8)
        #expect(text.contains("review: draft"))
        // The same inputs give the same bytes.
        let again = try SalientProcess.run(
            ["draft"] + articles + ["--gazetteer", Self.gazetteer, "--published", "2024-09-02"])
        #expect(again.stdout == text)
        #expect(text.contains("published_from: \"--published\""))
        let refused = try SalientProcess.run(["export", draft.path, "--out", temp.appendingPathComponent("a").path])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("marked 'review: draft' and left out"))
        let reviewed = temp.appendingPathComponent("reviewed.yaml")
        try text.components(separatedBy: "\n").filter { $0.trimmingCharacters(in: .whitespaces) != "review: draft" }
            .joined(separator: "\n").write(to: reviewed, atomically: true, encoding: .utf8)
        let export = try SalientProcess.run(
            ["export", reviewed.path, "--out", temp.appendingPathComponent("b").path, "--strict"])
        #expect(export.status == 0, "\(export.stderr)")
        let check = try SalientProcess.run(["check", reviewed.path, "--strict"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("claims:"))
    }

    /// Drafting into a timeline appends, keeps every line of the user's file, leaves the estimate
    /// as it was while the marks stay, and adds nothing the second time.
    @Test func draftingIntoATimelineAppendsOnce() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let original = try String(
            contentsOf: SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml"), encoding: .utf8
        ).replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(Self.gazetteer)")
        let timeline = temp.appendingPathComponent("t.yaml")
        try original.write(to: timeline, atomically: true, encoding: .utf8)
        let before = try SalientProcess.run(["export", timeline.path, "--out", temp.appendingPathComponent("a").path])
        let first = try SalientProcess.run(
            [
                "draft", Self.article("101-sudzha-dateline.txt"), Self.article("105-transliterations.txt"), "--into",
                timeline.path,
            ])
        #expect(first.status == 0, "\(first.stderr)")
        let once = try String(contentsOf: timeline, encoding: .utf8)
        var remaining = original.components(separatedBy: "\n")[...]
        for line in once.components(separatedBy: "\n") where line == remaining.first { remaining.removeFirst() }
        #expect(remaining.isEmpty, "lines of the user's file are lost: \(remaining.prefix(3))")
        #expect(once.contains("- id: \"draft-101-sudzha-dateline\""))
        #expect(once.contains("\ndraft:\n"))
        let after = try SalientProcess.run(["export", timeline.path, "--out", temp.appendingPathComponent("b").path])
        #expect(after.status == 0, "\(after.stderr)")
        #expect(
            try Data(contentsOf: temp.appendingPathComponent("a/control.geojson"))
                == Data(contentsOf: temp.appendingPathComponent("b/control.geojson")))
        #expect(before.stdout.split(separator: "\n").last == after.stdout.split(separator: "\n").last)
        let again = try SalientProcess.run(["draft", Self.article("101-sudzha-dateline.txt"), "--into", timeline.path])
        #expect(again.status == 0)
        #expect(again.stderr.contains("101-sudzha-dateline.txt is drafted in the timeline already"))
        #expect(try String(contentsOf: timeline, encoding: .utf8) == once)
    }

    @Test func anArticleWithoutADateIsRecordedButProposesNothing() throws {
        let run = try SalientProcess.run(
            ["draft", Self.article("102-tyotkino-month-boundary.txt"), "--gazetteer", Self.gazetteer])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stderr.contains("102-tyotkino-month-boundary.txt states no publication date"))
        #expect(run.stdout.contains("published: unknown"))
        #expect(run.stdout.contains("sources: []"))
        #expect(run.stdout.contains("text: \"Saturday\", date: unknown"))
    }

    @Test func offsetsCountAByteOrderMarkAsTheFilesFirstCodePoint() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let file = temp.appendingPathComponent("bom.txt")
        try (Data([0xEF, 0xBB, 0xBF]) + Data("date 2024-08-14\nTroops entered Sudzha.\n".utf8)).write(to: file)
        let run = try SalientProcess.run(["draft", file.path, "--gazetteer", Self.gazetteer])
        #expect(run.status == 0, "\(run.stderr)")
        // U+FEFF, then 15 code points of the date and a line feed, then "Troops entered " (15).
        #expect(run.stdout.contains("{start: 32, end: 38, text: \"Sudzha\", place: \"sudzha\""))
    }

    static func refuses(
        _ arguments: [String], mentioning fragment: String, sourceLocation: SourceLocation = #_sourceLocation
    )
        throws
    {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let out = temp.appendingPathComponent("draft.yaml")
        let run = try SalientProcess.run(["draft"] + arguments + ["--out", out.path, "--gazetteer", gazetteer])
        #expect(run.status == 2, sourceLocation: sourceLocation)
        #expect(run.stderr.hasPrefix("error: "), sourceLocation: sourceLocation)
        #expect(run.stderr.components(separatedBy: "\n").count == 2, "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(run.stderr.contains(fragment), "\(run.stderr)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: out.path), sourceLocation: sourceLocation)
    }

    @Test func badArticlesAreRefusedByFileAndLine() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let binary = temp.appendingPathComponent("latin1.txt")
        try Data("date 2024-08-14\nKursk\n".utf8 + [0x66, 0xE9, 0x0A]).write(to: binary)
        try Self.refuses([binary.path], mentioning: "the file is not valid UTF-8 (\(binary.path):3)")
        let empty = temp.appendingPathComponent("empty.txt")
        try Data("\n  \n".utf8).write(to: empty)
        try Self.refuses([empty.path], mentioning: "the article is empty (\(empty.path):1)")
        let dated = temp.appendingPathComponent("dated.txt")
        try Data("date 2024-13-01\nText.\n".utf8).write(to: dated)
        try Self.refuses(
            [dated.path], mentioning: "the publication date '2024-13-01' is not a day (\(dated.path):1, field date)")
        try Self.refuses(
            [Self.article("104-figures.txt"), "--published", "14 August"],
            mentioning: "--published '14 August' is not a day — write it YYYY-MM-DD")
        try Self.refuses([temp.appendingPathComponent("missing.txt").path], mentioning: "file not found")
    }

    @Test func anIntoTimelineThatDoesNotValidateIsRefusedAndKept() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let text = try String(
            contentsOf: SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml"), encoding: .utf8
        ).replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(Self.gazetteer)")
            .replacingOccurrences(of: "    outlet: AFP\n", with: "    outlet: AFP\n    outlett: AFP\n")
        let timeline = temp.appendingPathComponent("t.yaml")
        try text.write(to: timeline, atomically: true, encoding: .utf8)
        let run = try SalientProcess.run(["draft", Self.article("104-figures.txt"), "--into", timeline.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: unknown field 'outlett' (\(timeline.path):"))
        #expect(run.stderr.components(separatedBy: "\n").count == 2)
        #expect(try String(contentsOf: timeline, encoding: .utf8) == text)
        #expect(try FileManager.default.contentsOfDirectory(atPath: temp.path) == ["t.yaml"])
    }

    @Test func aReviewMarkOtherThanDraftIsRefused() throws {
        let temp = try SalientProcess.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: temp) }
        let text = try String(
            contentsOf: SalientProcess.repository.appendingPathComponent("timelines/kursk-2024.yaml"), encoding: .utf8
        ).replacingOccurrences(of: "gazetteer: ../gazetteer", with: "gazetteer: \(Self.gazetteer)")
            .replacingOccurrences(of: "  - id: sudzha-control\n", with: "  - id: sudzha-control\n    review: done\n")
        let timeline = temp.appendingPathComponent("t.yaml")
        try text.write(to: timeline, atomically: true, encoding: .utf8)
        let run = try SalientProcess.run(["check", timeline.path])
        #expect(run.status == 2)
        #expect(run.stderr.hasPrefix("error: unknown review mark (\(timeline.path):"))
        #expect(run.stderr.contains("field events[23].review"))
    }
}
