import Foundation

/// salient-bench: generates synthetic fronts and times `salient` against the Python peer.
///   salient-bench generate --places N --events N --days N [--sector S] [--seed N] --out DIR
///   salient-bench run [--smallest] [--sizes NAME,...] [options]   (see Harness.swift)
let arguments = Array(CommandLine.arguments.dropFirst())
let usage = """
    usage: salient-bench generate --places N --events N --days N [--sector kursk|south|antimeridian|random|LON,LAT] [--seed N] --out DIR
           salient-bench run [--smallest] [--sizes NAME,...] [--commands export,snapshots,check] [--keep] [--no-floor]
                             [--salient PATH] [--python PATH] [--peer PATH] [--work DIR] [--report FILE]
    """
if arguments.contains("--help") || arguments.contains("-h") {
    print(usage)
    exit(0)
}
do {
    switch arguments.first {
    case "generate":
        let options = try Options(
            Array(arguments.dropFirst()), known: ["places", "events", "days", "sector", "seed", "out"])
        let spec = GeneratorSpec(
            places: try options.int("places"), events: try options.int("events"), days: try options.int("days"),
            sector: options.string("sector") ?? "kursk", seed: UInt64(try options.int("seed", default: 1)))
        let out = options.string("out") ?? "."
        let started = Date()
        try Generator(spec: spec).write(to: out)
        print("wrote \(spec.name) to \(out) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
    case "run":
        let known: Set<String> = [
            "smallest", "sizes", "commands", "keep", "salient", "python", "peer", "work", "report", "no-floor",
        ]
        try Harness(options: try Options(Array(arguments.dropFirst()), known: known)).run()
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
