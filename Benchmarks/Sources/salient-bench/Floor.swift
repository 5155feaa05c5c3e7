import Foundation

/// The least CPU time any program doing Salient's job could spend, measured beside each timed
/// run: the GEOS and PROJ CPU time of Salient's own run of the job, plus writing the bytes of
/// its output unformatted, in large calls, with one sync.
///
/// The library time comes from a second run of the same command under `perf record` (DWARF
/// call stacks, so that malloc and free called from GEOS count as GEOS), split by
/// `profile/shares.py`. The writing is timed here: files of the same sizes as the output,
/// filled with one byte, written in calls of 128 KB into a scratch folder beside it, then one
/// `sync`; the least of three rounds.
struct Floor {
    var geos: Double
    var proj: Double
    var writing: Double
    /// CPU seconds perf counted in the profiled run (near the timed run's, when perf costs little).
    var profiled: Double

    var total: Double { geos + proj + writing }

    static let writeCallBytes = 128 * 1024
    static let writeRounds = 3
    static let perfHertz = 299

    /// Whether `perf` can profile here; without it the harness leaves the floor columns empty.
    static var available: Bool {
        (try? Process.output("/bin/sh", ["-c", "command -v perf >/dev/null && echo yes"]))?.hasPrefix("yes") == true
    }

    /// Profiles `salient arguments` (whose `--out` must be `profiledOut`) and times writing what
    /// the timed run wrote to `output`.
    static func measure(
        salient: String, arguments: [String], environment: [String: String], profiledOut: String, output: String,
        shares: String, trash: Trash
    ) throws -> Floor {
        let data = NSTemporaryDirectory() + "salient-bench-\(getpid()).perf.data"
        defer { unlink(data) }
        let record = try Measure.run(
            "/usr/bin/env",
            ["perf", "record", "-q", "-F", String(perfHertz), "--call-graph", "dwarf,16384", "-o", data, salient]
                + arguments, environment: environment, stdout: "/dev/null")
        trash.discard(profiledOut)
        guard record.status == 0 else { throw BenchError("perf record exited \(record.status): \(record.stderr)") }
        let script =
            "perf script -i '\(data)' -F comm,tid,period,ip,sym,dso 2>/dev/null | python3 '\(shares)' --seconds"
        let line = try Process.output("/bin/sh", ["-c", script])
        guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Double],
            let geos = object["geos_s"], let proj = object["proj_s"], let all = object["total_s"]
        else { throw BenchError("shares.py printed no seconds: \(line.prefix(200))") }
        return Floor(geos: geos, proj: proj, writing: try writingCost(like: output, trash: trash), profiled: all)
    }

    /// The least CPU seconds, over `writeRounds`, of writing files of the sizes under `folder`.
    static func writingCost(like folder: String, trash: Trash) throws -> Double {
        let sizes = fileSizes(folder)
        var least = Double.infinity
        for round in 0..<writeRounds {
            least = min(least, try writeRound(sizes, into: folder + ".write-floor-\(round)", trash: trash))
        }
        return least
    }

    /// The sizes of the regular files under `folder`, or of `folder` itself when it is a file
    /// (`check` writes one report).
    private static func fileSizes(_ folder: String) -> [Int] {
        let own = try? FileManager.default.attributesOfItem(atPath: folder)
        if own?[.type] as? FileAttributeType == .typeRegular, let size = own?[.size] as? Int { return [size] }
        var sizes: [Int] = []
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let name = enumerator?.nextObject() as? String {
            let attributes = try? FileManager.default.attributesOfItem(atPath: folder + "/" + name)
            if attributes?[.type] as? FileAttributeType == .typeRegular, let size = attributes?[.size] as? Int {
                sizes.append(size)
            }
        }
        return sizes
    }

    private static func writeRound(_ sizes: [Int], into scratch: String, trash: Trash) throws -> Double {
        trash.discard(scratch)
        try FileManager.default.createDirectory(atPath: scratch, withIntermediateDirectories: true)
        defer { trash.discard(scratch) }
        let block = [UInt8](repeating: UInt8(ascii: "x"), count: writeCallBytes)
        let before = cpuSeconds()
        try block.withUnsafeBytes { block in
            for (index, size) in sizes.enumerated() {
                let path = "\(scratch)/\(index)"
                let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
                guard fd >= 0 else { throw BenchError("cannot create \(path): \(String(cString: strerror(errno)))") }
                defer { close(fd) }
                var left = size
                while left > 0 {
                    let n = write(fd, block.baseAddress!, min(left, writeCallBytes))
                    guard n > 0 else { throw BenchError("cannot write \(path): \(String(cString: strerror(errno)))") }
                    left -= n
                }
            }
        }
        sync()
        return cpuSeconds() - before
    }

    /// User and system CPU seconds this process has used.
    private static func cpuSeconds() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        return seconds(usage.ru_utime) + seconds(usage.ru_stime)
    }
}
