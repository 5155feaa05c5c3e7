import Foundation

/// One benchmark size: what to generate, and which commands to time on it.
struct BenchSize {
    var name: String
    var spec: GeneratorSpec
    var commands: [String]
    /// Input files above Salient's default limit need SALIENT_MAX_INPUT_MB.
    var inputMegabytes: Int = 0
}

/// Times `salient` and the peer on the same generated inputs, one command at a time, checks
/// that their areas agree, and prints the table.
struct Harness {
    static let sizes: [BenchSize] = [
        BenchSize(
            name: "s", spec: GeneratorSpec(places: 1_000, events: 10_000, days: 100, sector: "kursk", seed: 1),
            commands: ["export", "snapshots", "check"]),
        BenchSize(
            name: "s-south", spec: GeneratorSpec(places: 1_000, events: 10_000, days: 100, sector: "south", seed: 2),
            commands: ["export", "snapshots"]),
        BenchSize(
            name: "s-antimeridian",
            spec: GeneratorSpec(places: 1_000, events: 10_000, days: 100, sector: "antimeridian", seed: 3),
            commands: ["export", "snapshots"]),
        BenchSize(
            name: "s-1000d", spec: GeneratorSpec(places: 1_000, events: 10_000, days: 1_000, sector: "kursk", seed: 1),
            commands: ["snapshots"]),
        BenchSize(
            name: "m-100d", spec: GeneratorSpec(places: 10_000, events: 10_000, days: 100, sector: "kursk", seed: 1),
            commands: ["export", "snapshots"]),
        BenchSize(
            name: "m-1000d", spec: GeneratorSpec(places: 10_000, events: 10_000, days: 1_000, sector: "kursk", seed: 1),
            commands: ["snapshots", "check"]),
        BenchSize(
            name: "l", spec: GeneratorSpec(places: 50_000, events: 200_000, days: 100, sector: "kursk", seed: 1),
            commands: ["export"], inputMegabytes: 256),
        BenchSize(
            name: "xl", spec: GeneratorSpec(places: 50_000, events: 1_000_000, days: 1_000, sector: "kursk", seed: 1),
            commands: ["export"], inputMegabytes: 1024),
    ]
    /// CI's correctness run: export and snapshots at the smallest size, in the Kursk sector,
    /// south of the equator and across the antimeridian.
    static let smallest = ["s", "s-south", "s-antimeridian"]
    /// What Benchmarks/README.md reports. At "l" only export is timed (200,000 events a day
    /// make 8 GB of daily files in 100 days); "s-1000d" and "xl" run on request.
    static let campaign = ["s", "s-south", "s-antimeridian", "m-100d", "m-1000d", "l"]

    let salient: String
    let python: String
    let peer: String
    let work: String
    let report: String?
    let sizes: [BenchSize]
    let keep: Bool
    let only: Set<String>?
    /// Measure the floor (Floor.swift) beside each row of Salient: on unless
    /// `--no-floor`, `--smallest` (CI's correctness run) or no perf.
    let floor: Bool
    let shares: String

    init(options: Options) throws {
        let root = FileManager.default.currentDirectoryPath
        salient = options.string("salient") ?? "\(root)/.build-bench/release/salient"
        python = options.string("python") ?? "\(root)/Benchmarks/.venv/bin/python"
        peer = options.string("peer") ?? "\(root)/Benchmarks/peer/salient_peer.py"
        work = options.string("work") ?? "\(root)/Benchmarks/.work"
        report = options.string("report")
        keep = options.flag("keep")
        floor = !options.flag("no-floor") && !options.flag("smallest") && Floor.available
        shares = "\(root)/Benchmarks/profile/shares.py"
        only =
            options.string("commands").map { Set($0.split(separator: ",").map(String.init)) }
            ?? (options.flag("smallest") ? ["export", "snapshots"] : nil)
        let names =
            options.flag("smallest")
            ? Self.smallest
            : options.string("sizes").map { $0.split(separator: ",").map(String.init) } ?? Self.campaign
        sizes = try names.map { name in
            guard let size = Self.sizes.first(where: { $0.name == name }) else {
                throw BenchError("unknown size '\(name)'; sizes: \(Self.sizes.map(\.name).joined(separator: ", "))")
            }
            return size
        }
        for tool in [salient, python, peer] where !FileManager.default.fileExists(atPath: tool) {
            throw BenchError("\(tool) not found; run Benchmarks/run.sh, which builds and installs everything")
        }
    }

    struct Row {
        var size: BenchSize
        var command: String
        var tool: String
        var measure: Measure
        var bytes: Int64
        var agreement: String
        var floor: Floor? = nil
    }

