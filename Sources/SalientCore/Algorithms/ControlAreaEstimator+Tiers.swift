/// How a tier follows its drawn reports from day to day: corridors counted as reports share
/// them, a hull kept while what leaves it lies inside, rebuilt when what leaves held its edge.
extension ControlAreaEstimator {
    /// One tier's changes on a day: corridors that join it or leave it (each shared corridor
    /// once).
    struct TierChanges {
        /// Corridors new to the tier, in the order they came, and corridors gone from it.
        var added: [(key: CorridorKey, shape: GEOSObject)] = []
        var removed: [CorridorKey: GEOSObject] = [:]
        /// The hull buckets (HullBuckets) of the reports that joined or left.
        var buckets: Set<Int> = []
        /// Whether any report joined or left (a corridor may stay, shared with another report).
        var membersChanged = false

        mutating func add(_ shape: GEOSObject, key: CorridorKey, report: Int, counts: inout [CorridorKey: Int]) {
            buckets.insert(report / HullBuckets.size)
            counts[key, default: 0] += 1
            if counts[key] == 1, removed.removeValue(forKey: key) == nil { added.append((key, shape)) }
            membersChanged = true
        }

        mutating func remove(_ shape: GEOSObject, key: CorridorKey, report: Int, counts: inout [CorridorKey: Int]) {
            buckets.insert(report / HullBuckets.size)
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
        }
    }

    /// The drawn reports' ids and the distinct sources those events cite, sorted as estimates
    /// list them, in the controlled tier and in all; kept from day to day as reports change tier.
    struct DrawnLists {
        /// One tier's ids and sources.
        struct Tier {
            var ids = SortedTally()
            var sources = SortedTally()

            mutating func add(_ event: Event) {
                ids.add(event.id)
                sources.add(contentsOf: event.sourceIDs)
            }

            mutating func remove(_ event: Event) {
                ids.remove(event.id)
                sources.remove(contentsOf: event.sourceIDs)
            }

            mutating func settle() {
                ids.settle()
                sources.settle()
            }
        }

        var controlled = Tier()
        var all = Tier()

        mutating func fold(_ changes: [PlaceStates.Change], ground: [GroundEvent]) {
            for change in changes {
                let event = ground[change.report].event
                if change.from == .controlled { controlled.remove(event) }
                if change.from != nil { all.remove(event) }
                if change.to == .controlled { controlled.add(event) }
                if change.to != nil { all.add(event) }
            }
            controlled.settle()
            all.settle()
        }
    }

    /// Brings a tier's joined shape up to date with its members (report indices, ascending) and
    /// says whether it changed. A hull grows from the previous one while corridors only join,
    /// and also when the corridors that leave own none of its vertices (the hull of the rest is
    /// the same set); else it is rebuilt from the hulls of its buckets of reports, remaking only
    /// the buckets that changed. A union or concave hull is made again from every report's corridor.
    func rejoin(
        _ joined: inout GEOSObject?, _ buckets: inout HullBuckets, _ changes: TierChanges, members: () -> [Int]
    ) throws -> Bool {
        guard changes.membersChanged else { return false }
        let previous = joined
        buckets.stale.formUnion(changes.buckets)
        // A union or a concave hull is not grown from the previous one: made again from all.
        var rebuild = timeline.estimate.join != .hull
        if !rebuild, !changes.removed.isEmpty, let previous {
            rebuild = try Self.ownsVertices(of: previous, Array(changes.removed.values))
        }
        if rebuild, timeline.estimate.join != .hull {
            let shapes = try members().map {
                try corridor(for: ground[$0].event, radius: ground[$0].radiusMeters ?? 0).shape
            }
            joined = shapes.isEmpty ? nil : try join(nil, adding: shapes)
        } else if rebuild {
            var byBucket: [(bucket: Int, members: [Int])] = []
            for member in members() {
                let bucket = member / HullBuckets.size
                if byBucket.last?.bucket == bucket {
                    byBucket[byBucket.count - 1].members.append(member)
                } else {
                    byBucket.append((bucket, [member]))
                }
            }
            var hulls: [Int: GEOSObject] = [:]
            for (bucket, reports) in byBucket {
                if let kept = buckets.hulls[bucket], !buckets.stale.contains(bucket) {
                    hulls[bucket] = kept
                    continue
                }
                var seen: Set<CorridorKey> = []
                var shapes: [GEOSObject] = []
                for member in reports {
                    let (key, shape) = try corridor(for: ground[member].event, radius: ground[member].radiusMeters ?? 0)
                    if seen.insert(key).inserted { shapes.append(shape) }
                }
                hulls[bucket] = try join(nil, adding: shapes)
            }
            buckets.hulls = hulls
            buckets.stale = []
            // The hull of the buckets' hulls is the hull of every corridor in them.
            let parts = byBucket.map { hulls[$0.bucket]! }
            joined = parts.isEmpty ? nil : try join(nil, adding: parts)
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

/// A tier's reports in buckets of consecutive indices, each with the hull of its corridors, so
/// that a hull rebuilt when ground leaves remakes only the buckets that changed. Made on the
/// first rebuild: a tier that only grows never needs them.
struct HullBuckets {
    static let size = 256
    var hulls: [Int: GEOSObject] = [:]
    /// Buckets a report joined or left since their hull was made.
    var stale: Set<Int> = []
}
