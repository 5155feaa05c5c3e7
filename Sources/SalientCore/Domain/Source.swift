/// A published report that events and claims cite.
public struct Source: Hashable, Sendable, Identifiable {
    public var id: String
    public var outlet: String
    /// The day of publication, or the days it lies between when the page carries no date.
    public var published: EventDate
    public var file: String
    public var url: String
    public var description: String
    public var note: String

    public init(
        id: String, outlet: String, published: EventDate, file: String, url: String, description: String, note: String
    ) {
        self.id = id
        self.outlet = outlet
        self.published = published
        self.file = file
        self.url = url
        self.description = description
        self.note = note
    }
}