    func run() throws {
        let help = try Process.output(salient, ["--help"])
        let hasCheck = help.contains("\n  check ")
        var rows: [Row] = []
        var failures: [String] = []
        let trash = Trash(work: work)
        defer { trash.empty() }
        for size in sizes {
            let inputs = (work as NSString).appendingPathComponent("inputs/\(size.spec.name)")
            if !FileManager.default.fileExists(atPath: (inputs as NSString).appendingPathComponent("timeline.yaml")) {
                let started = Date()
                try? FileManager.default.removeItem(atPath: inputs)
                try Generator(spec: size.spec).write(to: inputs)
                log("generated \(size.spec.name) in \(String(format: "%.1f", Date().timeIntervalSince(started))) s")
            }
            let timeline = (inputs as NSString).appendingPathComponent("timeline.yaml")
            var environment = ProcessInfo.processInfo.environment
            if size.inputMegabytes > 0 { environment["SALIENT_MAX_INPUT_MB"] = String(size.inputMegabytes) }
            // `--commands` picks from every command, so a size can be timed beyond its default set.
            let commands = only.map { only in ["export", "snapshots", "check"].filter(only.contains) } ?? size.commands
            for command in commands {
                if command == "check" && !hasCheck {
                    log("\(size.name) check: skipped, this salient has no check command yet")
                    continue
                }
                let out = (work as NSString).appendingPathComponent("out/\(size.name)-\(command)")
                let salientOut = out + "-salient"
                let peerOut = out + "-peer"
                for folder in [salientOut, peerOut] { trash.discard(folder) }
                var salientArguments = [command, timeline]
                switch command {
                case "check": salientArguments += ["--format", "json"]
                default: salientArguments += ["--out", salientOut, "--quiet"]
                }
                log("\(size.name) \(command): salient …")
                let s = try Measure.run(
                    salient, salientArguments, environment: environment,
                    stdout: command == "check" ? salientOut + ".json" : "/dev/null")
                guard s.status == 0 else {
                    failures.append("\(size.name) \(command): salient exited \(s.status): \(s.stderr)")
                    log("  failed: \(s.stderr)")
                    continue
                }
                log(String(format: "  %.1f s, %.0f MB", s.wall, Double(s.maxRSSKilobytes) / 1024))
                log("\(size.name) \(command): peer …")
                let p = try Measure.run(
                    python, [peer, command, timeline, "--out", peerOut], environment: environment,
                    stdout: peerOut + ".timings.json")
                guard p.status == 0 else {
                    failures.append("\(size.name) \(command): peer exited \(p.status): \(p.stderr)")
                    log("  failed: \(p.stderr)")
                    continue
                }
                log(String(format: "  %.1f s, %.0f MB", p.wall, Double(p.maxRSSKilobytes) / 1024))
                let agreement: String
                do {
                    agreement = try Agreement.check(command: command, salient: salientOut, peer: peerOut)
                } catch {
                    agreement = "DISAGREE"
                    failures.append("\(size.name) \(command): \(error)")
                    log("  \(error)")
                }
                let salientBytes = command == "check" ? Self.bytes(salientOut + ".json") : Self.bytes(salientOut)
                var floorMeasured: Floor?
                if floor {
                    log("\(size.name) \(command): floor (salient under perf, then writing its bytes) …")
                    let profiledOut = out + "-salient-profiled"
                    // `check` prints its report; the floor writes as many bytes as it printed.
                    let profiledArguments =
                        command == "check"
                        ? salientArguments : [command, timeline, "--out", profiledOut, "--quiet"]
                    do {
                        floorMeasured = try Floor.measure(
                            salient: salient, arguments: profiledArguments, environment: environment,
                            profiledOut: profiledOut, output: command == "check" ? salientOut + ".json" : salientOut,
                            shares: shares, trash: trash)
                    } catch {
                        log("  floor not measured: \(error)")
                    }
                }
                rows.append(
                    Row(
                        size: size, command: command, tool: "salient", measure: s, bytes: salientBytes,
                        agreement: agreement, floor: floorMeasured))
                rows.append(
                    Row(
                        size: size, command: command, tool: "peer", measure: p, bytes: Self.bytes(peerOut),
                        agreement: agreement))
                if !keep {
                    for folder in [salientOut, peerOut] { trash.discard(folder) }
                }
            }
        }
        let table = Self.table(rows)
        print(table)
        if let report { try table.write(toFile: report, atomically: true, encoding: .utf8) }
        if !failures.isEmpty {
            trash.empty()
            FileHandle.standardError.write(Data(("FAILED:\n" + failures.joined(separator: "\n") + "\n").utf8))
            exit(1)
        }
    }

