/// The nearest-settlement tessellation of a territory, in the estimator's plane: the Voronoi
/// cells (GEOS) of the gazetteer's settlements inside the territory, which cells share an edge
/// inside the territory, and the union of any set of cells, clipped to the territory. Built
/// once per estimator.
///
/// Settlements at one position share one cell, the first by id's. A point of the territory
/// lies in the cell of its nearest settlement (planar distance; ties go to the first by id).
final class SettlementCells {
    struct Site {
        var id: String
        var at: PlanarPoint
        /// Planar distance to the border, metres.
        var borderDistance: Double
    }

    /// Sorted by id; one per distinct position.
    let sites: [Site]
    /// Each site's Voronoi cell before clipping: the cells tile a box round the territory, and
    /// where they share their edges vertex for vertex (`matchEdgeForEdge`) any set of them
    /// dissolves by a coverage union.
    let tiles: [GEOSObject]
    /// Whether a site's tile lies wholly inside the territory, so that clipping leaves it as it is.
    let isInside: [Bool]
    private let territory: GEOSObject
    /// Each cell clipped to the territory, kept only when the tiles do not match edge for edge
    /// (`matchEdgeForEdge`): their sets are then dissolved by an overlay union.
    private let clippedCells: [GEOSObject]?
    /// The sites whose cells share an edge with each site's cell inside the territory, ascending.
    let neighbours: [[Int]]
    private let index: NearestSiteIndex

    /// The fewest settlements a tessellation is drawn from.
    static let minimumSettlements = 3

    init(
        settlements: [(id: String, at: PlanarPoint)], territory: GEOSObject, border: PreparedGEOSObject,
        geos: GEOSContext
    ) throws {
        let prepared = try PreparedGEOSObject(territory)
        var seen: Set<PlanarPoint> = []
        var sites: [Site] = []
        for settlement in settlements.sorted(by: { $0.id < $1.id }) {
            let point = try geos.point(settlement.at)
            guard try prepared.intersects(point), seen.insert(settlement.at).inserted else { continue }
            sites.append(Site(id: settlement.id, at: settlement.at, borderDistance: try border.distance(to: point)))
        }
        guard sites.count >= Self.minimumSettlements else {
            throw EstimateSetupError(
                description: "the cells join needs at least \(Self.minimumSettlements) settlements inside the "
                    + "territory; the gazetteer has \(sites.count) there")
        }
        let box = try territory.envelope()
        index = NearestSiteIndex(sites.map(\.at), box: box)
        let diagram = try geos.collection(of: sites.map { try geos.point($0.at) }).voronoiCells(covering: territory)
        var unclipped = [Polygon<PlanarPoint>?](repeating: nil, count: sites.count)
        for polygon in try diagram.polygons().polygons {
            // A Voronoi cell is convex, so the mean of its vertices lies inside it, nearest its site.
            let ring = polygon.exterior.dropLast()
            let mean = PlanarPoint(
                x: ring.map(\.x).reduce(0, +) / Double(ring.count), y: ring.map(\.y).reduce(0, +) / Double(ring.count))
            unclipped[index.nearest(to: mean)] = polygon
        }
        var (tiles, isInside): ([GEOSObject], [Bool]) = ([], [])
        for polygon in unclipped {
            guard let polygon else {
                throw EstimateSetupError(description: "GEOS drew no Voronoi cell for a settlement")
            }
            let tile = try geos.polygon(polygon)
            tiles.append(tile)
            isInside.append(try prepared.contains(tile))
        }
        self.sites = sites
        self.tiles = tiles
        self.isInside = isInside
        self.territory = territory
        let polygons = unclipped.map { $0! }
        clippedCells =
            try Self.matchEdgeForEdge(polygons, tiles: tiles, geos: geos)
            ? nil
            : zip(tiles, isInside).map { tile, inside in
                try inside ? tile.normalized() : tile.intersection(territory).normalized()
            }
        neighbours = try Self.neighbours(of: polygons, within: prepared, geos: geos)
    }

    /// Whether a set of cells is dissolved by a coverage union of their tiles (else by an
    /// overlay union of the clipped cells).
    var dissolvesByCoverage: Bool { clippedCells == nil }

    /// An edge of a tile, its ends in a set order.
    private struct Edge: Hashable {
        var a: PlanarPoint
        var b: PlanarPoint

        init(_ a: PlanarPoint, _ b: PlanarPoint) {
            (self.a, self.b) = (a.x, a.y) < (b.x, b.y) ? (a, b) : (b, a)
        }
    }

    /// Whether GEOS 3.11's coverage union dissolves any set of the tiles: every edge is an edge
    /// of two tiles or of the outline of all of them, that outline is one ring round the
    /// diagram's box, and no vertex is a corner of more than three tiles. Where four or more
    /// meet (sites on a grid, four on one circle), two cells of a set can touch at a point
    /// alone; on a square grid of sites the coverage union failed on such sets.
    private static func matchEdgeForEdge(_ polygons: [Polygon<PlanarPoint>], tiles: [GEOSObject], geos: GEOSContext)
        throws -> Bool
    {
        var counts: [Edge: Int] = [:]
        var corners: [PlanarPoint: Int] = [:]
        for polygon in polygons {
            for (a, b) in zip(polygon.exterior, polygon.exterior.dropFirst()) where a != b {
                counts[Edge(a, b), default: 0] += 1
            }
            for vertex in Set(polygon.exterior) { corners[vertex, default: 0] += 1 }
        }
        guard corners.values.allSatisfy({ $0 <= 3 }) else { return false }
        let whole: MultiPolygon<PlanarPoint>
        do {
            whole = try geos.collection(of: tiles).coverageUnion().polygons()
        } catch is GEOSError {
            return false
        }
        guard whole.polygons.count == 1, let outline = whole.polygons.first, outline.holes.isEmpty else { return false }
        let outer = Set(zip(outline.exterior, outline.exterior.dropFirst()).map { Edge($0, $1) })
        return counts.allSatisfy { $0.value == 2 || $0.value == 1 && outer.contains($0.key) }
    }

