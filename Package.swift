// swift-tools-version: 6.1
// CivicLedger: an append-only, verifiable event ledger over LMDB for a Civil Affairs Bureau.
import PackageDescription

let package = Package(
    name: "CivicLedger",
    platforms: [.macOS(.v15)],
    products: [
        .library(name: "EventLog", targets: ["EventLog"]),
        .executable(name: "civic-ledger", targets: ["civic-ledger"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
    ],
    targets: [
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "EventLog", dependencies: ["LMDB"]),
        .executableTarget(
            name: "civic-ledger",
            dependencies: [
                "EventLog",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog"]),
        .testTarget(name: "CommandLineTests", dependencies: ["EventLog"]),
    ],
    swiftLanguageModes: [.v6]
)
