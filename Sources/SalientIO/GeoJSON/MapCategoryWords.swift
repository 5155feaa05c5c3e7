import SalientCore

/// Reads a map category's own words ("Assessed Russian Advances", "Claimed Ukrainian Control",
/// "Grey zone") as a layer definition relative to the actor the timeline estimates.
///
/// The side is the first side named ("Russian-controlled Ukrainian territory" is Russia's);
/// "occupied" and "liberated" alone are read as DeepState writes them (Russia's and Ukraine's);
/// a category that names no side is the actor's. Claimed layers stay claimed whoever claims.
enum MapCategoryWords {
    static let sides = ["russia", "ukrain"]

    static func definition(of category: String, actor: String) -> MapLayerDefinition? {
        let words = category.lowercased().replacingOccurrences(of: "_", with: " ")
        func has(_ stems: String...) -> Bool { stems.contains { words.contains($0) } }
        let grey = has("grey", "gray", "contested", "unknown", "disputed")
        let held = has("control", "held", "liberated", "occupied")
        let base: MapLayerDefinition
        if has("claimed") {
            return .claimed
        } else if grey && held {
            base = .controlledPlusGrey
        } else if grey {
            return .greyZone
        } else if has("advance") {
            base = .advancedOver
        } else if held {
            base = .controlled
        } else {
            return nil
        }
        let owner = actor.lowercased()
        let stems = sides + (owner.isEmpty ? [] : [String(owner.prefix(6))])
        let named = stems.compactMap { stem in words.range(of: stem).map { (stem, $0.lowerBound) } }
            .min { $0.1 < $1.1 }?.0
        let side = named ?? (has("occupied") ? "russia" : has("liberated") ? "ukrain" : nil)
        guard let side else { return base }
        return owner.contains(side) ? base : .otherSide
    }
}
