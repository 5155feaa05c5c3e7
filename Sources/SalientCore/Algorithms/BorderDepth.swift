import HeapModule

/// The vertex of a tier's densified boundary that lies farthest from the border, found by
/// branch and bound instead of measuring every vertex.
///
/// The distance to the border is 1-Lipschitz: it changes by at most the length of the path
/// between two points. So between two measured vertices of a line, at arc lengths `s_i` and
/// `s_j` with distances `d_i` and `d_j`, no vertex is farther than
/// `(d_i + d_j + (s_j - s_i)) / 2`. A stretch whose bound is below the deepest distance found
/// is never measured; the others are halved, deepest bound first. Every vertex that could
/// reach the greatest distance is measured, so the result is the one a measurement of every
/// vertex finds: the first vertex, in order, at the greatest distance.
enum BorderDepth {
    /// The deepest vertex of `lines` (taken in order, line after line) and its distance, or
    /// nil when there is no vertex. `distance` is called for a vertex at most once.
    static func deepest(
        of lines: [[PlanarPoint]], distance: (PlanarPoint) throws -> Double
    ) rethrows -> (distance: Double, point: PlanarPoint)? {
        var search = Search()
        var first = 0
        for line in lines {
            try search.add(line, firstIndex: first, distance: distance)
            first += line.count
        }
        try search.run(lines, distance: distance)
        return search.best.map { ($0.distance, $0.point) }
    }

    /// A stretch of one line between two measured vertices, `start` and `end`, whose inner
    /// vertices are not measured yet.
    private struct Stretch: Comparable {
        var line: Int
        var start: Int
        var end: Int
        var bound: Double
        static func < (a: Stretch, b: Stretch) -> Bool { a.bound < b.bound }
        static func == (a: Stretch, b: Stretch) -> Bool { a.bound == b.bound }
    }

    private struct Search {
        /// Per line: the arc length at each vertex, and each vertex's distance once measured.
        var arcs: [[Double]] = []
        var distances: [[Double?]] = []
        var firstIndexes: [Int] = []
        var best: (distance: Double, index: Int, point: PlanarPoint)?
        /// The stretches still to search, deepest bound first.
        var heap = Heap<Stretch>()

        mutating func add(_ line: [PlanarPoint], firstIndex: Int, distance: (PlanarPoint) throws -> Double) rethrows {
            let number = arcs.count
            var arc = [Double](repeating: 0, count: line.count)
            for k in line.indices.dropFirst() {
                let (dx, dy) = (line[k].x - line[k - 1].x, line[k].y - line[k - 1].y)
                arc[k] = arc[k - 1] + (dx * dx + dy * dy).squareRoot()
            }
            arcs.append(arc)
            distances.append([Double?](repeating: nil, count: line.count))
            firstIndexes.append(firstIndex)
            guard let last = line.indices.last else { return }
            try measure(number, 0, line, distance)
            try measure(number, last, line, distance)
            push(line: number, start: 0, end: last)
        }

        mutating func run(_ lines: [[PlanarPoint]], distance: (PlanarPoint) throws -> Double) rethrows {
            while let stretch = heap.popMax() {
                guard let best, stretch.bound >= best.distance - Self.slack(best.distance, stretch) else { return }
                let middle = (stretch.start + stretch.end) / 2
                try measure(stretch.line, middle, lines[stretch.line], distance)
                push(line: stretch.line, start: stretch.start, end: middle)
                push(line: stretch.line, start: middle, end: stretch.end)
            }
        }

        /// Room for rounding in the distances and the arc lengths: a millimetre, and a part in
        /// 10⁹ of the lengths involved, far above double rounding and far below the 100 m spacing.
        static func slack(_ best: Double, _ stretch: Stretch) -> Double {
            1e-3 + 1e-9 * (abs(best) + abs(stretch.bound))
        }

        private mutating func measure(
            _ line: Int, _ vertex: Int, _ points: [PlanarPoint], _ distance: (PlanarPoint) throws -> Double
        ) rethrows {
            guard distances[line][vertex] == nil else { return }
            let value = try distance(points[vertex])
            distances[line][vertex] = value
            let index = firstIndexes[line] + vertex
            // The greatest distance wins; of equal ones, the first vertex in order.
            if let best, !(value > best.distance || (value == best.distance && index < best.index)) { return }
            best = (value, index, points[vertex])
        }

        private mutating func push(line: Int, start: Int, end: Int) {
            guard end - start > 1, let a = distances[line][start], let b = distances[line][end] else { return }
            heap.insert(
                Stretch(line: line, start: start, end: end, bound: (a + b + arcs[line][end] - arcs[line][start]) / 2))
        }
    }
}
