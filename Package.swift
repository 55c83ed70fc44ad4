// swift-tools-version: 6.1
// The package layout follows DESIGN.md: one target per RFC 3411 subsystem, dependencies pointing one way.
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]

let package = Package(
    name: "swift-snmp",
    platforms: [.macOS(.v14)],
    products: [
        .library(name: "SNMPSMI", targets: ["SNMPSMI"]),
        .library(name: "SNMPSecurity", targets: ["SNMPSecurity"]),
        .library(name: "SNMPMIB", targets: ["SNMPMIB"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .target(
            name: "SNMPSMI",
            dependencies: [.product(name: "NIOCore", package: "swift-nio")],
            path: "Sources/SMI",
            swiftSettings: strict
        ),
        .target(
            name: "SNMPSecurity",
            dependencies: ["SNMPSMI", .product(name: "NIOCore", package: "swift-nio")],
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
            swiftSettings: strict
        ),
        .testTarget(
            name: "SMITests",
            dependencies: ["SNMPSMI", .product(name: "NIOCore", package: "swift-nio")],
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
