import Foundation

/// salient-bench: generates synthetic fronts and times `salient` against the Python peer.
///   salient-bench generate --places N --events N --days N [--sector S] [--seed N] --out DIR
///   salient-bench run [--smallest] [--sizes NAME,...] [options]   (see Harness.swift)
///   salient-bench accuracy [options]   (see Accuracy.swift)
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: salient-bench generate --places N --events N --days N [--sector kursk|south|antimeridian|random|LON,LAT] [--seed N] --out DIR
                                  [--truth [--density PERCENT]]
           salient-bench run [--smallest] [--sizes NAME,...] [--commands export,snapshots,check] [--keep] [--no-floor]
                             [--salient PATH] [--python PATH] [--peer PATH] [--work DIR] [--report FILE]
           salient-bench accuracy [--places N] [--days N] [--seed N] [--sectors S,...] [--densities 5,20,50,100]
                                  [--methods hull,...] [--perfect] [--jobs N] [--work DIR] [--per-day FILE.csv]
    """
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
do {
    switch arguments.first {
    case "generate":
        let options = try Options(
            Array(arguments.dropFirst()),
            known: ["places", "events", "days", "sector", "seed", "out", "truth", "density"])
        let spec = GeneratorSpec(
            places: try options.int("places"), events: try options.int("events"), days: try options.int("days"),
            sector: options.string("sector") ?? "kursk", seed: UInt64(try options.int("seed", default: 1)))
        let out = options.string("out") ?? "."
        let started = Date()
        let generator = try Generator(spec: spec)
        let written = try generator.write(to: out)
        if options.flag("truth") {
            // The true front and what a press reports of it (Accuracy.swift).
            let (press, _) = try Accuracy.writeTruth(generator, written: written, folder: out, geodesic: .wgs84())
            _ = try Accuracy.writePress(
                press, PressParameters(density: Double(try options.int("density", default: 50)) / 100), folder: out)
        }
        print("wrote \(spec.name) to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    case "run":
        let known: Set<String> = [
            "smallest", "sizes", "commands", "keep", "salient", "python", "peer", "work", "report", "no-floor",
        ]
        try Harness(options: try Options(Array(arguments.dropFirst()), known: known)).run()
    case "accuracy":
        try Accuracy(options: try Options(Array(arguments.dropFirst()), known: Accuracy.known)).run()
    default:
        print(usage)
        exit(arguments.first == nil ? 0 : 2)
    }
} catch {
    FileHandle.standardError.write(Data("error: \(error)\n".utf8))
    exit(2)
}

/// `--name value` pairs and `--flag`s.
struct Options {
    private var values: [String: String] = [:]
    private var flags: Set<String> = []

    /// Refuses names outside `known`: a mistyped option must not start an hour-long run.
    init(_ arguments: [String], known: Set<String>) throws {
        var i = 0
        while i < arguments.count {
            let a = arguments[i]
            guard a.hasPrefix("--") else { throw BenchError("unexpected argument '\(a)'") }
            let name = String(a.dropFirst(2))
            guard known.contains(name) else {
                throw BenchError(
                    "unknown option '--\(name)'; options: \(known.sorted().map { "--" + $0 }.joined(separator: ", "))")
            }
            if i + 1 < arguments.count, !arguments[i + 1].hasPrefix("--") {
                values[name] = arguments[i + 1]
                i += 2
            } else {
                flags.insert(name)
                i += 1
            }
        }
    }

    func string(_ name: String) -> String? { values[name] }
    func flag(_ name: String) -> Bool { flags.contains(name) }

    func int(_ name: String, default fallback: Int? = nil) throws -> Int {
        if let text = values[name] {
            guard let v = Int(text.replacingOccurrences(of: "_", with: "")) else {
                throw BenchError("--\(name) needs a whole number")
            }
            return v
        }
        guard let fallback else { throw BenchError("missing --\(name)") }
        return fallback
    }
}
