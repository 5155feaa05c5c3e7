import Foundation

/// The ground truth of a synthetic front: how deep the held ground and the grey zone beyond it
/// reach from the border, at every border vertex, on every day. The front advances, stalls and
/// retreats in phases drawn from the seed, and bulges into separate pockets along the border
/// (stretches where nothing is held), so that a method bridging pockets or missing a retreat
/// shows in the accuracy report.
struct TrueFront {
    enum Phase: String {
        case advance, hold, retreat
    }

    let world: World
    let days: Int
    /// The deepest the grey zone's far edge reaches on each day, km.
    let amplitude: [Double]
    let phaseOfDay: [Phase]
    private let phases: (Double, Double, Double)
    /// Depths under this, km, count as none: a sliver thinner than the output grid's reach.
    static let minimumKm = 0.05

    init(world: World, days: Int, rng: inout SplitMix64) {
        self.world = world
        self.days = days
        phases = (rng.uniform(0, 2 * .pi), rng.uniform(0, 2 * .pi), rng.uniform(0, 2 * .pi))
        var amplitude: [Double] = []
        var phaseOfDay: [Phase] = []
        var depth = 10.0
        var retreated = false
        while amplitude.count < days {
            let remaining = days - amplitude.count
            let length = min(remaining, 4 + rng.index(10))
            // The last phase is a retreat if none came before, so every front has one.
            var phase: Phase = rng.pick([(.advance, 0.5), (.hold, 0.2), (.retreat, 0.3)])
            if !retreated, remaining <= length + 2 { phase = .retreat }
            if phase == .retreat { retreated = true }
            for _ in 0..<length {
                switch phase {
                case .advance: depth += rng.uniform(0.4, 1.4)
                case .hold: depth += 0.1 * rng.normal()
                case .retreat: depth -= rng.uniform(0.5, 1.5)
                }
                depth = min(45, max(6, depth))
                amplitude.append(depth)
                phaseOfDay.append(phase)
            }
        }
        self.amplitude = amplitude
        self.phaseOfDay = phaseOfDay
    }

    /// Fraction along the front of a longitude (unwrapped).
    func u(atLon lon: Double) -> Double {
        (lon - world.west) / (world.east - world.west)
    }

    /// Km from the border to the grey zone's far edge: bulges that drift along the front over
    /// the days, cut below a share of the day's depth so that pockets separate, tapered to
    /// nothing at both ends of the front (the territory's sides are not straight).
    func outerKm(u: Double, day: Int) -> Double {
        let t = Double(day) / Double(max(1, days - 1))
        let k1 = max(1, world.frontKm / 150)
        let k2 = max(2, world.frontKm / 40)
        let bulge = 0.5 + 0.5 * sin(2 * .pi * k1 * u + phases.0 + 2 * .pi * 0.3 * t)
        let ripple = 0.8 + 0.2 * sin(2 * .pi * k2 * u + phases.1)
        let shape = ((0.25 + 0.75 * bulge) * ripple - 0.3) / 0.7
        let taper = min(1, u / 0.03, (1 - u) / 0.03)
        let depth = amplitude[day] * shape * max(0, taper)
        return depth < Self.minimumKm ? 0 : depth
    }

    /// Width of the grey zone, km: 1.5 to 3.
    func bandKm(u: Double, day: Int) -> Double {
        let t = Double(day) / Double(max(1, days - 1))
        let k2 = max(2, world.frontKm / 40)
        return 2.25 + 0.75 * sin(2 * .pi * 1.7 * k2 * u + phases.2 + 2 * .pi * t)
    }

    /// Km from the border to the held ground's edge.
    func heldKm(u: Double, day: Int) -> Double {
        let held = outerKm(u: u, day: day) - bandKm(u: u, day: day)
        return held < Self.minimumKm ? 0 : held
    }

    /// What the ground truth says of a place on a day.
    enum GroundState: Equatable {
        case held, contested, defender
    }

    func state(u: Double, depthKm: Double, day: Int) -> GroundState {
        if depthKm < heldKm(u: u, day: day) { return .held }
        if depthKm < outerKm(u: u, day: day) { return .contested }
        return .defender
    }

    /// The day's truth as closed rings (unwrapped, counter-clockwise): the held ground, the grey
    /// zone, and both together. Each pocket's rings run along the border's own vertices and
    /// back along the front, offset across the border at the same longitudes, so every ring is
    /// monotone in longitude and simple, and the grey zone shares the held ground's edge.
    func rings(day: Int) -> (held: [[LL]], contested: [[LL]], outer: [[LL]]) {
        let border = world.border
        let outer = border.map { outerKm(u: u(atLon: $0.lon), day: day) }
        let held = border.indices.map { i in
            outer[i] == 0 ? 0 : max(0, heldKm(u: u(atLon: border[i].lon), day: day))
        }
        func offset(_ i: Int, _ km: Double) -> LL {
            km == 0
                ? border[i] : LL(lon: border[i].lon, lat: border[i].lat + world.sector.side * km / World.kmPerDegreeLat)
        }
        func pockets(lower: [Double], upper: [Double]) -> [[LL]] {
            var rings: [[LL]] = []
            var i = 1
            while i < border.count - 1 {
                guard upper[i] > 0 else {
                    i += 1
                    continue
                }
                let start = i
                while i < border.count - 1, upper[i] > 0 { i += 1 }
                let end = i - 1  // upper[start - 1] and upper[end + 1] are 0: the ring meets the border there
                let bottom = (start - 1...end + 1).map { offset($0, lower[$0]) }
                let top = (start...end).reversed().map { offset($0, upper[$0]) }
                rings.append(Self.counterClockwise(bottom + top + [bottom[0]]))
            }
            return rings
        }
        let none = [Double](repeating: 0, count: border.count)
        return (
            pockets(lower: none, upper: held), pockets(lower: held, upper: outer), pockets(lower: none, upper: outer)
        )
    }

    static func counterClockwise(_ ring: [LL]) -> [LL] {
        var twice = 0.0
        for (a, b) in zip(ring, ring.dropFirst()) { twice += (b.lon - a.lon) * (b.lat + a.lat) }
        return twice > 0 ? ring.reversed() : ring
    }

    /// The rings as RFC 7946 polygons: cut at the antimeridian, each part a polygon.
    static func wrapped(_ rings: [[LL]]) -> [[LL]] {
        rings.flatMap { Antimeridian.split(ring: $0) }
    }
}
