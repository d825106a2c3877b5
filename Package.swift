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
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-metrics.git", from: "2.13.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus.git", from: "2.4.1"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        // Tests only: already built for HummingbirdTesting; streams SSE bodies and talks to a child process.
        .package(url: "https://github.com/swift-server/async-http-client.git", from: "1.37.0"),
    ],
    targets: [
        .systemLibrary(name: "CLMDB", pkgConfig: "lmdb", providers: [.apt(["liblmdb-dev"])]),
        .target(name: "LMDB", dependencies: ["CLMDB"]),
        .target(name: "EventLog", dependencies: ["LMDB"]),
        .target(
            name: "Transparency",
            dependencies: ["EventLog", "LMDB", .product(name: "Crypto", package: "swift-crypto")]
        ),
        .target(name: "JSON"),
        .target(name: "JSONSchema", dependencies: ["JSON"]),
        .target(name: "Catalog", dependencies: ["EventLog", "JSON", "JSONSchema"]),
        .target(name: "Projections", dependencies: ["EventLog", "LMDB", "Catalog", "JSON"]),
        // The bureau's domains: rules and read models. Knows nothing of LMDB or HTTP.
        .target(name: "CivilAffairs", dependencies: ["JSON", "EventLog", "Projections", .product(name: "Crypto", package: "swift-crypto")]),
        .target(
            name: "LedgerServer",
            dependencies: [
                "EventLog",
                "Transparency",
                "Catalog",
                "Projections",
                "CivilAffairs",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        .executableTarget(
            name: "civic-ledger",
            dependencies: [
                "EventLog",
                "Transparency",
                "LedgerServer",
                "Catalog",
                "Projections",
                "CivilAffairs",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "ledger-bench",
            dependencies: [
                "EventLog",
                "Transparency",
                "Projections",
                "Catalog",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "LMDBTests", dependencies: ["LMDB"]),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "TransparencyTests", dependencies: ["Transparency", "EventLog", "LMDB"]),
        .testTarget(name: "JSONSchemaTests", dependencies: ["JSONSchema", "JSON"]),
        .testTarget(name: "CivilAffairsTests", dependencies: ["CivilAffairs", "JSON", "EventLog", "Projections"]),
        .testTarget(name: "ProjectionsTests", dependencies: ["Projections", "EventLog", "LMDB", "Catalog", "JSON"]),
        .testTarget(name: "CatalogTests", dependencies: ["Catalog", "EventLog", "JSON", "JSONSchema"]),
        .testTarget(
            name: "LedgerServerTests",
            dependencies: [
                "LedgerServer",
                "EventLog",
                "Projections",
                "JSON",
                "Catalog",
                "CivilAffairs",
                "Transparency",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        .testTarget(name: "CommandLineTests", dependencies: ["EventLog"]),
    ],
    swiftLanguageModes: [.v6]
)
