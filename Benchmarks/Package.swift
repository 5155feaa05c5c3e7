// swift-tools-version:6.0
import Foundation
import PackageDescription

// The benchmark harness and the input generator. It runs the release `salient` binary and the
// Python peer as child processes for timing; the accuracy report calls the estimator in-process,
// so the package depends on the root package. Build it in release mode:
//   swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build
// A path dependency is known by its folder's name, which differs between worktrees.
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().lastPathComponent
let package = Package(
    name: "SalientBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [.package(path: "..")],
    targets: [
        .executableTarget(
            name: "salient-bench",
            dependencies: [
                .product(name: "SalientCore", package: root), .product(name: "SalientIO", package: root),
            ],
            path: "Sources/salient-bench"),
    ]
)
