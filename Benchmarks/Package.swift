// swift-tools-version: 6.1
// Benchmarks live in their own package so that ordo-one/benchmark (and its malloc interposer) never becomes
// a dependency of swift-snmp itself. Run with `swift package benchmark` from this directory.
import PackageDescription

let package = Package(
    name: "swift-snmp-benchmarks",
    platforms: [.macOS(.v14)],
    dependencies: [
        // The root package; `name:` pins its identity so the checkout folder may have any name.
        .package(name: "swift-snmp", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
    ],
    targets: [
        .executableTarget(
            name: "BERCodec",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SNMPSMI", package: "swift-snmp"),
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            path: "Benchmarks/BERCodec",
            swiftSettings: [
                .enableUpcomingFeature("ExistentialAny"),
                .enableUpcomingFeature("InternalImportsByDefault"),
            ],
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        // A closed-loop GET load generator over any version, SNMPv3 included (the C load generator in
        // SideBySide/snmp-load.c only replays pre-encoded v1/v2c requests). Same client against both agents, so the
        // ratio compares the agents.
        .executableTarget(
            name: "snmp-load",
            dependencies: [.product(name: "SNMP", package: "swift-snmp")],
            path: "Tools/SNMPLoad"
        ),
    ],
    swiftLanguageModes: [.v6]
)
