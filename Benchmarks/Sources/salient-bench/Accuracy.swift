import Foundation
import SalientCore
import SalientIO

/// `salient-bench accuracy`: generates a true front per sector and the press reports about it
/// at several densities, runs every estimate method on the reports in-process, and measures
/// each day's estimate against the truth.
struct Accuracy {
    let places: Int
    let days: Int
    let seed: UInt64
    let sectors: [String]
    let densities: [Int]
    let methods: [JoinMethod]
    let work: String
    let perDay: String?
    let perfect: Bool
    let jobs: Int
    /// With `--expect-in-range PCT`: fail unless, in every sector and density, some method puts
    /// the true held area inside its range on at least this share of the days.
    let expectInRange: Double?

    /// A shape lies inside another when less than this share of the truth's area is outside.
    static let shapeTolerance = 0.01

    init(options: Options) throws {
        places = try options.int("places", default: 3_000)
        days = try options.int("days", default: 80)
        seed = UInt64(try options.int("seed", default: 1))
        sectors = (options.string("sectors") ?? "kursk,south,antimeridian").split(separator: ",").map(String.init)
        densities = try (options.string("densities") ?? "5,20,50,100").split(separator: ",").map { text in
            guard let value = Int(text), (1...100).contains(value) else {
                throw BenchError("--densities takes percentages from 1 to 100, not '\(text)'")
            }
            return value
        }
        methods =
            try options.string("methods").map { list in
                try list.split(separator: ",").map { name in
                    guard let method = JoinMethod(rawValue: String(name)) else {
                        throw BenchError(
                            "unknown method '\(name)'; methods: \(JoinMethod.allCases.map(\.rawValue).joined(separator: ", "))"
                        )
                    }
                    return method
                }
            } ?? JoinMethod.allCases
        work = options.string("work") ?? "\(FileManager.default.currentDirectoryPath)/Benchmarks/.work/accuracy"
        perDay = options.string("per-day")
        perfect = options.flag("perfect")
        jobs = max(1, try options.int("jobs", default: 2))
        expectInRange = try options.string("expect-in-range").map { _ in
            Double(try options.int("expect-in-range")) / 100
        }
    }

    static let known: Set<String> = [
        "places", "days", "seed", "sectors", "densities", "methods", "work", "per-day", "perfect", "jobs",
        "expect-in-range",
    ]

    /// One press timeline of one sector, read as `salient` reads it.
    struct Case {
        var sector: String
        var density: Int
        var loaded: LoadedTimeline
        var events: Int
        var truth: [TruthDay]
    }

    /// Generates (or regenerates: the same seed writes the same files) every sector's inputs.
    func cases(geodesic: Geodesic) throws -> [Case] {
        var cases: [Case] = []
        for sector in sectors {
            let spec = GeneratorSpec(places: places, events: places, days: days, sector: sector, seed: seed)
            let folder = (work as NSString).appendingPathComponent(spec.name)
            let generator = try Generator(spec: spec)
            let (press, truth) = try Self.writeTruth(
                generator, written: try generator.write(to: folder), folder: folder, geodesic: geodesic)
            for density in densities {
                let parameters =
                    perfect
                    ? PressParameters.perfect(density: Double(density) / 100)
                    : PressParameters(density: Double(density) / 100)
                let (path, events) = try Self.writePress(press, parameters, folder: folder)
                cases.append(
                    Case(
                        sector: sector, density: density, loaded: try TimelineReader.read(path: path), events: events,
                        truth: truth))
            }
        }
        return cases
    }

    /// The generated case's truth: `truth.geojson`, and the reporter of it.
    static func writeTruth(
        _ generator: Generator, written: Generator.Written, folder: String, geodesic: Geodesic
    ) throws -> (PressReports, [TruthDay]) {
        var rng = SplitMix64(seed: generator.spec.seed).fork(4)
        let front = TrueFront(world: written.world, days: generator.spec.days, rng: &rng)
        let truth = try TruthFile.write(
            front, to: (folder as NSString).appendingPathComponent("truth.geojson"), geodesic: geodesic)
        return (PressReports(spec: generator.spec, sector: generator.sector, truth: front, written: written), truth)
    }

    /// Writes `press-[perfect-]dNN.yaml` and returns its path and its number of reports.
    static func writePress(
        _ press: PressReports, _ parameters: PressParameters, folder: String
    ) throws -> (path: String, events: Int) {
        let label =
            "\(parameters.maxLagDays == 0 && parameters.errorShare == 0 ? "perfect-" : "")d\(Int((parameters.density * 100).rounded()))"
        let (text, events) = press.timeline(parameters, label: label)
        let path = (folder as NSString).appendingPathComponent("press-\(label).yaml")
        guard FileManager.default.createFile(atPath: path, contents: Data(text.utf8)) else {
            throw BenchError("cannot write \(path)")
        }
        return (path, events)
    }

