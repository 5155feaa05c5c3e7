/// An event for the timeline, merged from the articles that report it.
public struct DraftedEvent: Hashable, Sendable {
    public var id: String
    public var kind: EventKind
    public var placeID: String
    public var actor: String
    public var date: EventDate
    public var dateNote: String
    public var sourceIDs: [String]
    /// "draft:FILE:START", so that drafting the same article again adds nothing.
    public var externalID: String
}

/// A claim for the timeline, merged from the articles that report it.
public struct DraftedClaim: Hashable, Sendable {
    public var id: String
    public var eventID: String
    public var claimant: String
    public var stated: CalendarDay
    public var asOf: CalendarDay
    public var dateNote: String
    public var quantity: ClaimQuantity
    public var definition: ClaimDefinition
    public var figure: ClaimedFigure
    public var asWritten: String
    public var placeID: String
    public var to: String
    public var sourceIDs: [String]
}

/// One article's draft with the source id it is cited by.
public struct SourcedDraft: Hashable, Sendable {
    public var draft: ArticleDraft
    public var sourceID: String

    public init(draft: ArticleDraft, sourceID: String) {
        self.draft = draft
        self.sourceID = sourceID
    }
}

/// Merges drafts across articles: one event per kind, place, actor and date, and one claim per
/// figure (value, unit, hedge), measure, place and day, each citing every source that reports
/// it. Two figures for one statement differ in value and stay two claims, for the checker's
/// cross-check to compare. Items that no date resolves (an article of unknown date), and claims
/// in an article that names no known place, are left to the draft's record of the article.
public enum DraftMerge {
    public struct Result: Hashable, Sendable {
        public var events: [DraftedEvent]
        public var claims: [DraftedClaim]
        /// Per article, the claim id each of its claim mentions went to ("" when none).
        public var claimIDs: [[String]]
    }

    public static func merge(_ drafts: [SourcedDraft], outletFallback: (SourcedDraft) -> String) -> Result {
        var events: [DraftedEvent] = []
        var eventIndex: [String: Int] = [:]
        var eventBySentence: [String: Int] = [:]
        func add(_ event: DraftedEvent, source: String) -> Int {
            let key = "\(event.kind.rawValue)|\(event.placeID)|\(event.actor)|\(event.date)"
            if let at = eventIndex[key] {
                if !events[at].sourceIDs.contains(source) { events[at].sourceIDs.append(source) }
                return at
            }
            eventIndex[key] = events.count
            events.append(event)
            return events.count - 1
        }
        for (a, sourced) in drafts.enumerated() {
            for proposed in sourced.draft.events {
                guard let date = proposed.date else { continue }
                eventBySentence["\(a)|\(proposed.sentence)"] = add(
                    DraftedEvent(
                        id: "", kind: proposed.kind, placeID: proposed.placeID, actor: proposed.actor, date: date,
                        dateNote: proposed.dateNote, sourceIDs: [sourced.sourceID],
                        externalID: "draft:\(sourced.draft.file):\(proposed.start)"), source: sourced.sourceID)
            }
        }
        var claims: [DraftedClaim] = []
        var claimEvents: [Int] = []
        var claimIndex: [String: Int] = [:]
        var claimIDs: [[Int?]] = []
        for (a, sourced) in drafts.enumerated() {
            var ids: [Int?] = []
            let stated = sourced.draft.publication.day
            let firstPlace = sourced.draft.places.first { $0.placeID != nil }?.placeID
            for mention in sourced.draft.claims {
                guard let asOf = mention.asOf, let stated, let unit = mention.figure.unit,
                    let place = mention.placeID ?? firstPlace
                else {
                    ids.append(nil)
                    continue
                }
                let key =
                    "\(mention.quantity.rawValue)|\(mention.definition.rawValue)|\(mention.figure.value)|\(unit.rawValue)"
                    + "|\(mention.figure.hedge.rawValue)|\(asOf)|\(mention.placeID ?? "")|\(mention.to)"
                if let at = claimIndex[key] {
                    if !claims[at].sourceIDs.contains(sourced.sourceID) {
                        claims[at].sourceIDs.append(sourced.sourceID)
                    }
                    if !mention.claimant.isEmpty, !claims[at].claimant.contains(mention.claimant) {
                        claims[at].claimant += " / \(mention.claimant)"
                    }
                    claims[at].stated = min(claims[at].stated, stated)
                    ids.append(at)
                    continue
                }
                // The checker measures a claim on a day the events cover: a claim whose sentence
                // proposes no event on that day gets a statement there, for the reviewer to keep or fold.
                var event = eventBySentence["\(a)|\(mention.sentence)"]
                if event.map({ !(events[$0].date.start...events[$0].date.end).contains(asOf) }) ?? true {
                    let side = mention.claimant.split(whereSeparator: { !$0.isLetter }).lazy.compactMap {
                        ActorLexicon.actor(String($0))
                    }.first
                    event = add(
                        DraftedEvent(
                            id: "", kind: .statement, placeID: place, actor: side ?? "unknown", date: .day(asOf),
                            dateNote: "the day the figure holds for: \(mention.asOfRule)",
                            sourceIDs: [sourced.sourceID],
                            externalID: "draft:\(sourced.draft.file):\(mention.start)"), source: sourced.sourceID)
                }
                claimIndex[key] = claims.count
                ids.append(claims.count)
                claimEvents.append(event!)
                claims.append(
                    DraftedClaim(
                        id: "", eventID: "",
                        claimant: mention.claimant.isEmpty ? outletFallback(sourced) : mention.claimant,
                        stated: stated, asOf: asOf, dateNote: mention.asOfRule, quantity: mention.quantity,
                        definition: mention.definition, figure: mention.figure, asWritten: mention.text,
                        placeID: mention.placeID ?? "", to: mention.to, sourceIDs: [sourced.sourceID]))
            }
            claimIDs.append(ids)
        }
        var used: Set<String> = []
        for i in events.indices {
            events[i].id = unique(
                slug("draft-\(events[i].kind.rawValue)-\(events[i].placeID)-\(events[i].date.start)"), &used)
        }
        for i in claims.indices {
            let c = claims[i]
            claims[i].eventID = events[claimEvents[i]].id
            // Distances keep their place only where the checker measures one.
            if ![.distanceToBorder, .distanceToFighting, .distanceBetween].contains(c.definition) {
                claims[i].placeID = ""
            }
            claims[i].id = unique(
                slug("draft-\(c.quantity.rawValue)-\(c.figure.value)-\(c.figure.unit!.rawValue)-\(c.asOf)"), &used)
        }
        return Result(
            events: events, claims: claims, claimIDs: claimIDs.map { $0.map { $0.map { claims[$0].id } ?? "" } })
    }

    /// Lower-case letters, digits and '-' only.
    static func slug(_ text: String) -> String {
        var result = ""
        for scalar in text.lowercased().unicodeScalars {
            let keep = ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar)
            if keep {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        while result.hasSuffix("-") { result.removeLast() }
        return result
    }

    private static func unique(_ id: String, _ used: inout Set<String>) -> String {
        var candidate = id
        var n = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(n)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}
