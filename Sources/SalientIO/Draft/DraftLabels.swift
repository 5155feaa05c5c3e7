import Foundation
import SalientCore

/// Labelled articles (format in Tests/SalientCLITests/Fixtures/draft/README.md) and the score
/// of the drafter against them.
public enum DraftLabels {
    public struct Labelled: Sendable {
        public var article: String
        /// Given to the drafter as `--published` when the article itself states no date.
        public var published: CalendarDay?
        public var labels: LabelledArticle
    }

    public static func read(path: String) throws -> Labelled {
        let reader = NodeReader(file: path)
        let root = try reader.mapping(try reader.root(of: try TextFile.read(path)), field: nil)
        try root.rejectUnknown(allowed: ["article", "published", "published_from", "places", "dates", "claims", "note"])
        let named = try root.nonEmptyString("article")
        let base = (path as NSString).deletingLastPathComponent
        let article = named.hasPrefix("/") || base.isEmpty ? named : TimelineReader.normalized(base + "/" + named)
        let from = try root.optionalString("published_from")
        guard ["", "date line", "dateline", "option"].contains(from) else {
            throw InputError(
                "unknown published_from '\(from)'", file: path, line: root.line(of: "published_from"),
                field: "published_from", hint: "use date line, dateline or option")
        }
        let published = try root.day("published")
        func list(_ key: String) throws -> [Fields] {
            try root.node(key) == nil
                ? [] : root.sequence(key).enumerated().map { try reader.mapping($1, field: "\(key)[\($0)]") }
        }
        func offsets(_ f: Fields) throws -> (Int, Int) {
            let start = try f.number("start")
            let end = try f.number("end")
            guard start >= 0, end > start, start == start.rounded(), end == end.rounded() else {
                throw InputError(
                    "start and end must be whole offsets with start < end", file: path, line: f.line(of: "start"),
                    field: f.name("start"))
            }
            return (Int(start), Int(end))
        }
        let places = try list("places").map { f in
            try f.rejectUnknown(allowed: ["start", "end", "text", "place"])
            let (s, e) = try offsets(f)
            let id = try f.optionalString("place")
            return LabelledArticle.Place(start: s, end: e, placeID: id.isEmpty ? nil : id)
        }
        let dates = try list("dates").map { f in
            try f.rejectUnknown(allowed: ["start", "end", "text", "date"])
            let (s, e) = try offsets(f)
            return LabelledArticle.DateLabel(start: s, end: e, date: try f.eventDate("date"))
        }
        let claims = try list("claims").map { f in
            try f.rejectUnknown(allowed: ["start", "end", "text", "value", "unit", "hedge"])
            let (s, e) = try offsets(f)
            let node = try f.required("value")
            let value: ClaimValue
            if let items = node.sequence, items.count == 2 {
                value = .range(
                    low: try reader.number(items[0], field: f.name("value")),
                    high: try reader.number(items[1], field: f.name("value")))
            } else {
                value = .single(try reader.number(node, field: f.name("value")))
            }
            let unitText = try f.nonEmptyString("unit")
            guard let unit = ClaimUnit(parsing: unitText) else {
                throw InputError(
                    "unknown unit '\(unitText)'", file: path, line: f.line(of: "unit"), field: f.name("unit"))
            }
            return LabelledArticle.ClaimLabel(
                start: s, end: e, value: value, unit: unit, hedge: try f.choice("hedge", as: Hedge.self))
        }
        return Labelled(
            article: article, published: from == "option" ? published : nil,
            labels: LabelledArticle(places: places, dates: dates, claims: claims))
    }

    /// Drafts each labelled article against the gazetteer and scores the drafts together.
    public static func score(labelFiles: [String], gazetteer folder: String) throws -> [CategoryScore] {
        let drafter = ArticleDrafter(gazetteer: try GazetteerReader.read(folder: folder))
        let pairs = try labelFiles.map { path in
            let labelled = try read(path: path)
            let draft = try ArticleFile.draft(path: labelled.article, drafter: drafter, published: labelled.published)
            return (draft, labelled.labels)
        }
        return DraftScore.score(pairs)
    }

    /// The table `salient draft --score` prints.
    public static func table(_ scores: [CategoryScore]) -> String {
        func pad(_ s: String, _ width: Int, left: Bool = false) -> String {
            let space = String(repeating: " ", count: max(0, width - s.count))
            return left ? s + space : space + s
        }
        func ratio(_ x: Double) -> String { String(format: "%.3f", x) }
        var lines = [
            pad("category", 16, left: true) + pad("labelled", 9) + pad("found", 7) + pad("correct", 8)
                + pad("precision", 10) + pad("recall", 8) + pad("F1", 7)
        ]
        for s in scores {
            lines.append(
                pad(s.category, 16, left: true) + pad(String(s.labelled), 9) + pad(String(s.found), 7)
                    + pad(String(s.correct), 8) + pad(ratio(s.precision), 10) + pad(ratio(s.recall), 8)
                    + pad(ratio(s.f1), 7))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
