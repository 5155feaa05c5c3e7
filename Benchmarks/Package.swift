// swift-tools-version:6.0
import PackageDescription

// The benchmark harness and the input generator. It runs the release `salient` binary and the
// Python peer as child processes, so it depends on neither; build it in release mode:
//   swift build -c release --package-path Benchmarks --scratch-path Benchmarks/.build
let package = Package(
    name: "SalientBenchmarks",
    targets: [
        .executableTarget(name: "salient-bench", path: "Sources/salient-bench"),
    ]
)
