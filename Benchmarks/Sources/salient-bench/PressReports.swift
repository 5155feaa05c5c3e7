import Foundation

/// How a synthetic press reports the truth: which settlements it ever names, how late, how
/// precisely, and how often it is wrong.
struct PressParameters {
    /// Share of the territory's settlements the press ever reports on (0...1).
    var density: Double
    /// Share of reports located only to the district (`location_precision: district`).
    var districtShare = 0.1
    /// Reports come out 0 to this many days after the change (0: 40 %, 1: 30 %, 2: 20 %, 3: 10 %).
    var maxLagDays = 3
    /// Share of reports that give a wrong state; each is corrected 2 to 6 days later.
    var errorShare = 0.03

    /// Every change reported the day it happens, exactly, and right.
    static func perfect(density: Double) -> PressParameters {
        PressParameters(density: density, districtShare: 0, maxLagDays: 0, errorShare: 0)
    }
}

/// Writes the timeline a press would publish about a `TrueFront`: a report on a settlement each
/// time its true state changes (taken, fought over, lost), published after a lag, dated as an
/// interval from the change to the publication when late (the estimate counts an event from its
/// interval's end). Every random draw of a place comes from the place's own generator, drawn
/// whatever the parameters, so a denser press reports a superset of the places a sparser one
/// does, with the same lags and the same mistakes.
struct PressReports {
    let spec: GeneratorSpec
    let sector: Sector
    let truth: TrueFront
    let written: Generator.Written

    private struct Report {
        var changed: Int
        var published: Int
        var place: Int
        var state: TrueFront.GroundState
        var coarse: Bool
        /// Picks the wording (kind and actor) of the report.
        var wording: Double
    }

    /// The places the press reports at `parameters` and their reports, in publication order.
    private func reports(_ parameters: PressParameters) -> [Report] {
        var all: [Report] = []
        let base = SplitMix64(seed: spec.seed).fork(5)
        for (index, place) in written.places.enumerated() where place.depth > 0 && Self.isSettlement(place.kind) {
            var rng = base.fork(UInt64(index) + 1)
            let reported = rng.unit() < parameters.density
            var changes: [(day: Int, state: TrueFront.GroundState)] = []
            var previous = TrueFront.GroundState.defender
            for day in 0..<truth.days {
                let state = truth.state(u: truth.u(atLon: place.position.lon), depthKm: place.depth, day: day)
                if state != previous { changes.append((day, state)) }
                previous = state
            }
            var mine: [Report] = []
            for change in changes {
                let lagDraw: Int = rng.pick([(0, 0.4), (1, 0.3), (2, 0.2), (3, 0.1)])
                let coarse = rng.unit() < parameters.districtShare
                let wrong = rng.unit() < parameters.errorShare
                let wrongPick = rng.index(2)
                let correctionDelay = 2 + rng.index(5)
                let wording = rng.unit()
                // The situation on the first day is published on the first day.
                let lag = change.day == 0 ? 0 : min(lagDraw, parameters.maxLagDays)
                let published = change.day + lag
                var state = change.state
                if wrong {
                    let others = [TrueFront.GroundState.held, .contested, .defender].filter { $0 != change.state }
                    state = others[wrongPick]
                    let day = published + correctionDelay
                    if day < truth.days {
                        let right = truth.state(u: truth.u(atLon: place.position.lon), depthKm: place.depth, day: day)
                        mine.append(
                            Report(
                                changed: day, published: day, place: index, state: right, coarse: false,
                                wording: wording))
                    }
                }
                mine.append(
                    Report(
                        changed: change.day, published: published, place: index, state: state, coarse: coarse,
                        wording: wording))
            }
            guard reported else { continue }
            // A place's reports in publication order; the defender retaking ground it is already
            // reported to hold says nothing new (and a timeline refuses it).
            mine.sort { ($0.published, $0.changed) < ($1.published, $1.changed) }
            var last: TrueFront.GroundState?
            for report in mine where report.published < truth.days {
                if report.state == .defender, last == nil || last == .defender { continue }
                all.append(report)
                last = report.state
            }
        }
        all.sort { ($0.published, $0.changed, $0.place) < ($1.published, $1.changed, $1.place) }
        return all
    }

    static func isSettlement(_ kind: String) -> Bool {
        kind == "city" || kind == "town" || kind == "village"
    }

    /// The press timeline's text, reading the same gazetteer as the generated timeline.
    func timeline(_ parameters: PressParameters, label: String) -> (text: String, events: Int) {
        let reports = reports(parameters)
        var text = """
            salient: 1
            id: press-\(spec.name)-\(label)
            title: Synthetic press reports (\(sector.name) sector), \(label)
            description: What a press publishes about the generated true front of seed \(spec.seed); every place and event is invented.
            timezone: \(sector.timeZone)
            gazetteer: gazetteer

            estimate:
              actor: \(Generator.actor)
              territory: [\(written.regionIDs.joined(separator: ", "))]
              border: \(written.borderID)
              radius_km: {city: 4, town: 3, village: 1.5, facility: 1, district: 4.5}
              precision_factor: {exact: 1, near: 2, district: 4}
              contested_band_km: 4
              join: hull

            sources:

            """
        for day in 0..<truth.days {
            let date = Generator.firstDay.adding(day).text
            text += "  - id: press-\(date.replacingOccurrences(of: "-", with: ""))\n"
            text += "    outlet: Synthetic press digest\n    published: \(date)\n"
            text += "    url: https://example.org/press/\(date)\n"
            text += "    description: The day's synthetic front reports from the \(sector.name) sector\n"
        }
        text += "\nevents:\n"
        for (i, report) in reports.enumerated() {
            let place = written.places[report.place]
            let published = Generator.firstDay.adding(report.published).text
            text += "  - id: pr-\(String(format: "%07d", i + 1))\n"
            if report.changed < report.published {
                text += "    date: {start: \(Generator.firstDay.adding(report.changed).text), end: \(published)}\n"
            } else {
                text += "    date: \(published)\n"
            }
            let (kind, actor, change, summary) = Self.wording(report, name: place.name)
            text += "    kind: \(kind)\n    place: \(place.id)\n"
            if report.coarse { text += "    location_precision: district\n" }
            text += "    actor: \(actor)\n"
            if let change { text += "    change: \(change)\n" }
            text += "    summary: \"\(summary)\"\n"
            text += "    sources: [press-\(published.replacingOccurrences(of: "-", with: ""))]\n"
        }
        return (text, reports.count)
    }

    private static func wording(_ report: Report, name: String) -> (String, String, String?, String) {
        let (blue, red) = (Generator.actor, Generator.defender)
        switch report.state {
        case .held:
            return ("control", blue, nil, "\(blue) forces are reported to hold \(name).")
        case .contested:
            if report.wording < 0.5 {
                return ("contested", report.wording < 0.25 ? blue : red, nil, "Fighting is reported in \(name).")
            }
            if report.wording < 0.8 { return ("advance", blue, nil, "\(blue) forces are reported near \(name).") }
            return ("repelled", red, nil, "\(red) forces say they repelled an attack at \(name).")
        case .defender:
            if report.wording < 0.7 { return ("control", red, "retaken", "\(red) forces say they retook \(name).") }
            return ("control", blue, "withdrew", "\(blue) forces are reported to have left \(name).")
        }
    }
}
