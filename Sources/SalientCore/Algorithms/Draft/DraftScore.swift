/// What a person found in an article: the answer the draft is scored against.
public struct LabelledArticle: Hashable, Sendable {
    public struct Place: Hashable, Sendable {
        public var start: Int
        public var end: Int
        /// Nil for a place the gazetteer does not hold.
        public var placeID: String?

        public init(start: Int, end: Int, placeID: String?) {
            self.start = start
            self.end = end
            self.placeID = placeID
        }
    }

    public struct DateLabel: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var date: EventDate

        public init(start: Int, end: Int, date: EventDate) {
            self.start = start
            self.end = end
            self.date = date
        }
    }

    public struct ClaimLabel: Hashable, Sendable {
        public var start: Int
        public var end: Int
        public var value: ClaimValue
        public var unit: ClaimUnit
        public var hedge: Hedge

        public init(start: Int, end: Int, value: ClaimValue, unit: ClaimUnit, hedge: Hedge) {
            self.start = start
            self.end = end
            self.value = value
            self.unit = unit
            self.hedge = hedge
        }
    }

    public var places: [Place]
    public var dates: [DateLabel]
    public var claims: [ClaimLabel]

    public init(places: [Place], dates: [DateLabel], claims: [ClaimLabel]) {
        self.places = places
        self.dates = dates
        self.claims = claims
    }
}

/// Precision, recall and F1 of one category over a labelled set.
public struct CategoryScore: Hashable, Sendable {
    public var category: String
    public var labelled: Int
    public var found: Int
    public var correct: Int

    /// 1 when nothing was found (nothing found is nothing wrong), as recall is 1 with nothing labelled.
    public var precision: Double { found == 0 ? 1 : Double(correct) / Double(found) }
    public var recall: Double { labelled == 0 ? 1 : Double(correct) / Double(labelled) }
    public var f1: Double {
        precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }
}

/// Scores drafts against labels, pooled over articles. A found item matches a labelled one
/// when their offsets overlap and, beyond the place mentions, when what they say agrees: the
/// same gazetteer id, the same resolved date, the same value, unit and hedge. Each item
/// matches at most once, so a mention found twice counts once as right and once as wrong.
public enum DraftScore {
    public static let categories = ["place mentions", "resolved places", "dates", "claims"]

    public static func score(_ pairs: [(draft: ArticleDraft, labels: LabelledArticle)]) -> [CategoryScore] {
        var totals = categories.map { CategoryScore(category: $0, labelled: 0, found: 0, correct: 0) }
        for (draft, labels) in pairs {
            let results = [
                count(
                    draft.places.map { ($0.start, $0.end, $0.placeID) },
                    labels.places.map { ($0.start, $0.end, $0.placeID) }
                ) { _, _ in true },
                count(
                    draft.places.filter { $0.placeID != nil }.map { ($0.start, $0.end, $0.placeID) },
                    labels.places.filter { $0.placeID != nil }.map { ($0.start, $0.end, $0.placeID) }, ==),
                count(draft.dates.map { ($0.start, $0.end, $0.date) }, labels.dates.map { ($0.start, $0.end, $0.date) })
                {
                    $0 == $1
                },
                count(
                    draft.claims.map { ($0.start, $0.end, Figure($0.figure.value, $0.figure.unit, $0.figure.hedge)) },
                    labels.claims.map { ($0.start, $0.end, Figure($0.value, $0.unit, $0.hedge)) }, ==),
            ]
            for (i, r) in results.enumerated() {
                totals[i].labelled += r.labelled
                totals[i].found += r.found
                totals[i].correct += r.correct
            }
        }
        return totals
    }

    private struct Figure: Equatable {
        var value: ClaimValue
        var unit: ClaimUnit?
        var hedge: Hedge

        init(_ value: ClaimValue, _ unit: ClaimUnit?, _ hedge: Hedge) {
            self.value = value
            self.unit = unit
            self.hedge = hedge
        }
    }

    private static func count<T>(
        _ found: [(Int, Int, T)], _ labelled: [(Int, Int, T)], _ agree: (T, T) -> Bool
    ) -> (labelled: Int, found: Int, correct: Int) {
        var taken = [Bool](repeating: false, count: found.count)
        var correct = 0
        for label in labelled {
            if let i = found.indices.first(where: {
                !taken[$0] && found[$0].0 < label.1 && label.0 < found[$0].1 && agree(found[$0].2, label.2)
            }) {
                taken[i] = true
                correct += 1
            }
        }
        return (labelled.count, found.count, correct)
    }
}
