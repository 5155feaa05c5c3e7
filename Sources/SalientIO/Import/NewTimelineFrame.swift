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

    /// A new timeline's `estimate:` block with the default parameters, for the reviewer to edit.
    public static func estimateBlock(actor: String, territory: [String], border: String) -> String {
        """
        estimate:
          actor: \(YAMLEmitter.quoted(actor))
          territory: [\(territory.map(YAMLEmitter.quoted).joined(separator: ", "))]
          border: \(YAMLEmitter.quoted(border))
          radius_km: {city: 4, town: 3, village: 1.5, facility: 1, district: 4.5}
          precision_factor: {exact: 1, near: 2, district: 4}
          contested_band_km: 4
          join: hull
        """
    }
}
