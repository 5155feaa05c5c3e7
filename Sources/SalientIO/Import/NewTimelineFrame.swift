import SalientCore

/// What a new timeline's header takes from its gazetteer (`import --new`, `draft`): every
/// region area as the territory and the first border line; the user edits both.
public enum NewTimelineFrame {
    public static func of(_ gazetteer: Gazetteer, folder: String) throws -> (territory: [String], border: String) {
        let territory = gazetteer.places.filter {
            guard case .multiPolygon = $0.geometry else { return false }
            return $0.kind == .region
        }.map(\.id).sorted()
        let border = gazetteer.places.filter {
            guard case .multiLineString = $0.geometry else { return false }
            return $0.kind == .border
        }.map(\.id).sorted().first
        guard !territory.isEmpty, let border else {
            throw InputError("the gazetteer needs a region area and a border line for a new timeline", file: folder)
        }
        return (territory, border)
    }
}
