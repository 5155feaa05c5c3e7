// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "Salient",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "salient", targets: ["salient"]),
        .library(name: "SalientCore", targets: ["SalientCore"]),
        .library(name: "SalientIO", targets: ["SalientIO"]),
        .library(name: "SalientJobs", targets: ["SalientJobs"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", exact: "0.9.20"),
        .package(url: "https://github.com/yaslab/CSV.swift", from: "2.5.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.1.0"),
    ],
    targets: [
        .systemLibrary(name: "CGEOS", pkgConfig: "geos", providers: [.apt(["libgeos-dev"])]),
        .systemLibrary(name: "CPROJ", pkgConfig: "proj", providers: [.apt(["libproj-dev"])]),
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CXXHash", pkgConfig: "libxxhash", providers: [.apt(["libxxhash-dev"])]),
        .systemLibrary(name: "CCairo", pkgConfig: "cairo", providers: [.apt(["libcairo2-dev"])]),
        .systemLibrary(name: "CPostgres", pkgConfig: "libpq", providers: [.apt(["libpq-dev"])]),
        .target(
            name: "SalientCore",
            dependencies: ["CGEOS", "CPROJ", .product(name: "HeapModule", package: "swift-collections")]),
        .target(
            name: "SalientIO",
            dependencies: [
                "SalientCore", "CSQLite", "CXXHash", "CCairo", "CPostgres", .product(name: "Yams", package: "Yams"), "ZIPFoundation",
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(name: "SalientJobs", dependencies: ["SalientCore", "SalientIO"]),
        .executableTarget(
            name: "salient",
            dependencies: ["SalientCore", "SalientIO", "SalientJobs", .product(name: "ArgumentParser", package: "swift-argument-parser")]
        ),
        // What the test targets share: a seeded generator for generated cases.
        .target(name: "SalientTestSupport", path: "Tests/SalientTestSupport"),
        .testTarget(name: "SalientCoreTests", dependencies: ["SalientCore", "SalientTestSupport"]),
        .testTarget(name: "SalientIOTests", dependencies: ["SalientIO", "SalientTestSupport"]),
        .testTarget(name: "SalientJobsTests", dependencies: ["SalientJobs"]),
        .testTarget(
            name: "SalientCLITests", dependencies: ["salient", "SalientIO", "CCairo", "SalientTestSupport"],
            exclude: ["Fixtures", "Golden"]),
    ]
)
