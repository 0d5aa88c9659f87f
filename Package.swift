// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "LocalCurrencyImpact",
    platforms: [.macOS(.v13)],
    products: [
        // MARK: - Public API
        .library(name: "LocalCurrencyImpact", targets: ["LocalCurrencyImpact"]),
        .executable(name: "lcimpact", targets: ["lcimpact"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
    ],
    targets: [
        // MARK: - C libraries (no API of their own)
        .systemLibrary(
            name: "COpenBLAS",
            pkgConfig: "openblas",
            providers: [.apt(["libopenblas-dev", "liblapacke-dev"])]
        ),

        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        .target(name: "CScanSupport"),

        // MARK: - Implementation modules (see shared DESIGN.md for who may import whom)
        .target(name: "LinearAlgebra", dependencies: ["COpenBLAS"]),
        .target(name: "TransactionIO", dependencies: ["CScanSupport", "CZlib"]),
        .target(name: "Aggregates", dependencies: ["TransactionIO", "CScanSupport"]),
        .target(name: "ImpactModel", dependencies: ["LinearAlgebra"]),
        .target(name: "ConsumerAnalytics", dependencies: ["Aggregates", "LinearAlgebra"]),
        .target(name: "ImpactReports", dependencies: ["ImpactModel", "ConsumerAnalytics", "Aggregates", "TransactionIO"]),

        // MARK: - Facade and command-line tool
        .target(
            name: "LocalCurrencyImpact",
            dependencies: [
                "LinearAlgebra", "TransactionIO", "Aggregates", "ImpactModel",
                "ConsumerAnalytics", "ImpactReports",
            ]
        ),
        .executableTarget(
            name: "lcimpact",
            dependencies: [
                "LocalCurrencyImpact",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),

        // MARK: - Tests
        .testTarget(name: "LinearAlgebraTests", dependencies: ["LinearAlgebra"]),
        .testTarget(name: "TransactionIOTests", dependencies: ["TransactionIO"]),
        .testTarget(name: "AggregatesTests", dependencies: ["Aggregates", "TransactionIO"]),
        .testTarget(name: "ImpactModelTests", dependencies: ["ImpactModel", "LinearAlgebra"]),
        .testTarget(name: "ConsumerAnalyticsTests", dependencies: ["ConsumerAnalytics", "Aggregates"]),
        .testTarget(name: "ImpactReportsTests", dependencies: ["ImpactReports", "ImpactModel"]),
        .testTarget(name: "HardeningTests", dependencies: ["LocalCurrencyImpact"]),
        .testTarget(
            name: "LocalCurrencyImpactTests",
            dependencies: ["LocalCurrencyImpact"],
            resources: []
        ),
    ]
)