    private func log(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// Bytes in a file, or in every file under a folder.
    static func bytes(_ path: String) -> Int64 {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return 0 }
        if !isDirectory.boolValue {
            return (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int64) ?? 0
        }
        var total: Int64 = 0
        let enumerator = FileManager.default.enumerator(atPath: path)
        while let name = enumerator?.nextObject() as? String {
            let full = (path as NSString).appendingPathComponent(name)
            if let size = try? FileManager.default.attributesOfItem(atPath: full)[.size] as? Int64,
                (try? FileManager.default.attributesOfItem(atPath: full)[.type] as? FileAttributeType) == .typeRegular
            {
                total += size
            }
        }
        return total
    }

    static func table(_ rows: [Row]) -> String {
        var out =
            "| size | places | events | days | command | tool | wall s | CPU s | places/s | events/s | days/s | output MB | output MB/s | peak MB | others' CPU s | Salient/peer wall (CPU) | floor CPU s (GEOS + PROJ + writing) | Salient/floor (CPU) | areas |\n"
        out += "|---|--:|--:|--:|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|---|\n"
        for (i, row) in rows.enumerated() {
            let m = row.measure
            let spec = row.size.spec
            let days = row.command == "snapshots" ? spec.days : 1
            var ratio = ""
            if row.tool == "salient", i + 1 < rows.count {
                let peer = rows[i + 1].measure
                ratio = String(format: "%.2f (%.2f)", m.wall / peer.wall, m.cpu / peer.cpu)
            }
            out +=
                "| \(row.size.name) | \(spec.places) | \(spec.events) | \(row.command == "snapshots" ? String(spec.days) : "1") "
            out +=
                "| \(row.command) | \(row.tool) | \(f(m.wall, 1)) | \(f(m.cpu, 1)) | \(f(Double(spec.places) / m.wall, 0)) "
            out +=
                "| \(f(Double(spec.events) / m.wall, 0)) | \(row.command == "snapshots" ? f(Double(days) / m.wall, 1) : "—") "
            out +=
                "| \(f(Double(row.bytes) / 1e6, 1)) | \(f(Double(row.bytes) / 1e6 / m.wall, 1)) | \(f(Double(m.maxRSSKilobytes) / 1024, 0)) "
            out += "| \(f(m.othersCPU, 0)) "
            out += "| \(ratio) "
            if let floor = row.floor {
                out += "| \(f(floor.total, 2)) (\(f(floor.geos, 2)) + \(f(floor.proj, 2)) + \(f(floor.writing, 2))) "
                out += "| \(f(m.cpu / floor.total, 2)) "
            } else {
                out += "| | "
            }
            out += "| \(row.tool == "salient" ? row.agreement : "") |\n"
        }
        return out
    }

    private static func f(_ value: Double, _ decimals: Int) -> String {
        String(format: "%.\(decimals)f", value)
    }
}

/// Wall time, CPU time and peak resident memory of one child process (wait4's rusage).
struct Measure {
    var wall: Double
    var cpu: Double
    var maxRSSKilobytes: Int
    var status: Int32
    var stderr: String
    /// CPU seconds other processes used on the machine during the run (from /proc/stat): when
    /// it is large, something else competed for the two cores and the wall time suffers.
    var othersCPU: Double

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], stdout: String) throws
        -> Measure
    {
        let errorPath = NSTemporaryDirectory() + "salient-bench-\(getpid()).stderr"
        var actions: posix_spawn_file_actions_t = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, stdout, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            for argument in argv { free(argument) }
            for variable in envp { free(variable) }
        }
        let busyBefore = busySeconds()
        var pid: pid_t = 0
        let started = Date()
        let spawned = posix_spawn(&pid, executable, &actions, nil, argv, envp)
        guard spawned == 0 else {
            throw BenchError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 {
            guard errno == EINTR else { throw BenchError("wait4 failed: \(String(cString: strerror(errno)))") }
        }
        let wall = Date().timeIntervalSince(started)
        let busy = busySeconds() - busyBefore
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        let exited = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
        let errors = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
        unlink(errorPath)
        return Measure(
            wall: wall, cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime), maxRSSKilobytes: usage.ru_maxrss,
            status: exited, stderr: String(errors.suffix(2000)),
            othersCPU: max(0, busy - seconds(usage.ru_utime) - seconds(usage.ru_stime)))
    }

    /// CPU seconds all processes have used since boot (user, nice, system, irq, softirq, steal).
    static func busySeconds() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
            let line = text.split(separator: "\n").first(where: { $0.hasPrefix("cpu ") })
        else { return 0 }
        let fields = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard fields.count >= 8 else { return 0 }
        let ticks = sysconf(Int32(_SC_CLK_TCK))
        return (fields[0] + fields[1] + fields[2] + fields[5] + fields[6] + fields[7]) / Double(ticks > 0 ? ticks : 100)
    }
}

extension Process {
    static func output(_ executable: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
