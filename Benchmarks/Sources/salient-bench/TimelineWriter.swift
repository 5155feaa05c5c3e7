import Foundation

/// Writes the timeline: a front that advances, stalls and bulges over the days, events at
/// the places along it, the sources that report them, and claimed figures.
struct TimelineWriter {
    let spec: GeneratorSpec
    let sector: Sector
    let world: World
    let places: [Generator.PlaceRecord]
    let regionIDs: [String]
    let borderID: String

    static let eventKinds: [(String, Double)] = [
        ("control", 0.22), ("advance", 0.25), ("contested", 0.15), ("repelled", 0.10),
        ("strike", 0.14), ("evacuation", 0.05), ("emergency", 0.03), ("statement", 0.06),
    ]
    static let outlets = [
        "Wire service A", "Regional television", "Daily front assessment", "Ministry of Defence (Blue)",
        "Ministry of Defence (Red)", "Regional governor (Red)", "Local messaging channel", "National daily",
        "Foreign correspondent", "Open-source analysts", "International radio", "Press agency B",
    ]

    private struct Event {
        var day: Int
        var start: Int
        var kind: String
        var place: Int?
        var coordinates: LL?
        var precision: String?
        var actor: String
    }

    /// How far the front stands from the border, km, at fraction `u` along it on fraction `t` of the days.
    private func front(u: Double, t: Double, phases: (Double, Double)) -> Double {
        let k1 = max(1, world.frontKm / 300)
        let k2 = max(2, world.frontKm / 100)
        let bulge = 0.5 + 0.5 * sin(2 * .pi * (k1 * u) + phases.0 + 2 * .pi * 0.8 * t)
        let ripple = 0.7 + 0.3 * sin(2 * .pi * k2 * u + phases.1)
        return 2 + 38 * (0.3 + 0.7 * t) * bulge * ripple
    }

