// swift-tools-version: 6.1
// Benchmarks live in their own package so `swift test` in the root never builds them.
// Run: cd Benchmarks && swift package benchmark   (see the README's Benchmarks section)
import PackageDescription

let package = Package(
    name: "LocalCurrencyImpactBenchmarks",
    platforms: [.macOS(.v13)],
    dependencies: [
        .package(name: "LocalCurrencyImpact", path: ".."),
        // MallocInterposer only: the default traits pull in a package the local mirror lacks.
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.1", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "LeontiefBenchmarks",
            dependencies: [
                .product(name: "LocalCurrencyImpact", package: "LocalCurrencyImpact"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "LeontiefBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
        .executableTarget(
            name: "ScanBenchmarks",
            dependencies: [
                .product(name: "LocalCurrencyImpact", package: "LocalCurrencyImpact"),
                .product(name: "Benchmark", package: "benchmark"),
            ],
            path: "ScanBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
