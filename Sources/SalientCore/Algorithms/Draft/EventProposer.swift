/// An event proposed from a sentence that pairs a place with an action, for a person to review.
public struct ProposedEvent: Hashable, Sendable {
    public var kind: EventKind
    public var placeID: String
    public var actor: String
    /// Nil when neither the sentence nor the publication dates it.
    public var date: EventDate?
    public var dateNote: String
    /// The action word and the place mention, as offsets: the event's provenance.
    public var start: Int
    public var end: Int
    public var sentence: Int
}

/// Proposes an event for each sentence with an action word and a resolved place: captured,
/// seized, took, control → control; entered, crossed, advanced, pushed → advance; repelled,
/// repulsed, fought off → repelled; shelled, struck, drone attack → strike; evacuated, fled →
/// evacuation; emergency → emergency. The place is the first one named after the action word,
/// else the last before it; the actor the first side named before the action word
/// (`ActorLexicon`), else after it, else "unknown"; the date the first resolved date of the
/// sentence, else the publication day.
public enum EventProposer {
    private static let actions: [String: EventKind] = [
        "captured": .control, "capturing": .control, "captures": .control, "seized": .control, "seizing": .control,
        "took": .control, "control": .control, "controls": .control, "holding": .control, "liberated": .control,
        "entered": .advance, "entering": .advance, "crossed": .advance, "advanced": .advance, "advancing": .advance,
        "pushed": .advance, "pushing": .advance, "rammed": .advance, "moving": .advance, "incursion": .advance,
        "repelled": .repelled, "repulsed": .repelled, "repelling": .repelled, "thwarted": .repelled,
        "shelled": .strike, "shelling": .strike, "struck": .strike, "strikes": .strike, "striking": .strike,
        "drones": .strike, "bombed": .strike, "shot": .strike,
        "evacuated": .evacuation, "evacuation": .evacuation, "evacuations": .evacuation, "fled": .evacuation,
        "flee": .evacuation, "emergency": .emergency,
    ]

    public static func propose(
        in article: ArticleText, places: [PlaceMention], dates: [DateMention], publication: CalendarDay?
    ) -> [ProposedEvent] {
        let t = article.tokens
        var events: [ProposedEvent] = []
        for (index, range) in article.sentences.enumerated() {
            guard let verb = range.first(where: { t[$0].kind == .word && actions[t[$0].lower] != nil }) else {
                continue
            }
            let kind = actions[t[verb].lower]!
            let start = t[range.lowerBound].start
            let end = t[range.upperBound - 1].end
            let resolved = places.filter { $0.start >= start && $0.end <= end && $0.placeID != nil }
            guard let place = resolved.first(where: { $0.start > t[verb].start }) ?? resolved.last else { continue }
            let actor =
                ActorLexicon.firstActor(in: range.lowerBound..<verb, of: article)
                ?? ActorLexicon.firstActor(in: verb..<range.upperBound, of: article) ?? "unknown"
            let dated = dates.first { $0.start >= start && $0.end <= end && $0.date != nil }
            let date = dated?.date ?? publication.map(EventDate.day)
            let note =
                dated.map { "\($0.text): \($0.rule)" }
                ?? (publication == nil
                    ? "undated: the publication date is unknown" : "no date in the sentence: the publication day")
            events.append(
                ProposedEvent(
                    kind: kind, placeID: place.placeID!, actor: actor, date: date, dateNote: note,
                    start: min(t[verb].start, place.start), end: max(t[verb].end, place.end), sentence: index))
        }
        return events
    }
}