    func run() throws {
        let geodesic = try Geodesic.wgs84()
        let started = Date()
        let cases = try cases(geodesic: geodesic)
        let work = cases.flatMap { c in methods.map { (c, $0) } }
        let results = Results(count: work.count)
        let queue = DispatchQueue(label: "accuracy", attributes: .concurrent)
        let group = DispatchGroup()
        let slots = DispatchSemaphore(value: jobs)
        for (index, item) in work.enumerated() {
            slots.wait()
            queue.async(group: group) {
                defer { slots.signal() }
                results.set(index, Result { try Self.measure(item.0, method: item.1, geodesic: geodesic) })
            }
        }
        group.wait()
        let measured = try results.all()
        print(AccuracyTable.markdown(measured, perfect: perfect))
        if let perDay { try AccuracyTable.csv(measured).write(toFile: perDay, atomically: true, encoding: .utf8) }
        FileHandle.standardError.write(
            Data(
                "accuracy: \(work.count) runs in \(String(format: "%.0f", Date().timeIntervalSince(started))) s\n".utf8)
        )
        if let expectInRange {
            try Self.expect(measured, inRange: expectInRange)
        }
    }

    /// Throws naming each sector and density where no method reaches the share expected.
    static func expect(_ measured: [MethodAccuracy], inRange share: Double) throws {
        var failures: [String] = []
        var seen: [(String, Int)] = []
        for r in measured where !seen.contains(where: { $0 == (r.sector, r.density) }) {
            seen.append((r.sector, r.density))
        }
        for (sector, density) in seen {
            let runs = measured.filter { $0.sector == sector && $0.density == density }
            let best = runs.compactMap(\.areaInRange).max() ?? 0
            if best < share {
                failures.append("\(sector) at \(density) %: best \(AccuracyTable.percent(best))")
            }
        }
        guard failures.isEmpty else {
            throw BenchError(
                "the true area lies in the range on fewer than \(AccuracyTable.percent(share)) of days: "
                    + failures.joined(separator: "; "))
        }
        print(
            "every sector and density: some method puts the true area in its range on at least \(AccuracyTable.percent(share)) of days"
        )
    }

    /// The estimate of every day of one case by one method, against the truth.
    static func measure(_ c: Case, method: JoinMethod, geodesic: Geodesic) throws -> MethodAccuracy {
        var timeline = c.loaded.timeline
        timeline.estimate.join = method
        let estimator = try ControlAreaEstimator(
            timeline: timeline, gazetteer: c.loaded.gazetteer, geodesic: geodesic, bounds: true)
        let first = CalendarDay(ordinal: Generator.firstDay.ordinal)
        let estimates = try estimator.estimates(for: c.truth.map { first.adding(days: $0.day) })
        var rows: [DayAccuracy] = []
        for (truth, estimate) in zip(c.truth, estimates) {
            let range = try bounds(of: estimate)
            let controlled = try ShapeAgreement.compare(
                estimate: estimate.controlled.geometry, map: truth.held, geodesic: geodesic)
            // Both tiers, not the upper bound: for `cells` the upper bound also holds unknown cells.
            let tiers =
                estimate.contested.geometry.polygons.isEmpty
                ? estimate.controlled.geometry
                : try MultiPolygon.union([estimate.controlled.geometry, estimate.contested.geometry])
            let both = try ShapeAgreement.compare(estimate: tiers, map: truth.outer, geodesic: geodesic)
            let lower =
                range.lower.geometry == estimate.controlled.geometry
                ? controlled
                : try ShapeAgreement.compare(estimate: range.lower.geometry, map: truth.held, geodesic: geodesic)
            let upper = try ShapeAgreement.compare(estimate: range.upper.geometry, map: truth.held, geodesic: geodesic)
            let tolerance = shapeTolerance * truth.heldSquareKilometers
            let previous = truth.day > 0 ? c.truth[truth.day - 1].heldSquareKilometers : .infinity
            rows.append(
                DayAccuracy(
                    day: truth.day, trueSquareKilometers: truth.heldSquareKilometers,
                    lowerSquareKilometers: range.lower.areaSquareKilometers,
                    upperSquareKilometers: range.upper.areaSquareKilometers,
                    controlledIoU: controlled.intersectionOverUnion ?? 1, bothIoU: both.intersectionOverUnion ?? 1,
                    areaInRange: range.lower.areaSquareKilometers <= truth.heldSquareKilometers
                        && truth.heldSquareKilometers <= range.upper.areaSquareKilometers,
                    shapeInRange: lower.estimateOutsideMap.areaSquareKilometers <= tolerance
                        && upper.mapOutsideEstimate.areaSquareKilometers <= tolerance,
                    retreating: truth.heldSquareKilometers < previous))
        }
        return MethodAccuracy(sector: c.sector, density: c.density, method: method, events: c.events, days: rows)
    }
}

/// The results of runs finished in any order, kept in the order they were started.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var slots: [Result<MethodAccuracy, Error>?]

    init(count: Int) {
        slots = Array(repeating: nil, count: count)
    }

    func set(_ index: Int, _ result: Result<MethodAccuracy, Error>) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func all() throws -> [MethodAccuracy] {
        try slots.map { try $0!.get() }
    }
}