    /// Cells are neighbours when an edge of one is an edge of the other (GEOS computes each
    /// Voronoi vertex once, so shared edges match to the bit) and that edge reaches into the
    /// territory.
    private static func neighbours(
        of polygons: [Polygon<PlanarPoint>], within territory: PreparedGEOSObject, geos: GEOSContext
    ) throws -> [[Int]] {
        var owners: [Edge: Int] = [:]
        var pairs: Set<[Int]> = []
        for (site, polygon) in polygons.enumerated() {
            for (a, b) in zip(polygon.exterior, polygon.exterior.dropFirst()) where a != b {
                let edge = Edge(a, b)
                guard let other = owners[edge] else {
                    owners[edge] = site
                    continue
                }
                guard other != site, !pairs.contains([min(site, other), max(site, other)]) else { continue }
                if try territory.intersects(geos.lineString([edge.a, edge.b])) {
                    pairs.insert([min(site, other), max(site, other)])
                }
            }
        }
        var neighbours = [[Int]](repeating: [], count: polygons.count)
        for pair in pairs {
            neighbours[pair[0]].append(pair[1])
            neighbours[pair[1]].append(pair[0])
        }
        return neighbours.map { $0.sorted() }
    }

    /// The union of the cells of `sites`, in GEOS's canonical form; nil for none. The tiles are
    /// dissolved (a coverage union: no overlay) and the result clipped to the territory once,
    /// when a cell reaches beyond it; tiles that do not match edge for edge are clipped one by
    /// one and overlaid. A day's shape depends only on which cells it holds.
    func union(of sites: [Int]) throws -> GEOSObject? {
        guard !sites.isEmpty else { return nil }
        let geos = territory.context
        if let clippedCells { return try geos.union(sites.map { clippedCells[$0] }) }
        var shape = try geos.collection(of: sites.map { tiles[$0] }).coverageUnion()
        if !sites.allSatisfy({ isInside[$0] }) { shape = try shape.intersection(territory).polygonal() }
        return shape.isEmpty ? nil : try shape.normalized()
    }

    /// The site whose cell holds a point of the territory.
    func site(nearest point: PlanarPoint) -> Int {
        index.nearest(to: point)
    }
}

/// Points in square buckets over a box, for nearest-point queries from inside the box; a
/// query from outside it visits every point.
struct NearestSiteIndex {
    private let origin: PlanarPoint
    private let size: Double
    private let columns: Int
    private let rows: Int
    private let buckets: [[Int]]
    private let points: [PlanarPoint]

    init(_ points: [PlanarPoint], box: (x: ClosedRange<Double>, y: ClosedRange<Double>)) {
        let width = max(box.x.upperBound - box.x.lowerBound, 1)
        let height = max(box.y.upperBound - box.y.lowerBound, 1)
        // About one point per bucket, at most 1,024 buckets a side.
        let size = max((width * height / Double(max(points.count, 1))).squareRoot(), max(width, height) / 1024)
        origin = PlanarPoint(x: box.x.lowerBound, y: box.y.lowerBound)
        self.size = size
        columns = Int(width / size) + 1
        rows = Int(height / size) + 1
        var buckets = [[Int]](repeating: [], count: columns * rows)
        for (i, p) in points.enumerated() {
            if let (c, r) = Self.bucket(of: p, origin: origin, size: size, columns: columns, rows: rows) {
                buckets[r * columns + c].append(i)
            }
        }
        self.buckets = buckets
        self.points = points
    }

    private static func bucket(
        of p: PlanarPoint, origin: PlanarPoint, size: Double, columns: Int, rows: Int
    ) -> (Int, Int)? {
        let c = ((p.x - origin.x) / size).rounded(.down)
        let r = ((p.y - origin.y) / size).rounded(.down)
        guard c >= 0, r >= 0, c < Double(columns), r < Double(rows) else { return nil }
        return (Int(c), Int(r))
    }

    /// The index of the point nearest `p` (ties: the lowest index).
    func nearest(to p: PlanarPoint) -> Int {
        var best: (distance: Double, index: Int)?
        func consider(_ i: Int) {
            let dx = points[i].x - p.x
            let dy = points[i].y - p.y
            let d = dx * dx + dy * dy
            if best == nil || (d, i) < (best!.distance, best!.index) { best = (d, i) }
        }
        guard let (c, r) = Self.bucket(of: p, origin: origin, size: size, columns: columns, rows: rows) else {
            points.indices.forEach(consider)
            return best?.index ?? 0
        }
        // Points beyond ring k of buckets lie at least k bucket sizes away.
        for k in 0...max(columns, rows) {
            if let found = best, found.distance < (Double(k - 1) * size) * (Double(k - 1) * size), k > 1 { break }
            for row in max(0, r - k)...min(rows - 1, r + k) {
                for column in max(0, c - k)...min(columns - 1, c + k)
                where max(abs(row - r), abs(column - c)) == k {
                    buckets[row * columns + column].forEach(consider)
                }
            }
        }
        return best?.index ?? 0
    }
}
