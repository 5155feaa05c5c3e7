/// How a tier follows its drawn reports from day to day: corridors counted as reports share
/// them, a hull kept while what leaves it lies inside, rebuilt when what leaves held its edge.
extension ControlAreaEstimator {
    /// One tier's changes on a day: corridors that join it or leave it (each shared corridor
    /// once), and the ids of the reports that join it.
    struct TierChanges {
        /// Corridors new to the tier, in the order they came, and corridors gone from it.
        var added: [(key: CorridorKey, shape: GEOSObject)] = []
        var removed: [CorridorKey: GEOSObject] = [:]
        var addedIDs: [String] = []
        var addedSources: Set<String> = []
        /// Whether any report joined or left (a corridor may stay, shared with another report).
        var membersChanged = false
        var anyLeft = false

        mutating func add(_ shape: GEOSObject, key: CorridorKey, event: Event, counts: inout [CorridorKey: Int]) {
            counts[key, default: 0] += 1
            if counts[key] == 1, removed.removeValue(forKey: key) == nil { added.append((key, shape)) }
            addedIDs.append(event.id)
            addedSources.formUnion(event.sourceIDs)
            membersChanged = true
        }

        mutating func remove(_ shape: GEOSObject, key: CorridorKey, counts: inout [CorridorKey: Int]) {
            counts[key, default: 0] -= 1
            if counts[key] == 0 {
                counts[key] = nil
                if let at = added.firstIndex(where: { $0.key == key }) {
                    added.remove(at: at)
                } else {
                    removed[key] = shape
                }
            }
            membersChanged = true
            anyLeft = true
        }
    }

    /// A tier's sorted ids: merged with the reports that joined, or rebuilt when one left.
    func tierIDs(_ sorted: [String], _ changes: TierChanges, _ members: () -> [Int]) -> [String] {
        guard changes.anyLeft else { return Self.merge(sorted, changes.addedIDs.sorted()) }
        return members().map { ground[$0].event.id }.sorted()
    }

    /// A tier's distinct sources, sorted, kept as its ids are.
    func tierSources(_ sorted: [String], _ changes: TierChanges, _ members: () -> [Int]) -> [String] {
        guard changes.anyLeft else { return Self.merge(sorted, changes.addedSources.sorted()) }
        return Set(members().flatMap { ground[$0].event.sourceIDs }).sorted()
    }

    /// Brings a tier's joined shape up to date with its members (report indices, ascending) and
    /// says whether it changed. A hull grows from the previous one while corridors only join,
    /// and also when the corridors that leave own none of its vertices (the hull of the rest is
    /// the same set); else it is rebuilt from the corridors that remain.
    func rejoin(_ joined: inout GEOSObject?, _ changes: TierChanges, members: () -> [Int]) throws -> Bool {
        guard changes.membersChanged else { return false }
        let previous = joined
        var rebuild = timeline.estimate.join == .corridors
        if !rebuild, !changes.removed.isEmpty, let previous {
            rebuild = try Self.ownsVertices(of: previous, Array(changes.removed.values))
        }
        if rebuild {
            var seen: Set<CorridorKey> = []
            var shapes: [GEOSObject] = []
            for member in members() {
                let report = ground[member]
                let (key, shape) = try corridor(for: report.event, radius: report.radiusMeters ?? 0)
                // A union is rebuilt from every report's corridor, as it always was; a hull needs each once.
                if timeline.estimate.join == .corridors || seen.insert(key).inserted { shapes.append(shape) }
            }
            joined = shapes.isEmpty ? nil : try join(nil, adding: shapes)
        } else if !changes.added.isEmpty {
            joined = try join(previous, adding: changes.added.map(\.shape))
        }
        switch (previous, joined) {
        case (nil, nil): return false
        case (let before?, let after?): return try !before.isIdentical(to: after)
        default: return true
        }
    }

    /// Whether any of `shapes` holds a vertex of `hull`'s outline.
    private static func ownsVertices(of hull: GEOSObject, _ shapes: [GEOSObject]) throws -> Bool {
        let vertices = Set(try hull.polygons().polygons.flatMap(\.exterior))
        for shape in shapes {
            for polygon in try shape.polygons().polygons where polygon.exterior.contains(where: vertices.contains) {
                return true
            }
        }
        return false
    }
}