    mutating func write(to path: String, rng: inout SplitMix64) throws {
        let days = spec.days
        // Events per day: noisy, with three offensives.
        let offensives = (0..<3).map { _ in (centre: rng.uniform(0, Double(days)), width: max(2, Double(days) / 20)) }
        var cumulative: [Double] = []
        var total = 0.0
        for d in 0..<days {
            let burst = offensives.reduce(0) { $0 + exp(-pow((Double(d) - $1.centre) / $1.width, 2)) }
            total += (0.6 + 0.8 * rng.unit()) * (1 + 2 * burst)
            cumulative.append(total)
        }
        var eventDays = (0..<spec.events).map { i -> Int in
            if i == 0 { return 0 }
            if i == 1 { return days - 1 }
            let r = rng.unit() * total
            var low = 0
            var high = days - 1
            while low < high {
                let mid = (low + high) / 2
                if cumulative[mid] > r { high = mid } else { low = mid + 1 }
            }
            return low
        }
        eventDays.sort()

        // Territory places binned by position along the front, for picking places near it.
        let binCount = max(1, Int(world.frontKm / 5))
        var bins = [[Int]](repeating: [], count: binCount)
        for (i, place) in places.enumerated() where place.depth > 0 {
            bins[min(binCount - 1, Int(place.u * Double(binCount)))].append(i)
        }
        let phases = (rng.uniform(0, 2 * .pi), rng.uniform(0, 2 * .pi))
        var events: [Event] = []
        events.reserveCapacity(spec.events)
        var perDay = [Int](repeating: 0, count: days)
        for day in eventDays {
            perDay[day] += 1
            let t = Double(day) / Double(max(1, days - 1))
            let kind = rng.pick(Self.eventKinds)
            let u = rng.uniform(0.005, 0.995)
            let f = front(u: u, t: t, phases: phases)
            var target: Double
            switch kind {
            case "control": target = f - 2 + 2.5 * rng.normal()
            case "advance": target = f + 2 * rng.normal()
            case "contested": target = f + 1 + 2 * rng.normal()
            case "repelled": target = f + 3 + 2 * rng.normal()
            case "strike": target = f + rng.uniform(5, 40)
            case "evacuation", "emergency": target = f + rng.uniform(10, 60)
            default: target = f + rng.uniform(-10, 10)
            }
            target = min(130, max(0.5, target))
            let actor: String
            switch kind {
            case "control": actor = rng.unit() < 0.8 ? Generator.actor : Generator.defender
            case "advance": actor = rng.unit() < 0.65 ? Generator.actor : Generator.defender
            case "contested": actor = rng.unit() < 0.5 ? Generator.actor : Generator.defender
            case "repelled", "strike": actor = rng.unit() < 0.7 ? Generator.defender : Generator.actor
            case "evacuation", "emergency": actor = "Red regional authorities"
            default: actor = rng.unit() < 0.5 ? Generator.actor : Generator.defender
            }
            let start = rng.unit() < 0.12 ? max(0, day - 1 - rng.index(6)) : day
            if ["statement", "evacuation", "emergency"].contains(kind) == false, rng.unit() < 0.05 {
                events.append(
                    Event(
                        day: day, start: start, kind: kind, place: nil,
                        coordinates: world.position(u: u, depthKm: target),
                        precision: "near", actor: actor))
                continue
            }
            let place = nearest(u: u, depth: target, bins: bins)
            var precision: String?
            if places[place].kind != "district" {
                precision = rng.pick([
                    (nil, 0.70), ("near", 0.15), ("district", 0.08), ("region", 0.03), ("exact", 0.04),
                ])
            }
            events.append(
                Event(
                    day: day, start: start, kind: kind, place: place, coordinates: nil, precision: precision,
                    actor: actor))
        }

        // Sources: a few a day, more on busy days; each event cites one to three published
        // on its last day or the two after.
        var sourceIDs: [[String]] = []
        var text = header()
        text += "\nsources:\n"
        for d in 0..<days {
            let count = 3 + perDay[d] / 25
            let date = Generator.firstDay.adding(d)
            var ids: [String] = []
            for k in 0..<count {
                let id = "src-\(date.text.replacingOccurrences(of: "-", with: ""))-\(k)"
                ids.append(id)
                let outlet = Self.outlets[rng.index(Self.outlets.count)]
                let published =
                    d > 0 && rng.unit() < 0.05 ? "{start: \(date.adding(-1).text), end: \(date.text)}" : date.text
                text += "  - id: \(id)\n    outlet: \(outlet)\n    published: \(published)\n"
                text += "    url: https://example.org/reports/\(id)\n"
                text += "    description: Synthetic report \(k + 1) of \(date.text) from the \(sector.name) sector\n"
            }
            sourceIDs.append(ids)
        }

        text += "\nevents:\n"
        text.reserveCapacity(text.utf8.count + spec.events * 260)
        for (i, event) in events.enumerated() {
            let id = "ev-\(String(format: "%07d", i + 1))"
            let date = Generator.firstDay.adding(event.day)
            text += "  - id: \(id)\n"
            if event.start < event.day {
                text += "    date: {start: \(Generator.firstDay.adding(event.start).text), end: \(date.text)}\n"
                text += "    date_note: \"'in the past days', resolved from the report of \(date.text)\"\n"
            } else {
                text += "    date: \(date.text)\n"
            }
            text += "    kind: \(event.kind)\n"
            let placeName: String
            if let p = event.place {
                // Half the events name the place, half give its id, as hand-written timelines do.
                placeName = places[p].name
                text += "    place: \(i % 2 == 0 ? places[p].name : places[p].id)\n"
            } else {
                let c = event.coordinates!
                placeName = "a position near the front"
                text += "    coordinates: [\(Generator.number(Antimeridian.wrap(c.lon))), \(Generator.number(c.lat))]\n"
            }
            if let precision = event.precision { text += "    location_precision: \(precision)\n" }
            text += "    actor: \(event.actor)\n"
            text += "    summary: \"\(summary(event, placeName: placeName))\"\n"
            let pool = (event.day...min(days - 1, event.day + 2)).flatMap { sourceIDs[$0] }
            var cited: [String] = []
            for _ in 0..<(1 + rng.index(3)) {
                let s = pool[rng.index(pool.count)]
                if !cited.contains(s) { cited.append(s) }
            }
            text += "    sources: [\(cited.joined(separator: ", "))]\n"
        }

        text += "\nclaims:\n"
        for c in 0..<max(5, spec.events / 100) {
            let stated = 1 + rng.index(days - 1)
            let asOf = max(0, stated - rng.index(4))
            let source = sourceIDs[stated][rng.index(sourceIDs[stated].count)]
            let t = Double(asOf) / Double(max(1, days - 1))
            text += "  - id: cl-\(String(format: "%06d", c + 1))\n"
            text += "    claimant: \(Self.outlets[rng.index(Self.outlets.count)])\n"
            text += "    stated: \(Generator.firstDay.adding(stated).text)\n"
            text += "    as_of: \(Generator.firstDay.adding(asOf).text)\n"
            switch rng.index(5) {
            case 0:
                let value = (world.frontKm * 20 * (0.2 + t) * rng.uniform(0.5, 1.5)).rounded()
                let hedge = ["about", "at_least", "more_than", "up_to", "exact"][rng.index(5)]
                text += "    quantity: area\n    definition: controlled\n    value: \(Int(value))\n    unit: km2\n"
                text +=
                    "    hedge: \(hedge)\n    as_written: \(hedge.replacingOccurrences(of: "_", with: " ")) \(Int(value)) km²\n"
            case 1:
                let value = (world.frontKm * 30 * (0.2 + t) * rng.uniform(0.5, 1.5) / 2.59).rounded()
                text +=
                    "    quantity: area\n    definition: controlled_plus_contested\n    value: \(Int(value))\n    unit: sq mi\n"
                text += "    hedge: about\n    as_written: some \(Int(value)) square miles\n"
            case 2:
                let value = Int((40 * (0.3 + 0.7 * t) * rng.uniform(0.4, 1.3)).rounded())
                text +=
                    "    quantity: depth\n    definition: depth\n    value: [\(max(1, value - 5)), \(value + 5)]\n    unit: km\n"
                text += "    hedge: range\n    as_written: \(max(1, value - 5))-\(value + 5) km deep\n"
            case 3:
                let value = Int((world.frontKm / 3 * (0.2 + t) * rng.uniform(0.5, 1.5)).rounded()) + 1
                text +=
                    "    quantity: settlements\n    definition: settlements_controlled\n    value: \(value)\n    unit: settlements\n"
                text += "    hedge: more_than\n    as_written: more than \(value) settlements\n"
            default:
                let p = nearest(u: rng.uniform(0.01, 0.99), depth: rng.uniform(2, 40), bins: bins)
                let value = max(1, Int(places[p].depth.rounded()))
                text +=
                    "    quantity: distance\n    definition: distance_to_border\n    value: \(value)\n    unit: km\n"
                text +=
                    "    hedge: about\n    as_written: about \(value) km from the border\n    place: \(places[p].id)\n    to: border\n"
            }
            text += "    sources: [\(source)]\n"
        }
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchError("cannot write \(path)")
        }
    }

    private func header() -> String {
        """
        salient: 1
        id: bench-\(spec.name)
        title: Synthetic front (\(sector.name) sector), \(spec.places) places, \(spec.events) events, \(spec.days) days
        description: Generated by Benchmarks/salient-bench from seed \(spec.seed); every place and event is invented.
        timezone: \(sector.timeZone)
        gazetteer: gazetteer

        estimate:
          actor: \(Generator.actor)
          territory: [\(regionIDs.joined(separator: ", "))]
          border: \(borderID)
          radius_km: {city: 4, town: 3, village: 1.5, facility: 1, district: 4.5}
          precision_factor: {exact: 1, near: 2, district: 4}
          contested_band_km: 4
          join: hull

        """
    }

    /// The territory place nearest the wanted depth among those about at `u` along the front.
    private func nearest(u: Double, depth: Double, bins: [[Int]]) -> Int {
        let home = min(bins.count - 1, Int(u * Double(bins.count)))
        var best: (score: Double, index: Int)?
        var radius = 0
        while best == nil || radius <= 1 {
            for b in [home - radius, home + radius] where b >= 0 && b < bins.count {
                for i in bins[b] {
                    let score = abs(places[i].depth - depth) + 5 * abs(places[i].u - u) * world.frontKm / 5
                    if score < best?.score ?? .infinity { best = (score, i) }
                }
                if radius == 0 { break }
            }
            radius += 1
            if radius > bins.count { break }
        }
        return best!.index
    }

    private func summary(_ event: Event, placeName: String) -> String {
        switch event.kind {
        case "control": return "\(event.actor) forces are reported to hold \(placeName)."
        case "advance": return "\(event.actor) forces are reported advancing near \(placeName)."
        case "contested": return "Fighting is reported in and around \(placeName)."
        case "repelled": return "\(event.actor) forces say they repelled an attack at \(placeName)."
        case "strike": return "A strike is reported on \(placeName)."
        case "evacuation": return "Residents of \(placeName) are being evacuated."
        case "emergency": return "A state of emergency covers \(placeName)."
        default: return "\(event.actor) officials comment on the situation at \(placeName)."
        }
    }
}
