/// What one article yields: its date, and the places, dates, claims and events found in it.
public struct ArticleDraft: Hashable, Sendable {
    /// The file as named, for provenance.
    public var file: String
    public var publication: Publication
    public var places: [PlaceMention]
    public var dates: [DateMention]
    public var claims: [ClaimMention]
    public var events: [ProposedEvent]
}

/// Runs the finders over one article, in the order each needs the others: speakers, the
/// publication date, dates, places, claims, events.
public struct ArticleDrafter: Sendable {
    public let places: PlaceMentionFinder

    public init(gazetteer: Gazetteer) {
        places = PlaceMentionFinder(gazetteer: gazetteer)
    }

    /// `text` is the file's text; `offsetBase` is added to every offset (1 when a byte-order
    /// mark was dropped before the text, so offsets still count from the file's first code point);
    /// `territory` tells namesakes apart.
    public func draft(
        text: String, file: String, published: CalendarDay?, offsetBase: Int = 0, territory: Territory? = nil
    ) throws(PublicationError) -> ArticleDraft {
        let scalars = Array(text.unicodeScalars)
        let publication = try PublicationDateFinder.find(in: scalars, given: published)
        let article = ArticleText(text, from: publication.bodyStart)
        let speakers = SpeakerFinder.speakers(in: article)
        let dates = DateResolver.find(in: article, publication: publication.day, speakers: speakers)
        let found = places.find(in: article, publication: publication, speakers: speakers, territory: territory)
        let claims = ClaimFinder.find(
            in: article, places: found, dates: dates, speakers: speakers, publication: publication.day)
        let events = EventProposer.propose(in: article, places: found, dates: dates, publication: publication.day)
        var draft = ArticleDraft(
            file: file, publication: publication, places: found, dates: dates, claims: claims, events: events)
        if offsetBase != 0 { draft.shift(by: offsetBase) }
        return draft
    }
}

extension ArticleDraft {
    mutating func shift(by base: Int) {
        for i in places.indices {
            places[i].start += base
            places[i].end += base
        }
        for i in dates.indices {
            dates[i].start += base
            dates[i].end += base
        }
        for i in claims.indices {
            claims[i].start += base
            claims[i].end += base
        }
        for i in events.indices {
            events[i].start += base
            events[i].end += base
        }
        if let place = publication.datelinePlace {
            publication.datelinePlace = (place.text, place.start + base, place.end + base)
        }
    }
}
