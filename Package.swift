// swift-tools-version: 6.1
// The package layout follows ARCHITECTURE.md: one target per RFC 3411 subsystem, dependencies pointing one way.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "swift-snmp",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SNMP", targets: ["SNMP"]),
        .library(name: "SNMPSMI", targets: ["SNMPSMI"]),
        .library(name: "SNMPSecurity", targets: ["SNMPSecurity"]),
        .library(name: "SNMPMIB", targets: ["SNMPMIB"]),
        .library(name: "SNMPMessageProcessing", targets: ["SNMPMessageProcessing"]),
        .library(name: "SNMPDispatcher", targets: ["SNMPDispatcher"]),
        .library(name: "SNMPAccessControl", targets: ["SNMPAccessControl"]),
        .library(name: "SNMPApplications", targets: ["SNMPApplications"]),
        .library(name: "SNMPAgent", targets: ["SNMPAgent"]),
        .library(name: "SNMPExporter", targets: ["SNMPExporter"]),
        .executable(name: "snmp", targets: ["SNMPCLI"]),
        .executable(name: "snmp-examples", targets: ["SNMPExamples"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // The Prometheus exporter (`snmp exporter`): HTTP server, its own /metrics, and snmp.yml.
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        // Only for `swift package generate-documentation`: the DocC catalogues under each Sources/*/Docs.docc.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .target(
            name: "SNMPSMI",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            path: "Sources/SMI",
            swiftSettings: strict
        ),
        .systemLibrary(
            name: "COpenSSL",
            path: "Sources/COpenSSL",
            pkgConfig: "libcrypto",
            providers: [.apt(["libssl-dev"])]
        ),
        .target(
            name: "SNMPSecurity",
            dependencies: [
                "SNMPSMI", "COpenSSL",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Sources/Security",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPMIB",
            dependencies: [
                "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Sources/MIB",
            exclude: ["Resources/README.md"],
            // The standard modules ship with the package; see BundledMIBs.swift for how they are found.
            resources: [.copy("Resources/mibs")],
            swiftSettings: strict
        ),
        .target(
            name: "SNMPMessageProcessing",
            dependencies: [
                "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            path: "Sources/MessageProcessing",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPDispatcher",
            dependencies: [
                "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Dispatcher",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPAccessControl",
            dependencies: ["SNMPSMI"],
            path: "Sources/AccessControl",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPApplications",
            dependencies: [
                "SNMPAccessControl", "SNMPDispatcher", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Applications",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPAgent",
            dependencies: [
                "SNMPApplications", "SNMPAccessControl", "SNMPDispatcher", "SNMPMessageProcessing", "SNMPSecurity",
                "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Agent",
            swiftSettings: strict
        ),
        .target(
            name: "SNMP",
            dependencies: [
                "SNMPAgent", "SNMPApplications", "SNMPDispatcher", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                "SNMPMIB",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/HighLevel",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPExporter",
            dependencies: [
                "SNMP", "SNMPMIB",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Yams", package: "Yams"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/Exporter",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SNMPCLI",
            dependencies: [
                "SNMP", "SNMPMIB", "SNMPDispatcher", "SNMPExporter",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Sources/CLI",
            swiftSettings: strict
        ),
        .executableTarget(
            name: "SNMPExamples",
            dependencies: [
                "SNMP", "SNMPAccessControl",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            path: "Examples",
            swiftSettings: strict
        ),
        .testTarget(
            name: "InteropTests",
            dependencies: [
                "SNMP", "SNMPCLI", "SNMPExamples", "SNMPMIB", "SNMPExporter", "SNMPMessageProcessing",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
            ],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ExporterTests",
            dependencies: [
                "SNMPExporter", "SNMP",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AgentTests",
            dependencies: [
                "SNMPAgent", "SNMPApplications", "SNMPAccessControl", "SNMPSecurity", "SNMPSMI", "SNMPMessageProcessing",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ApplicationsTests",
            dependencies: [
                "SNMPApplications", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "RenderingTests",
            dependencies: ["SNMPMIB", "SNMPSMI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "AccessControlTests",
            dependencies: ["SNMPAccessControl", "SNMPSMI"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "ResponderTests",
            dependencies: [
                "SNMPApplications", "SNMPAccessControl", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "DispatcherTests",
            dependencies: [
                "SNMPDispatcher", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MessageProcessingTests",
            dependencies: [
                "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI",
                .product(name: "NIOCore", package: "swift-nio"),
            ],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SMITests",
            dependencies: ["SNMPSMI", .product(name: "NIOCore", package: "swift-nio")],
            swiftSettings: strict
        ),
        .testTarget(
            name: "SecurityTests",
            dependencies: ["SNMPSecurity", "SNMPSMI", .product(name: "NIOCore", package: "swift-nio")],
            exclude: ["Fixtures"],
            swiftSettings: strict
        ),
        .testTarget(
            name: "MIBTests",
            dependencies: ["SNMPMIB", "SNMPSMI"],
            swiftSettings: strict
        ),
    ],
    swiftLanguageModes: [.v6]
)

// Fuzz/: libFuzzer targets, declared only when SWIFT_SNMP_FUZZ is set (Fuzz/run sets it and builds them in their
// own scratch path with `-sanitize=fuzzer,address -parse-as-library`, see Fuzz/README.md). The CLI is then a
// library without its main.swift, so the CLI target's parsers can be fuzzed; a normal build never sees any of it.
if Context.environment["SWIFT_SNMP_FUZZ"] != nil {
    // Executables become libraries without their main.swift (`-parse-as-library` refuses top-level code).
    package.products.removeAll { $0.name == "snmp" || $0.name == "snmp-examples" }
    for name in ["SNMPCLI", "SNMPExamples"] {
        guard let index = package.targets.firstIndex(where: { $0.name == name }) else { continue }
        let executable = package.targets[index]
        package.targets[index] = .target(name: executable.name, dependencies: executable.dependencies,
                                         path: executable.path, exclude: ["main.swift"],
                                         swiftSettings: executable.swiftSettings)
    }
    let fuzzTargets: [(name: String, dependencies: [Target.Dependency])] = [
        ("FuzzBER", ["SNMPSMI"]),
        ("FuzzCommunityMessage", ["SNMPMessageProcessing", "SNMPSMI"]),
        ("FuzzV3USM", ["SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI"]),
        ("FuzzAgentRequest", ["SNMPAgent", "SNMPApplications", "SNMPAccessControl", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI"]),
        ("FuzzNotificationIntake", ["SNMPApplications", "SNMPMessageProcessing", "SNMPSecurity", "SNMPSMI"]),
        ("FuzzMIBParser", ["SNMPMIB"]),
        ("FuzzAgentConfig", ["SNMPAgent", "SNMPApplications"]),
        ("FuzzCLIValues", ["SNMPCLI", "SNMP", "SNMPMIB"]),
    ]
    for (name, dependencies) in fuzzTargets {
        package.targets.append(.executableTarget(
            name: name,
            dependencies: dependencies + [.product(name: "NIOCore", package: "swift-nio")],
            path: "Fuzz/Targets/\(name)",
            swiftSettings: strict
        ))
    }
}
