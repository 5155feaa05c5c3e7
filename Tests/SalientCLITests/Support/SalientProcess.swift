import Foundation
import Testing

/// Runs the built `salient` binary, as a user would, and captures what it says.
struct SalientProcess {
    struct Outcome {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Golden")

    /// The binary SwiftPM built beside the test runner (found once: Foundation's bundle
    /// enumeration leaks a little on each call, which LeakSanitizer would report).
    static let executable: URL = {
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        for folder in [
            runner.deletingLastPathComponent(), runner.deletingLastPathComponent().deletingLastPathComponent(),
        ] {
            let url = folder.appendingPathComponent("salient")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        return repository.appendingPathComponent(".build/debug/salient")
    }()

    @discardableResult
    static func run(_ arguments: [String], in folder: URL = repository, environment: [String: String] = [:]) throws
        -> Outcome
    {
        try launch(executable, arguments, in: folder, environment: environment)
    }

    /// A fresh folder under the system's temporary folder, removed by the caller.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("salient-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// Runs an external tool (ogrinfo, python3) and returns its output; fails the test when it is missing.
    static func tool(_ name: String, _ arguments: [String], environment: [String: String] = [:]) throws -> Outcome {
        try launch(URL(fileURLWithPath: "/usr/bin/env"), [name] + arguments, in: repository, environment: environment)
    }

    private static func launch(_ program: URL, _ arguments: [String], in folder: URL, environment: [String: String])
        throws -> Outcome
    {
        let process = Process()
        process.executableURL = program
        process.arguments = arguments
        process.currentDirectoryURL = folder
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read before waiting so a full pipe never blocks the child (stderr is small).
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}

/// Compares output with a golden file byte for byte. With SALIENT_RECORD_GOLDENS=1 it writes
/// the golden file instead and fails, so a recording run never passes unnoticed.
func assertGolden(_ actual: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let url = SalientProcess.golden.appendingPathComponent(name)
    if ProcessInfo.processInfo.environment["SALIENT_RECORD_GOLDENS"] == "1" {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try actual.write(to: url, atomically: true, encoding: .utf8)
        Issue.record(
            "recorded golden file \(name); run again without SALIENT_RECORD_GOLDENS", sourceLocation: sourceLocation)
        return
    }
    let expected = try String(contentsOf: url, encoding: .utf8)
    #expect(
        actual == expected,
        "output differs from Golden/\(name); re-record with SALIENT_RECORD_GOLDENS=1 if the change is intended",
        sourceLocation: sourceLocation)
}
